package dev.orb.adapter.jdbc;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema {@code orb_test_<random>} in the PostgreSQL database {@code test} on 127.0.0.1:5432 (trust
 * authentication), dropped afterwards.
 *
 * <p>When the server cannot be reached the PostgreSQL tests are skipped with the reason, unless the system
 * property or environment variable {@value #REQUIRE} is {@code true}: then they fail. Override the server with
 * {@code ORB_PG_URL} and the user with {@code ORB_PG_USER} (property or environment).
 */
final class PostgresBackend implements Backend {
    static final String REQUIRE = "ORB_REQUIRE_POSTGRES";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile Optional<String> workingUser;
    private static volatile String unavailableReason;

    private final String user;
    private final String schema;
    private final JdbcConfig config;

    private PostgresBackend(String user) {
        this.user = user;
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        this.schema = "orb_test_" + HexFormat.of().formatHex(bytes);
        this.config = JdbcConfig.postgres(url(), user, "").withSchema(schema).withPoolSize(4);
    }

    /** A backend on a new schema, or a skipped (or, when required, failed) test when the server is unreachable. */
    static PostgresBackend createOrSkip() {
        String reachable = user();
        if (reachable == null) {
            String message = "PostgreSQL at " + url() + " is unreachable (" + unavailableReason + ")";
            if (required()) {
                Assertions.fail(message + " and " + REQUIRE + "=true");
            }
            Assumptions.abort(message + "; PostgreSQL contract tests skipped (set " + REQUIRE + "=true to fail instead)");
        }
        return new PostgresBackend(reachable);
    }

    static boolean required() {
        return Boolean.parseBoolean(setting(REQUIRE, "false").trim().toLowerCase(Locale.ROOT));
    }

    static String url() {
        return setting("ORB_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The first user that can log in (cached), or null when none can. */
    private static synchronized String user() {
        if (workingUser == null) {
            Set<String> candidates = new LinkedHashSet<>();
            candidates.add(setting("ORB_PG_USER", "postgres"));
            candidates.add("postgres");
            candidates.add(System.getProperty("user.name"));
            List<String> errors = new ArrayList<>();
            DriverManager.setLoginTimeout(5);
            for (String candidate : candidates) {
                try (Connection c = DriverManager.getConnection(url(), candidate, "")) {
                    c.getMetaData();
                    workingUser = Optional.of(candidate);
                    return candidate;
                } catch (SQLException e) {
                    errors.add(candidate + ": " + e.getMessage());
                }
            }
            unavailableReason = String.join("; ", errors);
            workingUser = Optional.empty();
        }
        return workingUser.orElse(null);
    }

    String schema() {
        return schema;
    }

    @Override
    public JdbcConfig config() {
        return config;
    }

    @Override
    public Connection rawConnection() throws SQLException {
        Connection c = DriverManager.getConnection(url(), user, "");
        c.setSchema(schema);
        return c;
    }

    @Override
    public void destroy() {
        try (Connection c = DriverManager.getConnection(url(), user, ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping test schema " + schema + " failed", e);
        }
    }
}
