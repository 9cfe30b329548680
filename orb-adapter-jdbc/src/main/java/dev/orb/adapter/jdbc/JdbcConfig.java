package dev.orb.adapter.jdbc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.orb.domain.InvalidValueException;

/**
 * Where {@link JdbcStorage} keeps its data: an embedded H2 file (the default) or a PostgreSQL server, with an
 * optional schema and the size of the connection pool. Immutable; the password is never shown by
 * {@link #toString()}.
 *
 * <pre>{@code
 * JdbcConfig.h2Default();                                          // ~/.orb/orb.mv.db
 * JdbcConfig.h2File(Path.of("/var/lib/orb"));                      // /var/lib/orb/orb.mv.db
 * JdbcConfig.postgres("jdbc:postgresql://db:5432/orb", "orb", pw)  // PostgreSQL
 *           .withSchema("orb").withPoolSize(10);
 * }</pre>
 *
 * <p>Every commit is durable when it returns, unless PostgreSQL's asynchronous commit is chosen explicitly with
 * {@link #withAsynchronousCommit(boolean)}.
 */
public final class JdbcConfig {
    /** File name (without H2's {@code .mv.db} suffix) of the embedded database in its directory. */
    public static final String H2_DATABASE_NAME = "orb";
    /** Default directory of the embedded database, below the user's home directory. */
    public static final String DEFAULT_H2_DIRECTORY = ".orb";
    /** Default number of pooled connections. */
    public static final int DEFAULT_POOL_SIZE = 8;
    /** Largest accepted pool size. */
    public static final int MAX_POOL_SIZE = 100;

    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            // Write every commit to the file before the commit returns, so that a killed process loses nothing
            // that was acknowledged (H2's default delays writes by up to 500 ms).
            + ";WRITE_DELAY=0";
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Path h2Directory;
    private final String schema;
    private final int poolSize;
    private final boolean asynchronousCommit;

    private JdbcConfig(String jdbcUrl, String user, String password, Path h2Directory, String schema, int poolSize,
                       boolean asynchronousCommit) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.h2Directory = h2Directory;
        this.schema = schema;
        this.poolSize = poolSize;
        this.asynchronousCommit = asynchronousCommit;
    }

    /**
     * The embedded H2 database {@code ~/.orb/orb}, the home directory taken from the {@code user.home} system
     * property. The directory and the database are created on first use.
     */
    public static JdbcConfig h2Default() {
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank()) {
            throw new InvalidValueException("JdbcConfig: the system property user.home is not set; use h2File(dir)");
        }
        return h2File(Path.of(home, DEFAULT_H2_DIRECTORY));
    }

    /**
     * An embedded H2 database named {@value #H2_DATABASE_NAME} in {@code directory} (file
     * {@code directory/orb.mv.db}), created with the directory on first use. Only one process can open it at a
     * time.
     */
    public static JdbcConfig h2File(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path dir = directory.toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + dir.resolve(H2_DATABASE_NAME).toString().replace('\\', '/') + H2_SETTINGS;
        return new JdbcConfig(url, "sa", "", dir, null, DEFAULT_POOL_SIZE, false);
    }

    /**
     * A PostgreSQL database.
     *
     * @param jdbcUrl  {@code jdbc:postgresql://host:port/database[?options]}; must not carry the password
     * @param user     the database user
     * @param password the user's password, empty when the server trusts the connection; never logged
     */
    public static JdbcConfig postgres(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new InvalidValueException("JdbcConfig.jdbcUrl: '" + jdbcUrl + "' is not a jdbc:postgresql: URL");
        }
        if (jdbcUrl.toLowerCase(Locale.ROOT).contains("password")) {
            // Never echo the URL here: it holds the secret.
            throw new InvalidValueException("JdbcConfig.jdbcUrl: must not contain the password; pass it as the "
                    + "password argument");
        }
        if (user.isBlank()) {
            throw new InvalidValueException("JdbcConfig.user: must not be blank");
        }
        return new JdbcConfig(jdbcUrl, user, password, null, null, DEFAULT_POOL_SIZE, false);
    }

    /**
     * The same database with orb's tables in {@code schemaName} (created when missing) instead of the user's
     * default schema ({@code public} on PostgreSQL).
     *
     * @param schemaName lower-case letters, digits and underscores, 1-63 characters, not starting with a digit
     */
    public JdbcConfig withSchema(String schemaName) {
        Objects.requireNonNull(schemaName, "schemaName");
        if (!SCHEMA.matcher(schemaName).matches()) {
            throw new InvalidValueException("JdbcConfig.schema: '" + schemaName + "' must match " + SCHEMA.pattern());
        }
        return new JdbcConfig(jdbcUrl, user, password, h2Directory, schemaName, poolSize, asynchronousCommit);
    }

    /** The same database with at most {@code size} pooled connections (1..{@value #MAX_POOL_SIZE}). */
    public JdbcConfig withPoolSize(int size) {
        if (size < 1 || size > MAX_POOL_SIZE) {
            throw new InvalidValueException("JdbcConfig.poolSize: " + size + " must be in 1.." + MAX_POOL_SIZE);
        }
        return new JdbcConfig(jdbcUrl, user, password, h2Directory, schema, size, asynchronousCommit);
    }

    /**
     * PostgreSQL only, off by default: with {@code true}, every transaction of this storage commits with
     * {@code synchronous_commit = off} — the commit returns once the server has it in memory, before its write-ahead
     * log is flushed to disk. A crash or kill of orb's process still loses nothing that was acknowledged (the server
     * has it); a crash of the PostgreSQL server or of its machine can lose the commits of the last moments (up to
     * three times the server's {@code wal_writer_delay}, 0.6 s by default), though never part of a transaction and
     * never with corruption. In exchange each commit skips a disk flush: single journal appends become several
     * times faster (docs/performance.md, "Storage").
     *
     * @throws InvalidValueException on H2, which has no such mode (it writes every commit to its file)
     */
    public JdbcConfig withAsynchronousCommit(boolean enabled) {
        if (enabled && h2Directory != null) {
            throw new InvalidValueException("JdbcConfig.asynchronousCommit: only for PostgreSQL; H2 writes every commit"
                    + " to its file before it returns");
        }
        return new JdbcConfig(jdbcUrl, user, password, h2Directory, schema, poolSize, enabled);
    }

    /** The JDBC URL (never contains the password). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The database user. */
    public String user() {
        return user;
    }

    /** The schema of orb's tables, or empty for the connection's default schema. */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    /** Maximum number of pooled connections. */
    public int poolSize() {
        return poolSize;
    }

    /** True when commits return before PostgreSQL has flushed them to disk ({@link #withAsynchronousCommit}). */
    public boolean asynchronousCommit() {
        return asynchronousCommit;
    }

    /** The directory of the embedded H2 database, or empty for PostgreSQL. */
    public Optional<Path> h2Directory() {
        return Optional.ofNullable(h2Directory);
    }

    String password() {
        return password;
    }

    @Override
    public String toString() {
        return "JdbcConfig[url=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "(none)" : "***")
                + ", schema=" + (schema == null ? "(default)" : schema) + ", poolSize=" + poolSize
                + (asynchronousCommit ? ", asynchronousCommit" : "") + "]";
    }
}
