package dev.orb.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The schema itself: Flyway start-up, and constraints that hold even for rows written with plain SQL, bypassing
 * orb's domain validation.
 */
abstract class SchemaContract extends StorageContract {

    @Test
    void reopeningAMigratedDatabase_appliesNothing() throws Exception {
        List<List<Object>> before = rows("SELECT version, checksum, installed_on FROM flyway_schema_history ORDER BY installed_rank");
        reopen();
        reopen();

        assertThat(rows("SELECT version, checksum, installed_on FROM flyway_schema_history ORDER BY installed_rank"))
                .isEqualTo(before);
        assertThat(before).isNotEmpty();
    }

    @Test
    void aChangedMigrationChecksum_stopsStartUp() throws Exception {
        storage.close();
        storage = null;
        execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        assertThatThrownBy(() -> JdbcStorage.create(backend.config()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void aVersion1Database_keepsItsDailyBars_andTheirKeyBecomesDateThenSymbol() throws Exception {
        Backend old = newBackend();
        try {
            JdbcConfig config = old.config();
            FluentConfiguration flyway = Flyway.configure(getClass().getClassLoader())
                    .dataSource(config.jdbcUrl(), config.user(), config.password())
                    .locations("classpath:dev/orb/adapter/jdbc/db/common")
                    .target("1");
            if (config.schema().isPresent()) {
                flyway = flyway.schemas(config.schema().get()).defaultSchema(config.schema().get());
            }
            flyway.load().migrate();
            try (Connection c = old.rawConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO daily_bars (symbol, bar_date, open_price, high_price, low_price, close_price,"
                        + " volume, atr_14) VALUES ('MSFT', DATE '2024-03-08', 400, 401, 399, 400.5, 10, 2.5),"
                        + " ('AAPL', DATE '2024-03-08', 170, 171, 169, 170.5, 20, NULL),"
                        + " ('AAPL', DATE '2024-03-07', 168, 169, 167, 168.5, 30, NULL)");
            }

            try (JdbcStorage upgraded = JdbcStorage.create(config)) {
                assertThat(upgraded.dailyBars(LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 8)))
                        .extracting(b -> b.symbol().value() + " " + b.date() + " " + b.close())
                        .containsExactly("AAPL 2024-03-07 168.50", "AAPL 2024-03-08 170.50", "MSFT 2024-03-08 400.50");
                upgraded.upsertDailyBars(List.of(Samples.bar("MSFT", LocalDate.of(2024, 3, 8), "400.75")));
            }
            try (Connection c = old.rawConnection()) {
                List<String> key = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, config.schema().orElse(null), "daily_bars")) {
                    while (rs.next()) {
                        key.add(rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                key.sort(null);
                assertThat(key).containsExactly("1:bar_date", "2:symbol");
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT atr_14, close_price FROM daily_bars WHERE symbol = 'MSFT'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("2.5");
                    assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("400.75");
                }
            }
        } finally {
            old.destroy();
        }
    }

    @Test
    void aSymbolOfElevenCharacters_isRefusedByTheColumn() {
        assertRefused("INSERT INTO daily_bars (symbol, bar_date, open_price, high_price, low_price, close_price, volume)"
                + " VALUES ('ABCDEFGHIJK', DATE '2024-03-11', 1, 1, 1, 1, 0)", "22");
    }

    @Test
    void nonPositivePrices_andBrokenBars_areRefused() {
        String insert = "INSERT INTO daily_bars (symbol, bar_date, open_price, high_price, low_price, close_price, volume) VALUES ";
        assertRefused(insert + "('A', DATE '2024-03-11', 0, 1, 0, 1, 0)", "23");
        assertRefused(insert + "('A', DATE '2024-03-11', -1, 1, -1, 1, 0)", "23");
        assertRefused(insert + "('A', DATE '2024-03-11', 1, 1, 1, 1, -5)", "23");
        assertRefused(insert + "('A', DATE '2024-03-11', 2, 1, 1, 1, 5)", "23");
    }

    @Test
    void nonPositiveShares_areRefused() {
        assertRefused("INSERT INTO orders (client_order_id, session_date, symbol, purpose, side, order_type, quantity,"
                + " status, filled_quantity, submitted_at, updated_at) VALUES ('x', DATE '2024-03-11', 'A', 'ENTRY',"
                + " 'BUY', 'STOP', 0, 'NEW', 0, TIMESTAMP WITH TIME ZONE '2024-03-11 13:35:00+00',"
                + " TIMESTAMP WITH TIME ZONE '2024-03-11 13:35:00+00')", "23");
        assertRefused("INSERT INTO trades (entry_order_id, session_date, symbol, direction, shares, entry_price,"
                + " stop_price, fill_time, fill_price, commission) VALUES ('x', DATE '2024-03-11', 'A', 'LONG', -10,"
                + " 1, 1, TIMESTAMP WITH TIME ZONE '2024-03-11 13:35:00+00', 1, 0)", "23");
    }

    @Test
    void aDuplicateExecutionId_isRefusedByTheUniqueKey() throws Exception {
        String insert = "INSERT INTO order_events (event_type, event_time, client_order_id, broker_order_id, symbol,"
                + " side, order_type, quantity, filled_quantity, status, time_in_force, execution_id,"
                + " fill_broker_order_id, fill_client_order_id, fill_symbol, fill_side, fill_quantity, fill_price,"
                + " fill_time) VALUES ('FILL', TIMESTAMP WITH TIME ZONE '2024-03-11 13:35:00+00', 'c', 'b', 'A', 'BUY',"
                + " 'STOP', 1, 1, 'FILLED', 'DAY', 'exec-1', 'b', 'c', 'A', 'BUY', 1, 1,"
                + " TIMESTAMP WITH TIME ZONE '2024-03-11 13:35:00+00')";
        execute(insert);

        assertRefused(insert, "23505");
        assertThat(count("SELECT COUNT(*) FROM order_events")).isEqualTo(1);
    }

    @Test
    void aSubmittedSignal_needsAStoredOrder() {
        assertRefused("INSERT INTO signals (session_date, symbol, direction, rvol, rank, shares, created_at, status,"
                + " client_order_id, reason) VALUES (DATE '2024-03-11', 'A', 'LONG', 1.0, 1, 10,"
                + " TIMESTAMP WITH TIME ZONE '2024-03-11 13:35:00+00', 'SUBMITTED', 'missing-order', '')", "23");
        assertRefused("INSERT INTO signals (session_date, symbol, direction, rvol, rank, shares, created_at, status,"
                + " client_order_id, reason) VALUES (DATE '2024-03-11', 'A', 'LONG', 1.0, 1, 10,"
                + " TIMESTAMP WITH TIME ZONE '2024-03-11 13:35:00+00', 'SUBMITTED', NULL, '')", "23");
    }

    @Test
    void theSystemStateRowCannotBeDuplicated() {
        assertRefused("INSERT INTO system_state (id, kill_engaged, kill_by, kill_at, kill_reason, trading_mode)"
                + " VALUES (2, FALSE, 'x', TIMESTAMP WITH TIME ZONE '2024-03-11 13:35:00+00', 'x', 'PAPER')", "23");
    }

    private void assertRefused(String sql, String sqlStatePrefix) {
        assertThatThrownBy(() -> execute(sql))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith(sqlStatePrefix));
    }
}
