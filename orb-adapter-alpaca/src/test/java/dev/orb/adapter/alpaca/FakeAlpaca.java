package dev.orb.adapter.alpaca;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A small stateful Alpaca: orders (with OTO legs) created by POST and unique per client order id, lookups by
 * client order id, listings with Alpaca's status/nested/after semantics (including its quirk that a filled OTO
 * parent's open leg is missing from {@code nested=true}), positions, and the trade-updates stream. Failures are
 * scripted per POST and per lookup. Thread-safe.
 */
final class FakeAlpaca extends Dispatcher {
    /** What the next POST does. */
    enum Post {
        /** Create the order and answer 200. */
        ACCEPT,
        /** Create the order and never answer (the client times out). */
        ACCEPT_NO_ANSWER,
        /** Lose the request: create nothing, never answer. */
        LOSE_NO_ANSWER,
        /** Create the order, then answer 500. */
        ACCEPT_THEN_500,
        /** Create nothing, answer 503. */
        FAIL_503,
        /** Refuse: 403 insufficient buying power. */
        REFUSE_403
    }

    private static final Set<String> TERMINAL = Set.of("filled", "canceled", "expired", "rejected", "replaced");
    private final Map<String, AlpacaJson.Order> orders = new LinkedHashMap<>();
    private final Map<String, String> parentOf = new LinkedHashMap<>();
    private final Deque<Post> postScript = new ArrayDeque<>();
    private final Deque<Integer> lookupFailures = new ArrayDeque<>();
    private final AtomicLong brokerSeconds = new AtomicLong();
    private final AtomicInteger ids = new AtomicInteger();
    final List<String> postBodies = new CopyOnWriteArrayList<>();
    final AtomicInteger lookups = new AtomicInteger();
    final FakeStream stream = new FakeStream();
    volatile int streamRefusal;
    volatile String positions = "[]";

    synchronized void scriptPosts(Post... posts) {
        postScript.addAll(List.of(posts));
    }

    synchronized void failLookups(Integer... statuses) {
        lookupFailures.addAll(List.of(statuses));
    }

    synchronized int orderCount() {
        return (int) orders.keySet().stream().filter(id -> !parentOf.containsKey(id)).count();
    }

    synchronized AlpacaJson.Order byClientOrderId(String clientOrderId) {
        return orders.values().stream().filter(o -> clientOrderId.equals(o.get("client_order_id"))).findFirst()
                .orElse(null);
    }

    synchronized AlpacaJson.Order add(AlpacaJson.Order order) {
        String t = brokerTime();
        order.set("created_at", t).set("submitted_at", t).updatedAt(t);
        orders.put(order.get("id"), order);
        return order;
    }

    /** Alpaca fills {@code qty} more shares at the new average {@code avg}. */
    synchronized AlpacaJson.Order fill(String id, long cumulative, String avg) {
        AlpacaJson.Order o = orders.get(id);
        long qty = new BigDecimal(o.get("qty")).longValueExact();
        o.filled(Long.toString(cumulative), avg).set("status", cumulative >= qty ? "filled" : "partially_filled")
                .updatedAt(brokerTime());
        return o;
    }

    synchronized AlpacaJson.Order setStatus(String id, String status) {
        return orders.get(id).set("status", status).updatedAt(brokerTime());
    }

    synchronized AlpacaJson.Order order(String id) {
        return orders.get(id);
    }

    /** Broker timestamps advance a second per change, from 13:35:01Z. */
    String brokerTime() {
        return AlpacaMock.START.plusSeconds(brokerSeconds.incrementAndGet()).toString().replace("Z", ".000001Z");
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        String method = request.getMethod();
        if (path.equals("/stream")) {
            return streamRefusal == 0 ? new MockResponse().withWebSocketUpgrade(stream)
                    : json(streamRefusal, AlpacaJson.error(streamRefusal, "stream unavailable"));
        }
        synchronized (this) {
            if (method.equals("POST") && path.equals("/v2/orders")) {
                return post(request.getBody().readUtf8());
            }
            if (method.equals("GET") && path.startsWith("/v2/orders:by_client_order_id")) {
                return lookup(url.queryParameter("client_order_id"));
            }
            if (method.equals("GET") && path.equals("/v2/orders")) {
                return json(200, list(url).toString());
            }
            if (method.equals("GET") && path.startsWith("/v2/orders/")) {
                AlpacaJson.Order o = orders.get(path.substring("/v2/orders/".length()));
                return o == null ? notFound() : json(200, render(o, true).toString());
            }
            if (method.equals("GET") && path.equals("/v2/positions")) {
                return json(200, positions);
            }
        }
        return json(404, AlpacaJson.error(40410000, "no route " + method + " " + path));
    }

