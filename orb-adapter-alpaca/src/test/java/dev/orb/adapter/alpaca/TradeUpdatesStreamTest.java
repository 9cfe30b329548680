package dev.orb.adapter.alpaca;

import static dev.orb.adapter.alpaca.AlpacaJson.PAPER_KEY;
import static dev.orb.adapter.alpaca.AlpacaJson.PAPER_SECRET;
import static dev.orb.adapter.alpaca.AlpacaJson.tradeUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Price;
import dev.orb.ports.BrokerException;
import dev.orb.ports.Subscription;

/**
 * The trade-updates stream through alpaca-java's websocket against MockWebServer's websocket upgrade, sending
 * binary frames like Alpaca; REST resynchronisation against the stateful fake.
 */
class TradeUpdatesStreamTest {
    private final FakeAlpaca alpaca = new FakeAlpaca();
    private final AlpacaMock mock = new AlpacaMock(alpaca);
    private final AlpacaBroker broker = mock.broker();
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void tearDown() {
        broker.close();
        alpaca.stream.closeAll();
        mock.close();
    }

    /** Alpaca's clock: event timestamps and updated_at come from the same one. */
    private String now() {
        return alpaca.brokerTime();
    }

    private void send(String event, AlpacaJson.Order order) {
        alpaca.stream.send(tradeUpdate(event, order, null, null, null, now()));
    }

    private AlpacaJson.Order newEntry(String id) {
        return alpaca.add(new AlpacaJson.Order(id, "orb-20240311-SPY-E-" + id.substring(4), "SPY").set("status", "new"));
    }

