package dev.orb.adapter.jdbc.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.orb.domain.InvalidValueException;

/** The few statements that differ between H2 and PostgreSQL; everything else is shared SQL. */
public enum Dialect {
    H2 {
        @Override
        String upsert(String table, List<String> columns, List<String> keys) {
            // H2's MERGE ... KEY updates exactly the listed columns and inserts when no row matches.
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + placeholders(columns.size()) + ")";
        }

        @Override
        String insertIgnoringConflicts(String table, List<String> columns, List<String> keys) {
            // H2 accepts ON CONFLICT DO NOTHING (without a target) in PostgreSQL mode: any duplicate key is skipped.
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + placeholders(columns.size()) + ") ON CONFLICT DO NOTHING";
        }

        @Override
        String bySymbol(String column) {
            return column;
        }
    },
    POSTGRESQL {
        @Override
        String upsert(String table, List<String> columns, List<String> keys) {
            String updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c)
                    .collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + placeholders(columns.size()) + ") ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                    + updates;
        }

        @Override
        String insertIgnoringConflicts(String table, List<String> columns, List<String> keys) {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + placeholders(columns.size()) + ") ON CONFLICT (" + String.join(", ", keys) + ") DO NOTHING";
        }

        @Override
        String bySymbol(String column) {
            // Java orders symbols by UTF-16 code unit (KIMP < KIMpL); the database's collation may not.
            return column + " COLLATE \"C\"";
        }
    };

    /** The dialect of a database, from {@link java.sql.DatabaseMetaData#getDatabaseProductName()}. */
    public static Dialect ofProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new InvalidValueException("orb-adapter-jdbc supports H2 and PostgreSQL, not '" + productName + "'");
    }

    /**
     * A positional statement that inserts a row of {@code columns}, or updates every non-key column of the row
     * with the same {@code keys}.
     */
    abstract String upsert(String table, List<String> columns, List<String> keys);

    /** A positional statement that inserts a row unless one with the same {@code keys} exists (then nothing). */
    abstract String insertIgnoringConflicts(String table, List<String> columns, List<String> keys);

    /** An ORDER BY term sorting {@code column} the way {@link dev.orb.domain.Symbol#compareTo} does. */
    abstract String bySymbol(String column);

    /** Flyway locations of this database's migrations: the shared scripts, then its own. */
    List<String> migrationLocations() {
        String base = "classpath:dev/orb/adapter/jdbc/db/";
        return this == POSTGRESQL ? List.of(base + "common", base + "postgresql") : List.of(base + "common");
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
