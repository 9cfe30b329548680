package dev.orb.ports;

import dev.orb.domain.OrbException;

/** A market-data request failed; the message names the endpoint or data set and the reason. */
public class MarketDataException extends OrbException {
    private static final long serialVersionUID = 1L;

    public MarketDataException(String message) {
        super(message);
    }

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
