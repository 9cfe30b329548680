package dev.orb.adapter.alpaca.internal;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.orb.ports.BrokerException;
import dev.orb.ports.BulkResult;

/**
 * Reads Alpaca's multi-status (207) answers to DELETE /v2/orders and DELETE /v2/positions item by item:
 * {@code [{"id":"…","status":200},{"id":"…","status":404,"body":{"code":40410000,"message":"order not found"}}]}.
 * alpaca-java's own models drop the error bodies, hence the raw JSON. An item without a status is reported as
 * failed: better a needless check than a silent loss.
 */
final class BulkResponses {
    private BulkResponses() {
    }

    /**
     * @param key the item's name field: "id" for orders, "symbol" for positions
     */
    static BulkResult parse(JsonElement json, String key, String action) {
        List<String> ok = new ArrayList<>();
        List<BulkResult.Failure> failed = new ArrayList<>();
        if (json == null || json.isJsonNull()) {
            return new BulkResult(ok, failed);
        }
        if (!json.isJsonArray()) {
            throw new BrokerException("Alpaca " + action + ": expected a list of items, got " + abbreviate(json), false);
        }
        for (JsonElement element : json.getAsJsonArray()) {
            if (!element.isJsonObject()) {
                failed.add(new BulkResult.Failure("?", "unreadable item " + abbreviate(element)));
                continue;
            }
            JsonObject item = element.getAsJsonObject();
            String name = string(item, key);
            name = name == null ? "?" : name;
            Integer status = integer(item, "status");
            if (status != null && status >= 200 && status < 300) {
                ok.add(name);
            } else {
                failed.add(new BulkResult.Failure(name, reason(status, item.get("body"))));
            }
        }
        return new BulkResult(ok, failed);
    }

    private static String reason(Integer status, JsonElement body) {
        StringBuilder b = new StringBuilder(status == null ? "no status" : "HTTP " + status);
        if (body != null && body.isJsonObject()) {
            Integer code = integer(body.getAsJsonObject(), "code");
            String message = string(body.getAsJsonObject(), "message");
            if (code != null) {
                b.append(" (code ").append(code).append(')');
            }
            if (message != null) {
                b.append(": ").append(message);
            }
        }
        return b.toString();
    }

    static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    private static Integer integer(JsonObject o, String key) {
        String s = string(o, key);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String abbreviate(JsonElement e) {
        String s = String.valueOf(e);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
