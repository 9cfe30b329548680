package dev.orb.adapter.alpaca.internal;

import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Order;
import dev.orb.domain.OrderRequest;
import dev.orb.ports.BrokerException;

/**
 * Never two orders for one intent. A POST whose outcome is unknown (timeout, 5xx, unreadable answer) is
 * resolved by looking its client order id up before anything else happens: if the broker has it, that order is
 * the answer; only if the broker definitely has none is the POST sent again. "client_order_id must be unique"
 * means an earlier attempt (or an earlier process) placed it: the existing order is fetched and returned. A
 * definite refusal (4xx) is passed on at once.
 *
 * <p>Because Alpaca itself refuses a second order with the same client order id, even a POST that is still in
 * flight when a retry goes out cannot create a duplicate; the retry then meets the duplicate answer. Thread-safe.
 */
public final class OrderSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(OrderSubmitter.class);
    private final OrderGateway gateway;
    private final Settings settings;

    /** Submission over {@code gateway}, {@link Settings#submitAttempts()} POSTs at most. */
    public OrderSubmitter(OrderGateway gateway, Settings settings) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Places the order or returns the one already placed for its client order id.
     *
     * @throws BrokerException rejected when refused; not rejected when the outcome is still unknown after
     *                         {@link Settings#submitAttempts()} attempts or when a lookup failed
     */
    public Order submit(OrderRequest request) {
        ClientOrderId id = request.clientOrderId();
        BrokerException unknown = null;
        for (int attempt = 1; attempt <= settings.submitAttempts(); attempt++) {
            try {
                return gateway.post(request);
            } catch (DuplicateClientOrderIdException duplicate) {
                LOG.info("order {} already exists at Alpaca; returning the existing order", id);
                return lookup(id, duplicate).orElseThrow(() -> new BrokerException("Alpaca reported client order id "
                        + id + " as taken but has no order with it; outcome unknown", false, duplicate));
            } catch (BrokerException e) {
                if (e.rejected()) {
                    throw e;
                }
                unknown = e;
            }
            LOG.warn("order {}: outcome unknown after attempt {} ({}); asking Alpaca before any retry", id, attempt,
                    unknown.getMessage());
            Optional<Order> existing = lookup(id, unknown);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (attempt < settings.submitAttempts()) {
                pause(attempt, unknown);
            }
        }
        throw new BrokerException("order " + id + ": outcome unknown after " + settings.submitAttempts()
                + " attempts (Alpaca has no such order yet, but the last request may still arrive): "
                + unknown.getMessage(), false, unknown);
    }

    private Optional<Order> lookup(ClientOrderId id, BrokerException reason) {
        try {
            return gateway.byClientOrderId(id);
        } catch (BrokerException lookupFailure) {
            BrokerException e = new BrokerException("order " + id + ": outcome unknown (" + reason.getMessage()
                    + ") and looking it up failed: " + lookupFailure.getMessage(), false, reason);
            e.addSuppressed(lookupFailure);
            throw e;
        }
    }

    private void pause(int attempt, BrokerException unknown) {
        try {
            settings.sleeper().sleep(settings.retryPause(attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while retrying an order: " + unknown.getMessage(), false, e);
        }
    }
}
