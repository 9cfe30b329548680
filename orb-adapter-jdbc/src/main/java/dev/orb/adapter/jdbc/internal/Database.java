package dev.orb.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.orb.adapter.jdbc.StorageException;

/**
 * The connection pool, Jdbi and the dialect of one database, opened and migrated by {@link #open}. Every
 * access goes through {@link #read}, {@link #snapshot} or {@link #write}, which translate failures into
 * {@link StorageException}; validation errors of orb's domain ({@code OrbException}s) pass through unchanged.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String description;

    private Database(HikariDataSource pool, Dialect dialect, String description) {
        this.pool = pool;
        // No template engine: SQL reaches the driver as written (no <attribute> expansion), named :params still work.
        this.jdbi = Jdbi.create(pool).setTemplateEngine(TemplateEngine.NOP);
        this.dialect = dialect;
        this.description = description;
    }

    /**
     * Opens a pool on the database, creates {@code schema} when given and missing, and migrates and validates the
     * schema with Flyway.
     *
     * @param schema             the schema of orb's tables, already validated as a plain identifier, or null for the
     *                           default
     * @param asynchronousCommit PostgreSQL only: every session runs with {@code synchronous_commit = off}
     * @throws StorageException when the database cannot be reached, is not H2 or PostgreSQL, or its migration
     *                          history does not match orb's scripts (e.g. a checksum differs)
     */
    public static Database open(String url, String user, String password, String schema, int poolSize,
                                boolean asynchronousCommit) {
        if (schema != null) {
            createSchema(url, user, password, schema);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("orb-jdbc");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(10_000);
        if (schema != null) {
            config.setSchema(schema);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            // Lets the driver send a batch of inserts as multi-row statements: the bulk upsert of daily bars.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("ApplicationName", "orb");
            if (asynchronousCommit) {
                // Chosen explicitly (JdbcConfig.withAsynchronousCommit): commits return before the WAL flush. Set on
                // each new connection, for the whole session (the pool never resets it).
                config.setConnectionInitSql("SET synchronous_commit = off");
            }
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw Errors.storage("opening " + url + " as " + user, e);
        }
        try {
            Dialect dialect;
            try (Connection c = pool.getConnection()) {
                dialect = Dialect.ofProductName(c.getMetaData().getDatabaseProductName());
            }
            Migrations.migrate(pool, dialect, schema);
            Database db = new Database(pool, dialect, dialect + " " + url + (schema != null ? " schema " + schema : ""));
            LOG.info("orb storage ready: {} as {}, pool of {}{}", db, user, poolSize,
                    asynchronousCommit ? ", asynchronous commit (a server crash can lose the last commits)" : "");
            return db;
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e instanceof StorageException se ? se : Errors.storage("starting storage on " + url, e);
        }
    }

    private static void createSchema(String url, String user, String password, String schema) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            // Look first: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when the schema exists, and
            // a production user may own its schema without being allowed to create one.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
        } catch (SQLException e) {
            throw Errors.storage("creating schema " + schema + " on " + url, e);
        }
    }

    /** The dialect detected when the database was opened. */
    public Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode: each statement commits by itself. */
    public <T> T read(String operation, HandleCallback<T, SQLException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException | SQLException e) {
            throw Errors.storage(operation, e);
        }
    }

    /**
     * Runs a single-statement write in auto-commit mode: the statement is its own transaction, committed before
     * this returns, without the extra round trips of an explicit transaction.
     */
    public <T> T autoCommit(String operation, HandleCallback<T, SQLException> work) {
        return read(operation, work);
    }

    /** Runs the statements of {@code work} in one read-only transaction that sees one snapshot of the data. */
    public <T> T snapshot(String operation, HandleCallback<T, SQLException> work) {
        try {
            return jdbi.withHandle(h -> h.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work));
        } catch (JdbiException | SQLException e) {
            throw Errors.storage(operation, e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T write(String operation, HandleCallback<T, SQLException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException | SQLException e) {
            throw Errors.storage(operation, e);
        }
    }

    /** {@link #autoCommit} without a result. */
    public void autoCommitUpdate(String operation, HandleConsumer work) {
        autoCommit(operation, h -> {
            work.useHandle(h);
            return null;
        });
    }

    /** {@link #write} without a result. */
    public void update(String operation, HandleConsumer work) {
        write(operation, h -> {
            work.useHandle(h);
            return null;
        });
    }

    /** Work on a handle without a result. */
    @FunctionalInterface
    public interface HandleConsumer {
        void useHandle(Handle handle) throws SQLException;
    }

    /** Closes every pooled connection; an embedded H2 database is closed with its last connection. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