    private MockResponse post(String body) {
        postBodies.add(body);
        Post script = postScript.isEmpty() ? Post.ACCEPT : postScript.poll();
        JsonObject req = AlpacaJson.parse(body);
        String clientOrderId = req.get("client_order_id").getAsString();
        switch (script) {
            case LOSE_NO_ANSWER:
                return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
            case FAIL_503:
                return json(503, AlpacaJson.error(50300000, "service unavailable"));
            case REFUSE_403:
                return json(403, "{\"buying_power\":\"176531.28\",\"code\":40310000,\"cost_basis\":\"48640000\","
                        + "\"message\":\"insufficient buying power\"}");
            default:
                break;
        }
        if (byClientOrderId(clientOrderId) != null) {
            return json(422, AlpacaJson.error(40010001, "client_order_id must be unique"));
        }
        AlpacaJson.Order o = create(req, clientOrderId);
        return switch (script) {
            case ACCEPT_NO_ANSWER -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
            case ACCEPT_THEN_500 -> json(500, AlpacaJson.error(50000000, "internal server error"));
            default -> json(200, render(o, true).toString());
        };
    }

    private AlpacaJson.Order create(JsonObject req, String clientOrderId) {
        String id = "ord-" + ids.incrementAndGet();
        String side = req.get("side").getAsString();
        AlpacaJson.Order o = new AlpacaJson.Order(id, clientOrderId, req.get("symbol").getAsString())
                .set("side", side).set("type", req.get("type").getAsString())
                .set("time_in_force", req.get("time_in_force").getAsString())
                .set("qty", plain(req.get("qty").getAsString())).set("status", "accepted")
                .set("stop_price", req.has("stop_price") ? plain(req.get("stop_price").getAsString()) : null)
                .set("limit_price", req.has("limit_price") ? plain(req.get("limit_price").getAsString()) : null);
        if (req.has("order_class") && !req.get("order_class").getAsString().equals("simple")) {
            o.set("order_class", req.get("order_class").getAsString());
        }
        add(o);
        if (req.has("stop_loss")) {
            String legId = id + "-sl";
            AlpacaJson.Order leg = new AlpacaJson.Order(legId, "leg-" + ids.incrementAndGet(), o.get("symbol"))
                    .set("side", side.equals("buy") ? "sell" : "buy").set("type", "stop")
                    .set("qty", o.get("qty")).set("status", "held").set("order_class", o.get("order_class"))
                    .set("stop_price", plain(req.getAsJsonObject("stop_loss").get("stop_price").getAsString()));
            add(leg);
            parentOf.put(legId, id);
        }
        return o;
    }

    private MockResponse lookup(String clientOrderId) {
        lookups.incrementAndGet();
        if (!lookupFailures.isEmpty()) {
            int status = lookupFailures.poll();
            return json(status, AlpacaJson.error(status * 100_000, "lookup failure"));
        }
        AlpacaJson.Order o = byClientOrderId(clientOrderId);
        return o == null ? notFound() : json(200, render(o, true).toString());
    }

    private JsonArray list(HttpUrl url) {
        String status = url.queryParameter("status") == null ? "open" : url.queryParameter("status");
        boolean nested = "true".equals(url.queryParameter("nested"));
        String after = url.queryParameter("after");
        String symbols = url.queryParameter("symbols");
        JsonArray out = new JsonArray();
        for (AlpacaJson.Order o : orders.values()) {
            boolean isLeg = parentOf.containsKey(o.get("id"));
            boolean open = !TERMINAL.contains(o.get("status"));
            if ((nested && isLeg) || (status.equals("open") && !open) || (status.equals("closed") && open)) {
                continue;
            }
            if (after != null && !Instant.parse(o.get("submitted_at")).isAfter(Instant.parse(after))) {
                continue;
            }
            if (symbols != null && !List.of(symbols.split(",")).contains(o.get("symbol"))) {
                continue;
            }
            out.add(render(o, nested));
        }
        return out;
    }

    private JsonObject render(AlpacaJson.Order o, boolean withLegs) {
        JsonObject json = o.object();
        List<AlpacaJson.Order> legs = new ArrayList<>();
        parentOf.forEach((leg, parent) -> {
            if (parent.equals(o.get("id"))) {
                legs.add(orders.get(leg));
            }
        });
        if (withLegs && !legs.isEmpty()) {
            JsonArray a = new JsonArray();
            legs.forEach(l -> a.add(l.object()));
            json.add("legs", a);
        }
        return json;
    }

    private static String plain(String number) {
        return new BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    private static MockResponse notFound() {
        return json(404, AlpacaJson.error(40410000, "order not found"));
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }
}
