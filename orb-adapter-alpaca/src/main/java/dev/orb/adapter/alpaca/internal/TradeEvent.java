package dev.orb.adapter.alpaca.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.orb.domain.Order;
import dev.orb.domain.OrderEventType;
import net.jacobpeterson.alpaca.util.gson.GsonUtil;

/**
 * One trade_updates event, read from the raw message because alpaca-java's model drops {@code execution_id}
 * and {@code qty}:
 * {@code {"stream":"trade_updates","data":{"event":"fill","execution_id":"…","order":{…},"price":"105.89","qty":"100","position_qty":"100","timestamp":"…"}}}.
 *
 * @param event       Alpaca's event name as sent
 * @param type        the event as orb knows it ({@link OrderEventType#UNKNOWN} for a name orb does not know)
 * @param order       the order after the event
 * @param executionId the execution id of a fill, or null
 * @param quantity    shares in this execution (fills), or null
 * @param price       execution price (fills), or null
 * @param timestamp   when it happened at Alpaca, or null (events such as "new" carry none)
 */
public record TradeEvent(String event, OrderEventType type, Order order, String executionId, Long quantity,
                         BigDecimal price, Instant timestamp) {
    public TradeEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
    }

    /**
     * Reads the {@code data} object of a trade_updates message.
     *
     * @throws RuntimeException (a Gson, number or {@code BrokerException}) when the message cannot be read
     */
    public static TradeEvent parse(JsonObject data) {
        String event = BulkResponses.string(data, "event");
        if (event == null) {
            throw new IllegalArgumentException("trade update without an event");
        }
        JsonElement order = data.get("order");
        if (order == null || !order.isJsonObject()) {
            throw new IllegalArgumentException("trade update '" + event + "' without an order");
        }
        Order o = OrderMapper.toDomain(GsonUtil.GSON.fromJson(order,
                net.jacobpeterson.alpaca.model.endpoint.orders.Order.class));
        String qty = BulkResponses.string(data, "qty");
        String time = BulkResponses.string(data, "timestamp");
        return new TradeEvent(event, type(event), o, BulkResponses.string(data, "execution_id"),
                qty == null ? null : Math.abs(Numbers.shares(qty, "trade update " + o.brokerOrderId() + " qty")),
                Numbers.decimal(BulkResponses.string(data, "price"), "trade update " + o.brokerOrderId() + " price"),
                time == null ? null : OffsetDateTime.parse(time, DateTimeFormatter.ISO_DATE_TIME).toInstant());
    }

    /** orb's event type of an Alpaca event name. */
    public static OrderEventType type(String event) {
        return switch (event.toLowerCase(Locale.ROOT)) {
            case "new" -> OrderEventType.NEW;
            case "fill" -> OrderEventType.FILL;
            case "partial_fill" -> OrderEventType.PARTIAL_FILL;
            case "canceled" -> OrderEventType.CANCELED;
            case "expired" -> OrderEventType.EXPIRED;
            case "replaced" -> OrderEventType.REPLACED;
            case "rejected" -> OrderEventType.REJECTED;
            case "done_for_day" -> OrderEventType.DONE_FOR_DAY;
            case "pending_new" -> OrderEventType.PENDING_NEW;
            case "accepted" -> OrderEventType.ACCEPTED;
            case "pending_cancel" -> OrderEventType.PENDING_CANCEL;
            case "pending_replace" -> OrderEventType.PENDING_REPLACE;
            case "restated" -> OrderEventType.RESTATED;
            case "held" -> OrderEventType.HELD;
            default -> OrderEventType.UNKNOWN;
        };
    }
}
