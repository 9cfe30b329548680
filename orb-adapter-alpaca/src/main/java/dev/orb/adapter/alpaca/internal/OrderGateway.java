package dev.orb.adapter.alpaca.internal;

import java.util.Optional;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Order;
import dev.orb.domain.OrderRequest;

/** The two broker calls idempotent submission is built from. */
public interface OrderGateway {
    /**
     * Sends the order once.
     *
     * @throws DuplicateClientOrderIdException when the broker already has this client order id
     * @throws dev.orb.ports.BrokerException   rejected for a refusal, not rejected when the outcome is unknown
     */
    Order post(OrderRequest request);

    /** The order with this client order id, or empty when the broker has none. */
    Optional<Order> byClientOrderId(ClientOrderId id);
}
