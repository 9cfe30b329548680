package dev.orb.adapter.alpaca.internal;

import dev.orb.domain.ClientOrderId;
import dev.orb.ports.BrokerException;

/** Alpaca refused an order because its client order id already exists: the intent was placed before. */
public final class DuplicateClientOrderIdException extends BrokerException {
    private static final long serialVersionUID = 1L;
    private final transient ClientOrderId clientOrderId;

    /** Alpaca's 422 for {@code clientOrderId}. */
    public DuplicateClientOrderIdException(ClientOrderId clientOrderId, Throwable cause) {
        super("Alpaca already has an order with client order id " + clientOrderId, true, cause);
        this.clientOrderId = clientOrderId;
    }

    /** The id Alpaca already has. */
    public ClientOrderId clientOrderId() {
        return clientOrderId;
    }
}
