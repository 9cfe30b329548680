package dev.orb.adapter.alpaca;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Alpaca-shaped JSON for fixtures, following the documented shapes (reference/apis.md): prices and quantities
 * as strings, {@code legs} null unless nested, 207 item lists, error bodies.
 */
final class AlpacaJson {
    static final String PAPER_KEY = "PKTESTKEY0001";
    static final String PAPER_SECRET = "paper-secret-0123456789abcdef";
    static final String LIVE_KEY = "AKLIVEKEY0001";
    static final String LIVE_SECRET = "live-secret-0123456789abcdef";

    private AlpacaJson() {
    }

    static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    static String account() {
        return "{\"account_blocked\":false,\"buying_power\":\"262113.632\",\"cash\":\"-23140.2\",\"daytrade_count\":\"0\","
                + "\"daytrading_buying_power\":\"262113.632\",\"equity\":\"103820.56\",\"last_equity\":\"103529.24\","
                + "\"multiplier\":\"4\",\"pattern_day_trader\":false,\"portfolio_value\":\"103820.56\","
                + "\"regt_buying_power\":\"80680.36\",\"shorting_enabled\":true,\"status\":\"ACTIVE\","
                + "\"trade_suspended_by_user\":false,\"trading_blocked\":false,\"transfers_blocked\":false,"
                + "\"id\":\"e6fe16f3-64a4-4921-8928-cadf02f92f98\",\"currency\":\"USD\"}";
    }

    static String position(String symbol, String qty, String side, String avg, String current) {
        return "{\"symbol\":\"" + symbol + "\",\"exchange\":\"NASDAQ\",\"asset_class\":\"us_equity\",\"avg_entry_price\":\""
                + avg + "\",\"qty\":\"" + qty + "\",\"qty_available\":\"" + qty + "\",\"side\":\"" + side
                + "\",\"market_value\":\"600.0\",\"cost_basis\":\"500.0\",\"unrealized_pl\":\"100.0\","
                + "\"unrealized_plpc\":\"0.20\",\"unrealized_intraday_pl\":\"10.0\",\"current_price\":\"" + current
                + "\",\"lastday_price\":\"119.0\",\"change_today\":\"0.0084\"}";
    }

    static String error(int code, String message) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code);
        o.addProperty("message", message);
        return o.toString();
    }

    static String array(String... items) {
        return "[" + String.join(",", items) + "]";
    }

    /** A mutable order in Alpaca's shape; {@link #json()} renders it. */
    static final class Order {
        final JsonObject o = new JsonObject();

        Order(String id, String clientOrderId, String symbol) {
            o.addProperty("id", id);
            o.addProperty("client_order_id", clientOrderId);
            String t = "2024-03-11T13:35:00.123456Z";
            o.addProperty("created_at", t);
            o.addProperty("updated_at", t);
            o.addProperty("submitted_at", t);
            for (String k : new String[] {"filled_at", "expired_at", "canceled_at", "failed_at", "replaced_at",
                    "replaced_by", "replaces", "notional", "filled_avg_price", "limit_price", "stop_price",
                    "trail_percent", "trail_price", "hwm"}) {
                o.add(k, JsonNull.INSTANCE);
            }
            o.addProperty("asset_id", "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415");
            o.addProperty("symbol", symbol);
            o.addProperty("asset_class", "us_equity");
            o.addProperty("qty", "100");
            o.addProperty("filled_qty", "0");
            o.addProperty("order_class", "");
            o.addProperty("order_type", "stop");
            o.addProperty("type", "stop");
            o.addProperty("side", "buy");
            o.addProperty("time_in_force", "day");
            o.addProperty("status", "new");
            o.addProperty("extended_hours", false);
            o.add("legs", JsonNull.INSTANCE);
        }

        Order set(String key, String value) {
            if (value == null) {
                o.add(key, JsonNull.INSTANCE);
            } else {
                o.addProperty(key, value);
            }
            if ("type".equals(key)) {
                o.addProperty("order_type", value);
            }
            return this;
        }

        Order updatedAt(String t) {
            return set("updated_at", t);
        }

        Order filled(String qty, String avg) {
            return set("filled_qty", qty).set("filled_avg_price", avg);
        }

        Order legs(Order... legs) {
            JsonArray a = new JsonArray();
            for (Order l : legs) {
                a.add(l.o.deepCopy());
            }
            o.add("legs", a);
            return this;
        }

        String get(String key) {
            JsonElement e = o.get(key);
            return e == null || e.isJsonNull() ? null : e.getAsString();
        }

        JsonObject object() {
            return o.deepCopy();
        }

        String json() {
            return o.toString();
        }
    }

    /** A trade_updates message (binary frame body). */
    static String tradeUpdate(String event, Order order, String executionId, String qty, String price, String timestamp) {
        JsonObject data = new JsonObject();
        data.addProperty("event", event);
        if (executionId != null) {
            data.addProperty("execution_id", executionId);
        }
        data.add("order", order.object());
        if (qty != null) {
            data.addProperty("qty", qty);
            data.addProperty("position_qty", qty);
        }
        if (price != null) {
            data.addProperty("price", price);
        }
        if (timestamp != null) {
            data.addProperty("timestamp", timestamp);
        }
        JsonObject msg = new JsonObject();
        msg.addProperty("stream", "trade_updates");
        msg.add("data", data);
        return msg.toString();
    }
}
