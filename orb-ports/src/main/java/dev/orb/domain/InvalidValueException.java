package dev.orb.domain;

/**
 * A value failed validation. The message names the field and the rejected value, e.g.
 * {@code "Bar.high: 9.50 is below open 10.00 (AAPL 2024-03-11T13:30:00Z)"}.
 */
public class InvalidValueException extends OrbException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }

    public InvalidValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
