package dev.orb.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** One database the contract suite runs against: how to configure storage on it and reach it with plain JDBC. */
interface Backend {
    /** The same database every time, so that a test can close and reopen it. */
    JdbcConfig config();

    /** A plain JDBC connection to the database and schema of {@link #config()}, auto-commit on. */
    Connection rawConnection() throws SQLException;

    /** Removes the database (schema or files); storage is closed by then. */
    void destroy();
}
