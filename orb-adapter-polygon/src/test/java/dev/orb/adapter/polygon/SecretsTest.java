package dev.orb.adapter.polygon;

import static dev.orb.adapter.polygon.Fixtures.KEY;
import static dev.orb.adapter.polygon.Fixtures.json;
import static dev.orb.adapter.polygon.Fixtures.results;
import static dev.orb.adapter.polygon.Fixtures.row;
import static dev.orb.adapter.polygon.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/** The key is a secret: it goes out in the Authorization header and nowhere else. */
class SecretsTest {
    private final ManualTime time = new ManualTime(Fixtures.T0);

    @Test
    void toStrings_neverShowTheKey() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            PolygonConfig config = Fixtures.config(server, time).build();
            try (PolygonMarketData polygon = PolygonMarketData.create(config)) {
                assertThat(config.toString()).doesNotContain(KEY).contains("apiKey=****");
                assertThat(polygon.toString()).doesNotContain(KEY);
            }
        }
    }

    @Test
    void invalidConfig_namesEverySetting_butNotTheKey() {
        assertThatThrownBy(() -> PolygonConfig.builder(KEY).baseUrl("ftp://x/y").rateLimit(0, Duration.ZERO)
                .maxAttempts(0).jitter(1.5).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("baseUrl: 'ftp://x/y'")
                .hasMessageContaining("rateLimit.requests: 0")
                .hasMessageContaining("rateLimit.period: PT0S")
                .hasMessageContaining("maxAttempts: 0")
                .hasMessageContaining("jitter: 1.5")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        assertThatThrownBy(() -> PolygonConfig.builder(" ").build()).hasMessageContaining("apiKey: must not be blank");
    }

    @Test
    void massiveHost_isAccepted_andTrailingSlashDropped() {
        assertThat(PolygonConfig.builder(KEY).baseUrl(PolygonConfig.MASSIVE_BASE_URL + "/").build().baseUrl())
                .isEqualTo("https://api.massive.com");
    }

    @Test
    void logsOfRetriesFailuresAndPaging_neverContainTheKey() throws IOException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            try (PolygonMarketData polygon = PolygonMarketData.create(Fixtures.config(server, time).jitter(0)
                    .maxAttempts(3).build())) {
                server.enqueue(status(429, Fixtures.TOO_MANY).setHeader("Retry-After", "1"));
                server.enqueue(json("").setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
                server.enqueue(json(results("OK", server.url("/v2/x?cursor=c&apiKey=" + KEY).toString(),
                        "{\"c\":1,\"h\":1,\"l\":2,\"o\":1,\"t\":1577941200000,\"v\":1}")));
                server.enqueue(json(Fixtures.NO_RESULTS_NULL));
                polygon.dailyBars(Symbol.of("AAPL"), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 10));
                server.enqueue(status(401, "{\"status\":\"ERROR\",\"error\":\"Unknown API Key " + KEY + "\"}"));
                assertThatThrownBy(() -> polygon.dailyBarsOfMarket(LocalDate.of(2020, 1, 2)))
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
                server.enqueue(json(results("OK", null, row("AAA", 1, 1, 1, 1, -5))));
                polygon.dailyBarsOfMarket(LocalDate.of(2020, 1, 3));
                for (int i = 0; i < 3; i++) {
                    server.enqueue(status(502, "bad gateway for " + KEY));
                }
                assertThatThrownBy(() -> polygon.dailyBarsOfMarket(LocalDate.of(2020, 1, 6)))
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
                assertThat(server.getRequestCount()).isEqualTo(9);
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("retrying in").contains("skipped AAA").contains("skipped AAPL 2020-01-02")
                .contains("Polygon GET /v2/aggs/grouped/locale/us/market/stocks/2020-01-06");
        assertThat(log).doesNotContain(KEY);
    }
}
