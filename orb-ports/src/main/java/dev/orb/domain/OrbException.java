package dev.orb.domain;

/**
 * Base of every exception orb throws on purpose. Unchecked: callers catch a subclass where they can act.
 */
public class OrbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrbException(String message) {
        super(message);
    }

    public OrbException(String message, Throwable cause) {
        super(message, cause);
    }
}
