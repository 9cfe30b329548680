package dev.orb.adapter.alpaca;

import static dev.orb.adapter.alpaca.AlpacaJson.LIVE_KEY;
import static dev.orb.adapter.alpaca.AlpacaJson.LIVE_SECRET;
import static dev.orb.adapter.alpaca.AlpacaJson.PAPER_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orb.domain.TradingMode;
import dev.orb.ports.BrokerException;
import okhttp3.mockwebserver.RecordedRequest;

/** Paper and live: keys per environment; switching only when flat. */
class ModeSwitchTest {
    private final FakeAlpaca alpaca = new FakeAlpaca();
    private final AlpacaMock mock = new AlpacaMock(alpaca);
    private final AlpacaBroker broker = AlpacaBroker.create(mock.config().live(LIVE_KEY, LIVE_SECRET).build());

    @AfterEach
    void tearDown() {
        broker.close();
        alpaca.stream.closeAll();
        mock.close();
    }

    @Test
    void switchWithAnOpenPosition_isRefused_andTheModeStays() {
        alpaca.positions = AlpacaJson.array(AlpacaJson.position("AAPL", "5", "long", "100.0", "120.0"));

        assertThatThrownBy(() -> broker.switchMode(TradingMode.LIVE)).isInstanceOfSatisfying(BrokerException.class,
                e -> {
                    assertThat(e.rejected()).isTrue();
                    assertThat(e.getMessage()).contains("not flat", "AAPL 5");
                });
        assertThat(broker.mode()).isEqualTo(TradingMode.PAPER);
        assertThat(broker.isFlat()).isFalse();
    }

    @Test
    void switchWithAWorkingOrder_isRefused() {
        alpaca.add(new AlpacaJson.Order("ord-1", "orb-20240311-SPY-E-1", "SPY").set("status", "new"));

        assertThatThrownBy(() -> broker.switchMode(TradingMode.LIVE)).hasMessageContaining("orb-20240311-SPY-E-1");
        assertThat(broker.mode()).isEqualTo(TradingMode.PAPER);
    }

    @Test
    void switchWhenFlat_sendsLaterRequestsToTheLiveHostWithLiveKeys() throws InterruptedException {
        broker.switchMode(TradingMode.LIVE);
        broker.positions();

        assertThat(broker.mode()).isEqualTo(TradingMode.LIVE);
        RecordedRequest last = null;
        for (int i = 0, n = mock.server.getRequestCount(); i < n; i++) {
            last = mock.server.takeRequest();
        }
        assertThat(last.getHeader("X-Test-Host")).isEqualTo("api.alpaca.markets");
        assertThat(last.getHeader("APCA-API-KEY-ID")).isEqualTo(LIVE_KEY);
        assertThat(last.getHeader("APCA-API-SECRET-KEY")).isEqualTo(LIVE_SECRET).isNotEqualTo(PAPER_SECRET);
    }

    @Test
    void switchWithoutLiveKeys_isRefused() {
        AlpacaBroker paperOnly = mock.broker();
        try {
            assertThatThrownBy(() -> paperOnly.switchMode(TradingMode.LIVE)).hasMessageContaining("no LIVE credentials");
        } finally {
            paperOnly.close();
        }
    }

    @Test
    void subscriptionMovesWithTheSwitch_toTheLiveStreamWithTheLiveKey() {
        RecordingListener listener = new RecordingListener();
        broker.subscribe(listener);
        alpaca.stream.expectedKey = LIVE_KEY;

        broker.switchMode(TradingMode.LIVE);

        listener.await(() -> listener.reconnects.get() == 1, "reconnection to the live stream");
        assertThat(listener.disconnects).singleElement().asString().contains("switched from PAPER to LIVE");
        assertThat(alpaca.stream.received.get(alpaca.stream.received.size() - 2)).contains(LIVE_KEY);
    }
}
