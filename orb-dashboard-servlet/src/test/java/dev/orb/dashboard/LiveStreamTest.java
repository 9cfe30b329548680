package dev.orb.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orb.core.session.Command;
import dev.orb.domain.Price;
import dev.orb.domain.TradingMode;

/** The live stream: SSE pushes and resumption with Last-Event-ID, and the same events on /ws/live. */
class LiveStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    TradingFixture fixture;
    TestServer server;
    Http http;

    @BeforeEach
    void start() throws Exception {
        fixture = TradingFixture.onH2(dir);
        server = TestServer.start(Setup.config(fixture, new ArrayList<TradingMode>()).build(), "/dash/*", false);
        http = new Http(server, Setup.USER, Setup.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        fixture.close();
    }

    private static void alert(TradingFixture f, String text) {
        f.feed.onAlert(new Command.Alert(Command.Severity.WARNING, text));
    }

    @Test
    void stream_pushesPositionsEverySecondWithPricesAsTheyMove() throws Exception {
        try (SseReader sse = new SseReader(http, null)) {
            assertThat(sse.status).isEqualTo(200);
            SseReader.Event first = sse.next(e -> e.type().equals("positions"), WAIT);
            assertThat(first.id()).isNull();
            fixture.broker.trade(TradingFixture.AAA, Price.of("51.10"));
            SseReader.Event moved = sse.next(e -> e.type().equals("positions") && e.data().contains("\"51.10\""), WAIT);
            JsonNode p = Http.JSON.readTree(moved.data());
            assertThat(p.get("positions").get(0).get("currentPrice").asText()).isEqualTo("51.10");
            assertThat(p.get("at").asText()).isEqualTo(fixture.clock.now().toString());
        }
    }

    @Test
    void stream_resumesAfterLastEventId_withoutRepeatsOrLosses() throws Exception {
        String firstId;
        try (SseReader sse = new SseReader(http, null)) {
            sse.next(e -> e.type().equals("positions"), WAIT);
            alert(fixture, "first");
            SseReader.Event first = sse.next(e -> e.type().equals("alert"), WAIT);
            assertThat(first.data()).contains("first");
            firstId = first.id();
        }
        alert(fixture, "second");
        alert(fixture, "third");
        try (SseReader again = new SseReader(http, firstId)) {
            SseReader.Event second = again.next(e -> e.id() != null, WAIT);
            SseReader.Event third = again.next(e -> e.id() != null, WAIT);
            assertThat(second.data()).contains("second");
            assertThat(Long.parseLong(second.id())).isEqualTo(Long.parseLong(firstId) + 1);
            assertThat(third.data()).contains("third");
            alert(fixture, "fourth");
            assertThat(again.next(e -> e.id() != null, WAIT).data()).contains("fourth");
        }
    }

    @Test
    void stream_carriesEngineFillsAndKillSwitchChanges() throws Exception {
        try (SseReader sse = new SseReader(http, null)) {
            sse.next(e -> e.type().equals("positions"), WAIT);
            fixture.broker.trade(TradingFixture.CCC, Price.of("30.35"));
            SseReader.Event fill = sse.next(e -> e.type().equals("fill"), WAIT);
            assertThat(Http.JSON.readTree(fill.data()).get("symbol").asText()).isEqualTo("CCC");
            assertThat(Http.JSON.readTree(fill.data()).get("price").asText()).isEqualTo("30.35");
            String token = http.csrf();
            assertThat(http.post("api/system/kill-switch", token, "engaged", "true", "reason", "halt").statusCode())
                    .isEqualTo(200);
            SseReader.Event ks = sse.next(e -> e.type().equals("killswitch"), WAIT);
            assertThat(Http.JSON.readTree(ks.data()).get("engaged").asBoolean()).isTrue();
        }
    }

    @Test
    void stream_refusesAnonymousClients() throws Exception {
        try (SseReader sse = new SseReader(new Http(server, null, null), null)) {
            assertThat(sse.status).isEqualTo(401);
        }
    }

    @Test
    void webSocket_carriesTheSameEvents() throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket ws = http.client.newWebSocketBuilder()
                .header("Authorization", Http.basic(Setup.USER, Setup.PASSWORD))
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/app/dash/ws/live"), collector(messages))
                .get(10, TimeUnit.SECONDS);
        try {
            assertThat(next(messages, "\"type\":\"positions\"")).contains("\"AAA\"");
            alert(fixture, "over the socket");
            JsonNode a = Http.JSON.readTree(next(messages, "\"type\":\"alert\""));
            assertThat(a.get("id").asLong()).isPositive();
            assertThat(a.get("data").get("message").asText()).isEqualTo("over the socket");
        } finally {
            ws.abort();
        }
    }

    @Test
    void webSocket_refusesCrossOriginAndAnonymousHandshakes() throws Exception {
        for (WebSocket.Builder b : List.of(
                http.client.newWebSocketBuilder().header("Origin", "http://evil.example")
                        .header("Authorization", Http.basic(Setup.USER, Setup.PASSWORD)),
                http.client.newWebSocketBuilder())) {
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            BlockingQueue<String> messages = new LinkedBlockingQueue<>();
            WebSocket ws = b.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/app/dash/ws/live"),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            messages.add(data.toString());
                            w.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
                            closed.complete(statusCode);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(messages).isEmpty();
            ws.abort();
        }
    }

    private static WebSocket.Listener collector(BlockingQueue<String> messages) {
        return new WebSocket.Listener() {
            private final StringBuilder part = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                part.append(data);
                if (last) {
                    messages.add(part.toString());
                    part.setLength(0);
                }
                w.request(1);
                return null;
            }
        };
    }

    private static String next(BlockingQueue<String> messages, String containing) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            String m = messages.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.contains(containing)) {
                return m;
            }
        }
        throw new AssertionError("no message containing " + containing);
    }
}
