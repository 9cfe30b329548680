package dev.orb.adapter.jdbc;

import dev.orb.domain.OrbException;

/**
 * A storage operation failed: the database refused a statement (a constraint, a lost connection) or could not
 * be opened or migrated. The message names the operation and the database's reason; it never contains the
 * password. Nothing of a failed write was stored: every write is one transaction.
 */
public class StorageException extends OrbException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * @param message  what failed and why
     * @param sqlState the SQLSTATE reported by the database, or null when none applies
     * @param cause    the underlying exception, or null
     */
    public StorageException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The five-character SQLSTATE the database reported, or null when the failure had none. */
    public String sqlState() {
        return sqlState;
    }

    /**
     * True when the database refused the data (SQLSTATE class 23: a check, unique, foreign-key or not-null
     * constraint); retrying the same write will fail again.
     */
    public boolean isConstraintViolation() {
        return sqlState != null && sqlState.startsWith("23");
    }
}
