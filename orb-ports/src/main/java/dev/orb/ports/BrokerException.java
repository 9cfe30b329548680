package dev.orb.ports;

import dev.orb.domain.OrbException;

/**
 * A broker call failed. {@link #rejected()} tells a definite refusal (the order does not exist at the broker)
 * from an outcome that is unknown (timeout, 5xx), which must be resolved by looking the client order id up.
 */
public class BrokerException extends OrbException {
    private static final long serialVersionUID = 1L;
    private final boolean rejected;

    public BrokerException(String message, boolean rejected) {
        super(message);
        this.rejected = rejected;
    }

    public BrokerException(String message, boolean rejected, Throwable cause) {
        super(message, cause);
        this.rejected = rejected;
    }

    /** True when the broker definitely refused the request (4xx with a reason). */
    public boolean rejected() {
        return rejected;
    }
}
