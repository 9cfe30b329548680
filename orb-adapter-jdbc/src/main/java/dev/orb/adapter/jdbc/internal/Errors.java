package dev.orb.adapter.jdbc.internal;

import java.sql.SQLException;

import dev.orb.adapter.jdbc.StorageException;

/** Turns JDBC, Jdbi and Flyway failures into {@link StorageException}s that name the operation. */
final class Errors {
    private Errors() {
    }

    static StorageException storage(String operation, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String reason = oneLine(sql != null ? sql.getMessage() : failure.getMessage());
        String state = sql != null ? sql.getSQLState() : null;
        return new StorageException(operation + " failed: " + reason + (state != null ? " [SQLSTATE " + state + "]" : ""),
                state, failure);
    }

    /** The innermost SQLException of a cause chain (the database's own words), or null. */
    static SQLException sqlCause(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s) {
                found = s;
            }
        }
        return found;
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        String flat = message.strip().replaceAll("\\s*\\R\\s*", "; ");
        return flat.length() <= 2000 ? flat : flat.substring(0, 2000) + "...";
    }
}