    @Test
    void lifecycleEvents_becomeOrderUpdates_inOrder() {
        broker.subscribe(listener);
        AlpacaJson.Order o = newEntry("ord-1");
        alpaca.stream.send(tradeUpdate("new", o, null, null, null, null));
        alpaca.stream.send(tradeUpdate("partial_fill", alpaca.fill("ord-1", 40, "301.52"), "exec-1", "40", "301.52",
                now()));
        alpaca.stream.send(tradeUpdate("fill", alpaca.fill("ord-1", 100, "301.532"), "exec-2", "60", "301.54",
                now()));
        send("canceled", alpaca.setStatus(newEntry("ord-2").get("id"), "canceled"));
        send("rejected", alpaca.setStatus(newEntry("ord-3").get("id"), "rejected"));
        send("expired", alpaca.setStatus(newEntry("ord-4").get("id"), "expired"));
        send("replaced", alpaca.setStatus(newEntry("ord-5").get("id"), "replaced"));

        listener.await(() -> listener.updates.size() == 7, "7 updates");

        assertThat(listener.updates).extracting(OrderUpdate::type).containsExactly(OrderEventType.NEW,
                OrderEventType.PARTIAL_FILL, OrderEventType.FILL, OrderEventType.CANCELED, OrderEventType.REJECTED,
                OrderEventType.EXPIRED, OrderEventType.REPLACED);
        assertThat(listener.fills()).extracting(u -> u.fill().executionId()).containsExactly("exec-1", "exec-2");
        assertThat(listener.fills()).extracting(u -> u.fill().quantity()).containsExactly(40L, 60L);
        assertThat(listener.fills().get(1).fill().price()).isEqualTo(Price.of("301.54"));
        assertThat(listener.fills().get(1).order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(listener.disconnects).isEmpty();
        JsonObject auth = AlpacaJson.parse(alpaca.stream.received.get(0));
        assertThat(auth.get("action").getAsString()).isEqualTo("authenticate");
        assertThat(auth.getAsJsonObject("data").get("key_id").getAsString()).isEqualTo(PAPER_KEY);
        assertThat(auth.getAsJsonObject("data").get("secret_key").getAsString()).isEqualTo(PAPER_SECRET);
        assertThat(alpaca.stream.received.get(1)).contains("listen", "trade_updates");
    }

    @Test
    void duplicateFillEvents_areCountedOnce() {
        broker.subscribe(listener);
        newEntry("ord-1");
        String partial = tradeUpdate("partial_fill", alpaca.fill("ord-1", 40, "301.52"), "exec-1", "40", "301.52",
                now());
        String fill = tradeUpdate("fill", alpaca.fill("ord-1", 100, "301.532"), "exec-2", "60", "301.54", now());
        alpaca.stream.send(partial);
        alpaca.stream.send(partial);
        alpaca.stream.send(fill);
        alpaca.stream.send(fill);
        alpaca.stream.send(tradeUpdate("new", newEntry("ord-2"), null, null, null, null));

        listener.await(() -> listener.updates.stream().anyMatch(u -> u.order().brokerOrderId().equals("ord-2")),
                "the marker event");

        assertThat(listener.fills()).hasSize(2);
        assertThat(listener.filledShares("ord-1")).isEqualTo(100);
    }

    @Test
    void textFrames_areReadLikeBinaryOnes() {
        broker.subscribe(listener);
        alpaca.stream.sendText(tradeUpdate("new", newEntry("ord-1"), null, null, null, null));

        listener.await(() -> listener.updates.size() == 1, "the update sent as text");

        assertThat(listener.updates.get(0).type()).isEqualTo(OrderEventType.NEW);
    }

    @Test
    void unknownEventAndStatus_areDeliveredAsUnknown() {
        broker.subscribe(listener);
        AlpacaJson.Order o = newEntry("ord-1").set("status", "pending_review");
        alpaca.stream.send(tradeUpdate("order_review_started", o, null, null, null, now()));

        listener.await(() -> listener.updates.size() == 1, "the unknown event");

        assertThat(listener.updates.get(0).type()).isEqualTo(OrderEventType.UNKNOWN);
        assertThat(listener.updates.get(0).order().status()).isEqualTo(OrderStatus.UNKNOWN);
    }

    @Test
    void dropDuringAFill_fillRecoveredByTheResync_andTheLateEventIsNotCountedAgain() {
        broker.subscribe(listener);
        alpaca.stream.send(tradeUpdate("new", newEntry("ord-1"), null, null, null, null));
        listener.await(() -> listener.updates.size() == 1, "NEW");

        AlpacaJson.Order filled = alpaca.fill("ord-1", 100, "301.52");
        alpaca.stream.drop();

        listener.await(() -> listener.reconnects.get() == 1, "reconnection");
        assertThat(listener.disconnects).hasSize(1);
        assertThat(listener.calls).containsSubsequence("NEW", "DISCONNECTED", "FILL", "RECONNECTED");
        OrderUpdate recovered = listener.fills().get(0);
        assertThat(recovered.fill().executionId()).isEqualTo("resync:ord-1:100");
        assertThat(recovered.fill().quantity()).isEqualTo(100);
        assertThat(recovered.fill().price()).isEqualTo(Price.of("301.52"));
        assertThat(recovered.order().status()).isEqualTo(OrderStatus.FILLED);

        alpaca.stream.send(tradeUpdate("fill", filled, "exec-late", "100", "301.52", now()));
        alpaca.stream.send(tradeUpdate("new", newEntry("ord-2"), null, null, null, null));
        listener.await(() -> listener.updates.stream().anyMatch(u -> u.order().brokerOrderId().equals("ord-2")),
                "the marker event");
        assertThat(listener.fills()).hasSize(1);
        assertThat(listener.filledShares("ord-1")).isEqualTo(100);
        assertThat(alpaca.stream.connectionCount()).isEqualTo(2);
    }

    @Test
    void whileTheStreamIsDown_restIsPolled() {
        broker.subscribe(listener);
        alpaca.stream.send(tradeUpdate("new", newEntry("ord-1"), null, null, null, null));
        listener.await(() -> listener.updates.size() == 1, "NEW");
        alpaca.streamRefusal = 503;
        alpaca.stream.drop();
        listener.await(() -> listener.disconnects.size() == 1, "disconnection");

        alpaca.fill("ord-1", 100, "301.52");

        listener.await(() -> listener.filledShares("ord-1") == 100, "the fill found by polling");
        assertThat(listener.reconnects).hasValue(0);
        alpaca.streamRefusal = 0;
        listener.await(() -> listener.reconnects.get() == 1, "reconnection");
        assertThat(listener.filledShares("ord-1")).isEqualTo(100);
    }

    @Test
    void ordersExistingAtSubscription_areTheCallers_onlyLaterSharesAreDelivered() {
        AlpacaJson.Order o = newEntry("ord-1");
        alpaca.fill("ord-1", 50, "300.00");
        broker.subscribe(listener);

        alpaca.stream.send(tradeUpdate("partial_fill", alpaca.fill("ord-1", 80, "300.375"), "exec-2", "30", "301",
                now()));
        listener.await(() -> listener.fills().size() == 1, "the stream fill");
        alpaca.stream.drop();
        alpaca.fill("ord-1", 100, "300.7");
        listener.await(() -> listener.reconnects.get() == 1, "reconnection");

        assertThat(listener.fills()).extracting(u -> u.fill().executionId())
                .containsExactly("exec-2", "resync:ord-1:100");
        assertThat(listener.fills()).extracting(u -> u.fill().quantity()).containsExactly(30L, 20L);
        assertThat(listener.fills().get(1).fill().price().toBigDecimal()).isEqualByComparingTo(new BigDecimal("302"));
        assertThat(o.get("id")).isEqualTo("ord-1");
    }

    @Test
    void refusedKey_isReportedAsDisconnected_andRetriedUntilAccepted() {
        alpaca.stream.expectedKey = "SOMEONE-ELSE";

        broker.subscribe(listener);

        assertThat(listener.disconnects).singleElement().asString().contains("authorization refused")
                .doesNotContain(PAPER_SECRET);
        alpaca.stream.expectedKey = PAPER_KEY;
        listener.await(() -> listener.reconnects.get() == 1, "reconnection with an accepted key");
    }

    @Test
    void closedSubscription_deliversNothingMore_andAllowsANewOne() {
        Subscription first = broker.subscribe(listener);
        assertThatThrownBy(() -> broker.subscribe(new RecordingListener())).isInstanceOf(BrokerException.class);

        first.close();
        RecordingListener second = new RecordingListener();
        broker.subscribe(second);
        alpaca.stream.send(tradeUpdate("new", newEntry("ord-1"), null, null, null, null));

        second.await(() -> second.updates.size() == 1, "delivery to the new subscription");
        assertThat(listener.updates).isEmpty();
    }
}
