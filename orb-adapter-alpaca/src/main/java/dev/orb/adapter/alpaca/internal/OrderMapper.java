package dev.orb.adapter.alpaca.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Order;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import dev.orb.ports.BrokerException;
import net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderTimeInForce;

/**
 * Translates orders between alpaca-java's model and orb's domain.
 *
 * <p>alpaca-java reads an enum string it does not know as null. A null status or type becomes
 * {@link OrderStatus#UNKNOWN} / {@link OrderType#UNKNOWN} (treated as possibly working); a null time in force
 * becomes GTC (the conservative reading: it may outlive the day); Alpaca's intraday kinds (opg, cls, ioc, fok)
 * become DAY. An order without id, client order id, symbol or side cannot be represented and is reported as a
 * {@link BrokerException} with an unknown outcome.
 */
public final class OrderMapper {
    private OrderMapper() {
    }

    /** The domain order, legs included. */
    public static Order toDomain(net.jacobpeterson.alpaca.model.endpoint.orders.Order o) {
        if (o == null || o.getId() == null || o.getId().isBlank()) {
            throw new BrokerException("Alpaca sent an order without an id", false);
        }
        String what = "Alpaca order " + o.getId();
        try {
            List<Order> legs = new ArrayList<>();
            if (o.getLegs() != null) {
                for (net.jacobpeterson.alpaca.model.endpoint.orders.Order leg : o.getLegs()) {
                    legs.add(toDomain(leg));
                }
            }
            return new Order(o.getId(), new ClientOrderId(required(o.getClientOrderId(), "client_order_id", what)),
                    Symbol.of(required(o.getSymbol(), "symbol", what)), side(o.getSide(), what), type(o.getType()),
                    Math.abs(Numbers.shares(o.getQuantity(), what + " qty")),
                    Math.abs(Numbers.shares(o.getFilledQuantity(), what + " filled_qty")),
                    Numbers.price(o.getStopPrice(), what + " stop_price"),
                    Numbers.price(o.getLimitPrice(), what + " limit_price"),
                    Numbers.decimal(o.getAverageFillPrice(), what + " filled_avg_price"),
                    status(o.getStatus()), timeInForce(o.getTimeInForce()), instant(o.getCreatedAt()),
                    instant(o.getUpdatedAt()), legs);
        } catch (InvalidValueException | NumberFormatException | ArithmeticException e) {
            throw new BrokerException(what + " cannot be read: " + e.getMessage(), false, e);
        }
    }

    /** orb's status of an Alpaca status; null (a string alpaca-java did not know) is UNKNOWN. */
    public static OrderStatus status(net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderStatus s) {
        if (s == null) {
            return OrderStatus.UNKNOWN;
        }
        return switch (s) {
            case NEW -> OrderStatus.NEW;
            case PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
            case FILLED -> OrderStatus.FILLED;
            case DONE_FOR_DAY -> OrderStatus.DONE_FOR_DAY;
            case CANCELED -> OrderStatus.CANCELED;
            case EXPIRED -> OrderStatus.EXPIRED;
            case REPLACED -> OrderStatus.REPLACED;
            case PENDING_CANCEL -> OrderStatus.PENDING_CANCEL;
            case PENDING_REPLACE -> OrderStatus.PENDING_REPLACE;
            case ACCEPTED -> OrderStatus.ACCEPTED;
            case PENDING_NEW -> OrderStatus.PENDING_NEW;
            case ACCEPTED_FOR_BIDDING -> OrderStatus.ACCEPTED_FOR_BIDDING;
            case STOPPED -> OrderStatus.STOPPED;
            case REJECTED -> OrderStatus.REJECTED;
            case SUSPENDED -> OrderStatus.SUSPENDED;
            case CALCULATED -> OrderStatus.CALCULATED;
            case HELD -> OrderStatus.HELD;
        };
    }

    /** orb's type of an Alpaca type; null is UNKNOWN. */
    public static OrderType type(net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType t) {
        if (t == null) {
            return OrderType.UNKNOWN;
        }
        return switch (t) {
            case MARKET -> OrderType.MARKET;
            case LIMIT -> OrderType.LIMIT;
            case STOP -> OrderType.STOP;
            case STOP_LIMIT -> OrderType.STOP_LIMIT;
            case TRAILING_STOP -> OrderType.TRAILING_STOP;
        };
    }

    static TimeInForce timeInForce(OrderTimeInForce t) {
        if (t == null) {
            return TimeInForce.GTC;
        }
        return t == OrderTimeInForce.GOOD_UNTIL_CANCELLED ? TimeInForce.GTC : TimeInForce.DAY;
    }

    static OrderSide side(net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderSide s, String what) {
        if (s == null) {
            throw new InvalidValueException(what + ": side is missing or not buy/sell");
        }
        return s == net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderSide.BUY ? OrderSide.BUY : OrderSide.SELL;
    }

    /** alpaca-java's side of an orb order. */
    public static net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderSide toAlpaca(OrderSide side) {
        return side == OrderSide.BUY ? net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderSide.BUY
                : net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderSide.SELL;
    }

    /** alpaca-java's type of a sendable orb order type. */
    public static net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType toAlpaca(OrderType type) {
        return switch (type) {
            case MARKET -> net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType.MARKET;
            case LIMIT -> net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType.LIMIT;
            case STOP -> net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType.STOP;
            case STOP_LIMIT -> net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType.STOP_LIMIT;
            case TRAILING_STOP, UNKNOWN -> throw new InvalidValueException("OrderType " + type + " is never sent");
        };
    }

    /** alpaca-java's time in force of an orb order. */
    public static OrderTimeInForce toAlpaca(TimeInForce tif) {
        return tif == TimeInForce.GTC ? OrderTimeInForce.GOOD_UNTIL_CANCELLED : OrderTimeInForce.DAY;
    }

    /**
     * The double alpaca-java's {@code requestOrder} takes for an on-tick price. The conversion is exact in
     * effect: a decimal of at most 15 significant digits survives decimal → double → shortest decimal, which
     * is what both alpaca-java's price formatter and Gson print (proven for every cent up to $100,000 and every
     * sub-dollar tick by AlpacaRestTest's request-body properties).
     */
    public static Double toAlpaca(Price price) {
        return price == null ? null : price.toBigDecimal().doubleValue();
    }

    private static Instant instant(ZonedDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(what + ": " + field + " is missing");
        }
        return value;
    }
}
