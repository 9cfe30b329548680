package dev.orb.adapter.alpaca.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.Fill;
import dev.orb.domain.Order;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Price;

/**
 * Turns what the stream and REST resynchronisation report into order updates in which every share filled is
 * delivered exactly once.
 *
 * <p>Per order the ledger knows how many of its shares have been delivered as fills (always a prefix
 * {@code (0, covered]} of the order's cumulative filled quantity) and their notional. An execution
 * {@code (cum − qty, cum]} from the stream delivers only its part above {@code covered}; a duplicate execution
 * id delivers nothing. Whenever Alpaca reports a cumulative filled quantity above {@code covered} that no
 * execution explains (a fill missed while the stream was down), the gap is delivered as a synthesized fill:
 * <ul>
 *   <li>execution id {@code resync:<brokerOrderId>:<cumulativeFilledQty>} — deterministic, so a restarted process
 *       or a second resynchronisation names the same gap the same way;</li>
 *   <li>price = the average of the missed shares implied by Alpaca's {@code filled_avg_price}:
 *       {@code (avg × cum − notional already delivered) / missed}, rounded half-even to 9 decimals;</li>
 *   <li>time = the order's {@code updated_at} (the execution time itself is not in the REST answer).</li>
 * </ul>
 * A stream fill without {@code execution_id} is named {@code alpaca:<brokerOrderId>:<cum>}.
 *
 * <p>Orders that existed when the stream was subscribed are {@link #seed seeded} with their fills so far: those
 * belong to the caller's own reconciliation. Snapshots are delivered only when status or filled quantity changed.
 * Not thread-safe: confined to the stream's delivery thread.
 */
public final class FillLedger {
    private static final Logger LOG = LoggerFactory.getLogger(FillLedger.class);
    private final Map<String, Entry> orders = new HashMap<>();
    private final Set<String> executionIds = new HashSet<>();

    /** Records an existing order's fills as already known to the caller; delivers nothing. */
    public void seed(Order order) {
        Entry e = entry(order);
        if (order.filledQuantity() > e.covered) {
            BigDecimal avg = order.filledAvgPrice() == null ? BigDecimal.ZERO : order.filledAvgPrice();
            e.notional = avg.multiply(BigDecimal.valueOf(order.filledQuantity()));
            e.covered = order.filledQuantity();
        }
        e.remember(order);
        order.legs().forEach(this::seed);
    }

    /** The updates a stream event yields: its execution (if new), preceded by any gap it reveals. */
    public List<OrderUpdate> onStream(TradeEvent event, Instant now) {
        Order order = event.order();
        Entry e = entry(order);
        Instant time = event.timestamp() != null ? event.timestamp() : timeOf(order, now);
        List<OrderUpdate> out = new ArrayList<>();
        if (!event.type().isFill()) {
            catchUp(order, e, order.filledQuantity(), notionalUpTo(order, null, 0), timeOf(order, now), out);
            out.add(new OrderUpdate(event.type(), order, null, time));
            e.remember(order);
            return out;
        }
        if (event.executionId() != null && executionIds.contains(event.executionId())) {
            LOG.debug("duplicate execution {} of order {} ignored", event.executionId(), order.brokerOrderId());
            return out;
        }
        if (event.quantity() == null || event.quantity() <= 0 || event.price() == null || event.price().signum() <= 0) {
            LOG.warn("fill event of order {} without quantity or price; using the order's cumulative state",
                    order.brokerOrderId());
            return onSnapshot(order, now);
        }
        long qty = event.quantity();
        long cum = order.filledQuantity() > 0 ? order.filledQuantity() : e.covered + qty;
        long before = Math.max(0, cum - qty);
        catchUp(order, e, before, notionalUpTo(order, event.price(), qty), timeOf(order, now), out);
        long fresh = cum - Math.max(e.covered, before);
        if (fresh > 0) {
            String id = event.executionId() != null ? event.executionId() : "alpaca:" + order.brokerOrderId() + ":" + cum;
            executionIds.add(id);
            Price price = price(event.price());
            out.add(new OrderUpdate(event.type(), order, fill(id, order, fresh, price, time), time));
            e.covered = cum;
            e.notional = e.notional.add(price.toBigDecimal().multiply(BigDecimal.valueOf(fresh)));
        } else if (e.changed(order)) {
            out.add(new OrderUpdate(OrderEventType.SNAPSHOT, order, null, time));
        }
        if (event.executionId() != null) {
            executionIds.add(event.executionId());
        }
        e.remember(order);
        return out;
    }

