package dev.orb.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import picocli.CommandLine.Option;

import dev.orb.adapter.alpaca.AlpacaConfig;
import dev.orb.adapter.jdbc.JdbcConfig;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.adapter.polygon.PolygonConfig;
import dev.orb.domain.TradingMode;

/**
 * The options every trading command shares: the configuration file and the database. The environment comes from
 * the {@link Main} that created the command (the process's, or a test's).
 */
final class AppOptions {
    private final Map<String, String> env;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (keys: docs/operations.md)")
    Path configFile;

    @Option(names = "--db", paramLabel = "DIR", description = "H2 database directory (default: db.dir or ~/.orb)")
    Path db;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "PostgreSQL instead of H2: jdbc:postgresql://host/db (user: jdbc.user; password: "
                    + "ORB_JDBC_PASSWORD)")
    String jdbcUrl;

    AppOptions(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** The validated configuration: the file, then the environment. */
    AppConfig config() {
        return AppConfig.load(Optional.ofNullable(configFile), env);
    }

    /** Opens the database the options and configuration name. */
    JdbcStorage openStorage(AppConfig config) {
        String url = jdbcUrl != null ? jdbcUrl : config.get("jdbc.url").orElse(null);
        if (url != null) {
            return JdbcStorage.create(JdbcConfig.postgres(url, config.get("jdbc.user").orElse("orb"),
                    config.jdbcPassword().orElse("")));
        }
        Path dir = db != null ? db : config.get("db.dir").map(Path::of)
                .orElseGet(() -> Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".orb"));
        return JdbcStorage.create(JdbcConfig.h2File(dir));
    }

    /** Alpaca's configuration for {@code mode}; the keys must have been required. */
    static AlpacaConfig alpaca(AppConfig config, TradingMode mode) {
        String key = config.get("alpaca.keyId").orElseThrow();
        String secret = config.get("alpaca.secretKey").orElseThrow();
        AlpacaConfig.Builder b = AlpacaConfig.builder();
        return (mode == TradingMode.LIVE ? b.live(key, secret) : b.paper(key, secret)).build();
    }

    /** Polygon's configuration; the key must have been required. */
    static PolygonConfig polygon(AppConfig config) {
        return PolygonConfig.builder(config.get("polygon.apiKey").orElseThrow()).build();
    }
}
