package dev.orb.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the storage contract: each test gets a fresh, migrated database of its {@link Backend}. The
 * contract itself is the abstract {@code *Contract} subclasses; {@link H2StorageTest} and
 * {@link PostgresStorageTest} run every one of them against their database.
 */
abstract class StorageContract {
    /** Compares BigDecimals by value (H2 may return 10.5 for 10.50): exact, but not scale-sensitive. */
    static final RecursiveComparisonConfiguration BY_VALUE = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(Comparator.naturalOrder(), BigDecimal.class)
            .withStrictTypeChecking(true)
            .build();

    protected Backend backend;
    protected JdbcStorage storage;

    abstract Backend newBackend();

    @BeforeEach
    void openStorage() {
        backend = newBackend();
        storage = JdbcStorage.create(backend.config());
    }

    @AfterEach
    void destroyStorage() {
        if (storage != null) {
            storage.close();
        }
        if (backend != null) {
            backend.destroy();
        }
    }

    /** Closes the storage and opens it again on the same database, as a restarted process would. */
    void reopen() {
        storage.close();
        storage = null;
        storage = JdbcStorage.create(backend.config());
    }

    void execute(String sql) throws SQLException {
        try (Connection c = backend.rawConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = backend.rawConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = backend.rawConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    static <T> void assertSameValues(List<T> actual, List<T> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).usingRecursiveComparison(BY_VALUE).isEqualTo(expected.get(i));
        }
    }
}
