package dev.orb.adapter.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh H2 file database in its own temporary directory. */
final class H2Backend implements Backend {
    private final Path dir;
    private final JdbcConfig config;

    H2Backend() {
        try {
            dir = Files.createTempDirectory("orb-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config = JdbcConfig.h2File(dir);
    }

    Path directory() {
        return dir;
    }

    @Override
    public JdbcConfig config() {
        return config;
    }

    @Override
    public Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    @Override
    public void destroy() {
        deleteRecursively(dir);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
