/**
 * orb's storage on a relational database: {@link dev.orb.adapter.jdbc.JdbcStorage} implements
 * {@link dev.orb.ports.Storage} and the dashboard's {@link dev.orb.ports.query.AuditQueries} on an embedded H2
 * file (the default, {@code ~/.orb/orb}) or on PostgreSQL, configured by {@link dev.orb.adapter.jdbc.JdbcConfig}.
 * The schema is managed by Flyway and migrated and validated at start-up. {@link dev.orb.adapter.jdbc.LogSink}
 * feeds log lines into the {@code logs} table without ever blocking the caller.
 *
 * <p>Everything else (SQL, row mapping, the database dialects) lives in {@code dev.orb.adapter.jdbc.internal},
 * which is not part of the API and may change at any time. Nothing in this package returns null unless its
 * Javadoc says so.
 */
package dev.orb.adapter.jdbc;