    /** The updates a REST snapshot yields: a synthesized fill for any gap, else a snapshot if anything changed. */
    public List<OrderUpdate> onSnapshot(Order order, Instant now) {
        Entry e = entry(order);
        Instant time = timeOf(order, now);
        List<OrderUpdate> out = new ArrayList<>();
        catchUp(order, e, order.filledQuantity(), notionalUpTo(order, null, 0), time, out);
        if (out.isEmpty() && e.changed(order)) {
            out.add(new OrderUpdate(OrderEventType.SNAPSHOT, order, null, time));
        }
        e.remember(order);
        return out;
    }

    /** Shares of this order delivered as fills so far (seeded ones included). */
    public long delivered(String brokerOrderId) {
        Entry e = orders.get(brokerOrderId);
        return e == null ? 0 : e.covered;
    }

    /** Forgets everything (another account). */
    public void reset() {
        orders.clear();
        executionIds.clear();
    }

    /** Delivers {@code (covered, target]} as one synthesized fill when the order's own numbers imply it. */
    private void catchUp(Order order, Entry e, long target, BigDecimal notionalToTarget, Instant time,
                         List<OrderUpdate> out) {
        long missed = target - e.covered;
        if (missed <= 0) {
            return;
        }
        Price price = missedPrice(notionalToTarget, e.notional, missed, order.filledAvgPrice());
        if (price == null) {
            LOG.error("order {} reports {} shares filled, {} delivered, but no average price: the gap cannot be "
                    + "delivered as a fill", order.brokerOrderId(), target, e.covered);
            return;
        }
        String id = "resync:" + order.brokerOrderId() + ":" + target;
        executionIds.add(id);
        boolean complete = order.status() == OrderStatus.FILLED && target == order.filledQuantity();
        OrderEventType type = complete ? OrderEventType.FILL : OrderEventType.PARTIAL_FILL;
        out.add(new OrderUpdate(type, order, fill(id, order, missed, price, time), time));
        LOG.info("order {}: {} filled shares missed by the stream delivered as {}", order.brokerOrderId(), missed, id);
        e.covered = target;
        e.notional = e.notional.add(price.toBigDecimal().multiply(BigDecimal.valueOf(missed)));
    }

    /**
     * Notional of the order's first {@code cum − qty} filled shares: Alpaca's average over all of them, less the
     * execution being reported; null when Alpaca gave no average.
     */
    private static BigDecimal notionalUpTo(Order order, BigDecimal execPrice, long execQty) {
        if (order.filledAvgPrice() == null) {
            return null;
        }
        BigDecimal total = order.filledAvgPrice().multiply(BigDecimal.valueOf(order.filledQuantity()));
        return execPrice == null ? total : total.subtract(execPrice.multiply(BigDecimal.valueOf(execQty)));
    }

    static Price missedPrice(BigDecimal notionalToTarget, BigDecimal delivered, long missed, BigDecimal avg) {
        if (notionalToTarget != null) {
            BigDecimal gap = notionalToTarget.subtract(delivered);
            if (gap.signum() > 0) {
                BigDecimal p = gap.divide(BigDecimal.valueOf(missed), Price.SCALE, RoundingMode.HALF_EVEN);
                if (p.signum() > 0) {
                    return Price.of(p);
                }
            }
        }
        return avg == null || avg.signum() <= 0 ? null : price(avg);
    }

    private static Price price(BigDecimal p) {
        return Price.of(p.setScale(Math.min(Math.max(p.scale(), 0), Price.SCALE), RoundingMode.HALF_EVEN));
    }

    private static Fill fill(String id, Order o, long qty, Price price, Instant time) {
        return new Fill(id, o.brokerOrderId(), o.clientOrderId(), o.symbol(), o.side(), qty, price, time);
    }

    private static Instant timeOf(Order order, Instant now) {
        return order.updatedAt() != null ? order.updatedAt() : now;
    }

    private Entry entry(Order order) {
        return orders.computeIfAbsent(order.brokerOrderId(), id -> new Entry());
    }

    private static final class Entry {
        long covered;
        BigDecimal notional = BigDecimal.ZERO;
        OrderStatus lastStatus;
        long lastFilled = -1;

        boolean changed(Order o) {
            return o.status() != lastStatus || o.filledQuantity() != lastFilled;
        }

        void remember(Order o) {
            lastStatus = o.status();
            lastFilled = o.filledQuantity();
        }
    }
}
