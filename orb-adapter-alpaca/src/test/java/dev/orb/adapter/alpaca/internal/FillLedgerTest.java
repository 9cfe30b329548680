package dev.orb.adapter.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Order;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fill ledger's promise: whatever mix of stream events (duplicated, missed, replayed) and REST snapshots
 * arrives, every filled share is delivered exactly once, and the delivered fills reproduce Alpaca's average.
 */
class FillLedgerTest {
    private static final Instant T0 = Instant.parse("2024-03-11T13:35:00Z");
    private static final String ID = "ord-1";

    enum Step { EXEC_STREAMED, EXEC_MISSED, SNAPSHOT, REPLAY }

    /** An order's executions and what the adapter sees of them. */
    record History(List<Integer> quantities, List<Integer> cents, int executedBeforeSubscription, List<Step> steps) {
        int n() {
            return quantities.size();
        }

        long cum(int executed) {
            long c = 0;
            for (int i = 0; i < executed; i++) {
                c += quantities.get(i);
            }
            return c;
        }

        BigDecimal notional(int executed) {
            BigDecimal s = BigDecimal.ZERO;
            for (int i = 0; i < executed; i++) {
                s = s.add(price(i).multiply(BigDecimal.valueOf(quantities.get(i))));
            }
            return s;
        }

        BigDecimal price(int i) {
            return BigDecimal.valueOf(cents.get(i), 2);
        }

        long total() {
            return cum(n());
        }

        /** The order as Alpaca shows it after {@code executed} executions (average to 12 decimals). */
        Order orderAfter(int executed) {
            long cum = cum(executed);
            BigDecimal avg = cum == 0 ? null : notional(executed).divide(BigDecimal.valueOf(cum), 12, RoundingMode.HALF_EVEN);
            OrderStatus status = cum == total() ? OrderStatus.FILLED : cum > 0 ? OrderStatus.PARTIALLY_FILLED
                    : OrderStatus.NEW;
            return new Order(ID, new ClientOrderId("orb-20240311-SPY-E-1"), Symbol.of("SPY"), OrderSide.BUY,
                    OrderType.STOP, total(), cum, Price.of("100.00"), null, avg, status, TimeInForce.DAY, T0,
                    T0.plusSeconds(executed), List.of());
        }

        TradeEvent execution(int i) {
            boolean last = i == n() - 1;
            return new TradeEvent(last ? "fill" : "partial_fill", last ? OrderEventType.FILL : OrderEventType.PARTIAL_FILL,
                    orderAfter(i + 1), "exec-" + i, (long) quantities.get(i), price(i), T0.plusSeconds(i + 1));
        }
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<List<Integer>> qty = Arbitraries.integers().between(1, 300).list().ofMinSize(1).ofMaxSize(8);
        Arbitrary<List<Integer>> cents = Arbitraries.integers().between(50, 80_000).list().ofSize(8);
        Arbitrary<Integer> before = Arbitraries.integers().between(0, 8);
        Arbitrary<List<Step>> steps = Arbitraries.of(Step.class).list().ofMaxSize(24);
        return Combinators.combine(qty, cents, before, steps)
                .as((q, c, b, s) -> new History(q, c, Math.min(b, q.size()), s));
    }

