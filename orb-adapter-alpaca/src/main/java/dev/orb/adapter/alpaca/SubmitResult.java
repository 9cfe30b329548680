package dev.orb.adapter.alpaca;

import java.util.Objects;

import dev.orb.domain.Order;
import dev.orb.domain.OrderRequest;
import dev.orb.ports.BrokerException;

/**
 * The outcome of one request of {@link AlpacaBroker#submitAll}: exactly one of {@code order} and
 * {@code failure} is non-null.
 *
 * @param request the request sent
 * @param order   the order as acknowledged by Alpaca (or found by its client order id), or null
 * @param failure why it was not acknowledged ({@link BrokerException#rejected()} tells a refusal from an unknown
 *                outcome), or null
 */
public record SubmitResult(OrderRequest request, Order order, BrokerException failure) {
    public SubmitResult {
        Objects.requireNonNull(request, "request");
        if ((order == null) == (failure == null)) {
            throw new IllegalArgumentException("SubmitResult of " + request.clientOrderId()
                    + ": exactly one of order and failure must be given");
        }
    }

    /** True when Alpaca acknowledged the order. */
    public boolean acknowledged() {
        return order != null;
    }
}
