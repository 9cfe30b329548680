package dev.orb.adapter.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Order;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import dev.orb.ports.BrokerException;
import dev.orb.ports.OrbClock;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.enums.BarFeed;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Idempotent submission over a scripted broker that, like Alpaca, refuses a second order with the same id. */
class OrderSubmitterTest {
    private static final Symbol SPY = Symbol.of("SPY");
    private static final OrderRequest REQUEST = new OrderRequest(
            ClientOrderId.of(LocalDate.of(2024, 3, 11), SPY, OrderPurpose.ENTRY, 1), SPY, OrderSide.BUY,
            OrderType.STOP, 100, Price.of("301.50"), null, TimeInForce.DAY, Price.of("295.00"));

    enum PostOutcome { ACCEPT, ACCEPT_ANSWER_LOST, LOST, SERVER_ERROR, REFUSED }

    /** A broker whose POST outcomes and lookup failures follow a script. */
    static final class ScriptedGateway implements OrderGateway {
        final Deque<PostOutcome> posts;
        final Deque<Boolean> lookupFails;
        Order existing;
        int created;
        int postCount;
        int emptyLookups;

        ScriptedGateway(List<PostOutcome> posts, List<Boolean> lookupFails) {
            this.posts = new ArrayDeque<>(posts);
            this.lookupFails = new ArrayDeque<>(lookupFails);
        }

        @Override
        public Order post(OrderRequest r) {
            postCount++;
            PostOutcome o = posts.isEmpty() ? PostOutcome.ACCEPT : posts.poll();
            switch (o) {
                case LOST, SERVER_ERROR -> throw new BrokerException("no answer", false);
                case REFUSED -> throw new BrokerException("HTTP 403", true);
                default -> {
                }
            }
            if (existing != null) {
                throw new DuplicateClientOrderIdException(r.clientOrderId(), null);
            }
            created++;
            existing = new Order("ord-" + created, r.clientOrderId(), r.symbol(), r.side(), r.type(), r.quantity(), 0,
                    r.stopPrice(), null, null, OrderStatus.ACCEPTED, r.timeInForce(), null, null, List.of());
            if (o == PostOutcome.ACCEPT_ANSWER_LOST) {
                throw new BrokerException("timeout", false);
            }
            return existing;
        }

        @Override
        public Optional<Order> byClientOrderId(ClientOrderId id) {
            if (!lookupFails.isEmpty() && lookupFails.poll()) {
                throw new BrokerException("lookup: HTTP 500", false);
            }
            if (existing == null) {
                emptyLookups++;
            }
            return Optional.ofNullable(existing);
        }
    }

    @Provide
    Arbitrary<List<PostOutcome>> postScripts() {
        return Arbitraries.of(PostOutcome.class).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Boolean>> lookupScripts() {
        return Arbitraries.of(true, false).list().ofMaxSize(6);
    }

    @Property
    void neverTwoOrders_andEveryRetryFollowsALookupThatFoundNothing(@ForAll("postScripts") List<PostOutcome> posts,
                                                                    @ForAll("lookupScripts") List<Boolean> lookups) {
        ScriptedGateway broker = new ScriptedGateway(posts, lookups);
        OrderSubmitter submitter = new OrderSubmitter(broker, settings());
        Order result = null;
        BrokerException failure = null;
        try {
            result = submitter.submit(REQUEST);
        } catch (BrokerException e) {
            failure = e;
        }

        assertThat(broker.created).isLessThanOrEqualTo(1);
        assertThat(broker.postCount - 1).isLessThanOrEqualTo(broker.emptyLookups);
        if (result != null) {
            assertThat(result).isSameAs(broker.existing);
        } else if (failure.rejected()) {
            assertThat(broker.created).isZero();
        }
        assertThat(broker.postCount).isLessThanOrEqualTo(3);
    }

    static Settings settings() {
        return new Settings(OrbClock.system(), d -> {
        }, BarFeed.IEX, 3, Duration.ofMillis(1), 3, 100, Duration.ofDays(7), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }
}
