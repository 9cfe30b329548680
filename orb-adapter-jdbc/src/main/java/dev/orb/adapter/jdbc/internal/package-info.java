/**
 * The implementation of orb-adapter-jdbc: connection pool and Flyway start-up, the SQL of each table group and
 * the mapping between rows and orb's domain records, for H2 and PostgreSQL.
 *
 * <p><b>Not an API.</b> Every type here may change or disappear in any release; use
 * {@link dev.orb.adapter.jdbc.JdbcStorage}. All classes are safe for concurrent use unless said otherwise.
 */
package dev.orb.adapter.jdbc.internal;