    @Property
    void everyFilledShareIsDeliveredExactlyOnce(@ForAll("histories") History h) {
        FillLedger ledger = new FillLedger();
        int executed = h.executedBeforeSubscription();
        long seeded = h.cum(executed);
        ledger.seed(h.orderAfter(executed));
        List<OrderUpdate> out = new ArrayList<>();
        int k = 0;
        for (Step step : h.steps()) {
            k++;
            switch (step) {
                case EXEC_STREAMED -> {
                    if (executed < h.n()) {
                        out.addAll(ledger.onStream(h.execution(executed++), T0));
                    }
                }
                case EXEC_MISSED -> executed = Math.min(h.n(), executed + 1);
                case SNAPSHOT -> out.addAll(ledger.onSnapshot(h.orderAfter(executed), T0));
                case REPLAY -> {
                    if (executed > 0) {
                        out.addAll(ledger.onStream(h.execution((k * 7) % executed), T0));
                    }
                }
            }
            assertThat(seeded + delivered(out)).isEqualTo(ledger.delivered(ID)).isLessThanOrEqualTo(h.cum(executed));
        }
        out.addAll(ledger.onSnapshot(h.orderAfter(executed), T0));

        assertThat(seeded + delivered(out)).isEqualTo(h.cum(executed));
        Set<String> ids = new HashSet<>();
        out.stream().filter(u -> u.type().isFill()).forEach(u -> assertThat(ids.add(u.fill().executionId())).isTrue());
        if (h.cum(executed) > 0) {
            BigDecimal seedNotional = h.orderAfter(h.executedBeforeSubscription()).filledAvgPrice() == null
                    ? BigDecimal.ZERO
                    : h.orderAfter(h.executedBeforeSubscription()).filledAvgPrice().multiply(BigDecimal.valueOf(seeded));
            BigDecimal notional = seedNotional.add(out.stream().filter(u -> u.type().isFill())
                    .map(u -> u.fill().price().toBigDecimal().multiply(BigDecimal.valueOf(u.fill().quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(notional.subtract(h.notional(executed)).abs()).isLessThanOrEqualTo(new BigDecimal("0.00001"));
        }
    }

    @Property
    void streamedExecutionsKeepTheirIdsAndPrices(@ForAll("histories") History h) {
        FillLedger ledger = new FillLedger();
        ledger.seed(h.orderAfter(0));
        for (int i = 0; i < h.n(); i++) {
            List<OrderUpdate> out = ledger.onStream(h.execution(i), T0);
            assertThat(out).singleElement().satisfies(u -> {
                assertThat(u.fill().executionId()).startsWith("exec-");
                assertThat(u.fill().price().toBigDecimal()).isEqualByComparingTo(h.price(Integer.parseInt(
                        u.fill().executionId().substring(5))));
            });
        }
    }

    private static long delivered(List<OrderUpdate> out) {
        return out.stream().filter(u -> u.type().isFill()).mapToLong(u -> u.fill().quantity()).sum();
    }

    @Test
    void executionRevealingEarlierMissedShares_deliversTheGapFirst_atTheImpliedPrice() {
        History h = new History(List.of(10, 20), List.of(10_000, 10_300), 0, List.of());
        FillLedger ledger = new FillLedger();
        ledger.seed(h.orderAfter(0));

        List<OrderUpdate> out = ledger.onStream(h.execution(1), T0);

        assertThat(out).extracting(u -> u.fill().executionId()).containsExactly("resync:ord-1:10", "exec-1");
        assertThat(out).extracting(u -> u.fill().quantity()).containsExactly(10L, 20L);
        assertThat(out.get(0).type()).isEqualTo(OrderEventType.PARTIAL_FILL);
        assertThat(out.get(0).fill().price().toBigDecimal()).isEqualByComparingTo("100.00");
        assertThat(out.get(1).fill().price().toBigDecimal()).isEqualByComparingTo("103.00");
    }

    @Test
    void unchangedSnapshot_isNotDeliveredTwice() {
        History h = new History(List.of(10), List.of(10_000), 0, List.of());
        FillLedger ledger = new FillLedger();

        assertThat(ledger.onSnapshot(h.orderAfter(0), T0)).singleElement()
                .extracting(OrderUpdate::type).isEqualTo(OrderEventType.SNAPSHOT);
        assertThat(ledger.onSnapshot(h.orderAfter(0), T0)).isEmpty();
    }

    @Test
    void filledQuantityWithoutAveragePrice_cannotBeSynthesized_butIsVisibleAsSnapshot() {
        History h = new History(List.of(10), List.of(10_000), 0, List.of());
        Order noAvg = h.orderAfter(1).with(OrderStatus.FILLED, 10, null, T0);
        FillLedger ledger = new FillLedger();

        assertThat(ledger.onSnapshot(noAvg, T0)).singleElement().satisfies(u -> {
            assertThat(u.type()).isEqualTo(OrderEventType.SNAPSHOT);
            assertThat(u.order().filledQuantity()).isEqualTo(10);
        });
    }
}
