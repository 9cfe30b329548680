package dev.orb.adapter.polygon;

import static dev.orb.adapter.polygon.Fixtures.KEY;
import static dev.orb.adapter.polygon.Fixtures.json;
import static dev.orb.adapter.polygon.Fixtures.results;
import static dev.orb.adapter.polygon.Fixtures.row;
import static dev.orb.adapter.polygon.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResilienceTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 11);
    private static final String GROUPED_PATH = "/v2/aggs/grouped/locale/us/market/stocks/2024-03-11";
    private static final String ONE_ROW = results("OK", null, row("AAA", 10, 11, 9, 10.5, 1000));

    private final MockWebServer server = new MockWebServer();
    private final ManualTime time = new ManualTime(Fixtures.T0);
    private PolygonMarketData polygon;

    @BeforeEach
    void start() throws IOException {
        server.start();
        // No jitter and a generous limiter, so every recorded sleep is a backoff of known length.
        use(Fixtures.config(server, time).jitter(0).rateLimit(1000, Duration.ofMinutes(1))
                .backoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60)).maxAttempts(4));
    }

    @AfterEach
    void stop() throws IOException {
        polygon.close();
        server.shutdown();
    }

    private void use(PolygonConfig.Builder config) {
        if (polygon != null) {
            polygon.close();
        }
        polygon = PolygonMarketData.create(config.build());
    }

    @Test
    void tooManyRequests_thenSuccess_waitsExactlyTheRetryAfter() {
        server.enqueue(status(429, Fixtures.TOO_MANY).setHeader("Retry-After", "7"));
        server.enqueue(json(ONE_ROW));

        assertThat(polygon.dailyBarsOfMarket(DAY)).hasSize(1);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDate_isMeasuredOnTheClock() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(Fixtures.T0.plusSeconds(30).atOffset(ZoneOffset.UTC));
        server.enqueue(status(429, Fixtures.TOO_MANY).setHeader("Retry-After", at));
        server.enqueue(json(ONE_ROW));

        polygon.dailyBarsOfMarket(DAY);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterLongerThanTheCap_isShortenedToTheCap() {
        use(Fixtures.config(server, time).jitter(0).maxRetryAfter(Duration.ofSeconds(90)));
        server.enqueue(status(429, Fixtures.TOO_MANY).setHeader("Retry-After", "3600"));
        server.enqueue(json(ONE_ROW));

        polygon.dailyBarsOfMarket(DAY);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void tooManyRequestsWithoutRetryAfter_backsOffExponentially() {
        server.enqueue(status(429, Fixtures.TOO_MANY));
        server.enqueue(status(429, Fixtures.TOO_MANY));
        server.enqueue(json(ONE_ROW));

        polygon.dailyBarsOfMarket(DAY);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void jitter_keepsEachWaitWithinItsBand() {
        use(Fixtures.config(server, time).jitter(0.5).rateLimit(1000, Duration.ofMinutes(1))
                .backoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60)).maxAttempts(4));
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503, "{\"status\":\"ERROR\",\"error\":\"busy\"}"));
        }
        server.enqueue(json(ONE_ROW));

        polygon.dailyBarsOfMarket(DAY);

        assertThat(time.sleeps()).hasSize(3);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
        assertThat(time.sleeps().get(2)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(12));
    }

    @Test
    void serverErrorStorm_isRetriedABoundedNumberOfTimes_thenATypedError() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(status(500, "{\"status\":\"ERROR\",\"error\":\"Internal Server Error\"}"));
        }

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY))
                .isInstanceOfSatisfying(PolygonUnavailableException.class, e -> {
                    assertThat(e.endpoint()).isEqualTo(GROUPED_PATH);
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.reason()).contains("Internal Server Error").contains("4 attempts");
                })
                .isInstanceOf(dev.orb.ports.MarketDataException.class);
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8));
    }

    @Test
    void tooManyRequestsStorm_endsInRateLimitException() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(429, Fixtures.TOO_MANY));
        }

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY))
                .isInstanceOf(PolygonRateLimitException.class)
                .hasMessageContaining("exceeded the maximum requests per minute");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void unknownKey_isAnAuthError_neverRetried() {
        server.enqueue(status(401, Fixtures.UNKNOWN_KEY));

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY))
                .isInstanceOfSatisfying(PolygonAuthException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.reason()).isEqualTo("Unknown API Key");
                    assertThat(e.endpoint()).isEqualTo(GROUPED_PATH);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void notEntitled_403_isAnAuthError() {
        server.enqueue(status(403, Fixtures.NOT_ENTITLED));

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY))
                .isInstanceOf(PolygonAuthException.class)
                .hasMessageContaining("not entitled");
    }

    @Test
    void notAuthorizedStatusInA200_isAnAuthError() {
        server.enqueue(json(Fixtures.NOT_ENTITLED));

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY)).isInstanceOf(PolygonAuthException.class);
    }

    @Test
    void errorStatusInA200_isAResponseError_notEmpty() {
        server.enqueue(json("{\"status\":\"ERROR\",\"request_id\":\"x\",\"error\":\"Could not parse date\"}"));

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY))
                .isInstanceOf(PolygonResponseException.class)
                .hasMessageContaining("Could not parse date");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void notFound_isAResponseError_withTheRawReasonWhenNotJson() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("<html>404 page not found</html>"));

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY))
                .isInstanceOfSatisfying(PolygonResponseException.class,
                        e -> assertThat(e.reason()).contains("404 page not found"));
    }

    @Test
    void slowResponsePastTheReadTimeout_isRetried() {
        use(Fixtures.config(server, time).jitter(0).maxAttempts(3)
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(5)));
        server.enqueue(json(ONE_ROW).setHeadersDelay(3, TimeUnit.SECONDS));
        server.enqueue(json(ONE_ROW));

        assertThat(polygon.dailyBarsOfMarket(DAY)).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void responsesAlwaysTooSlow_endInUnavailable_withoutHttpStatus() {
        use(Fixtures.config(server, time).jitter(0).maxAttempts(2)
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(5)));
        server.enqueue(json(ONE_ROW).setHeadersDelay(3, TimeUnit.SECONDS));
        server.enqueue(json(ONE_ROW).setHeadersDelay(3, TimeUnit.SECONDS));

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY))
                .isInstanceOfSatisfying(PolygonUnavailableException.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.reason()).contains("timeout").contains("2 attempts");
                });
    }

    @Test
    void connectionReset_isRetried() {
        server.enqueue(json(ONE_ROW).setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(ONE_ROW).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(json(ONE_ROW));

        assertThat(polygon.dailyBarsOfMarket(DAY)).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void keyEchoedByTheServer_neverReachesTheExceptionMessage() {
        server.enqueue(status(400, "{\"status\":\"ERROR\",\"error\":\"bad key " + KEY + " for this endpoint\"}"));

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY))
                .isInstanceOf(PolygonResponseException.class)
                .hasMessageContaining("bad key **** for this endpoint")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }
}
