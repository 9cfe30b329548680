package dev.orb.adapter.polygon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The free plan's five requests a minute, on simulated time. */
class RateLimitTest {
    private final MockWebServer server = new MockWebServer();
    private final ManualTime time = new ManualTime(Fixtures.T0);
    /** Simulated time at which each request reached the server. */
    private final List<Duration> sentAt = new CopyOnWriteArrayList<>();
    private final List<Integer> failFirst = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                sentAt.add(time.elapsed());
                if (!failFirst.isEmpty()) {
                    return Fixtures.status(failFirst.remove(0), "{\"status\":\"ERROR\",\"error\":\"x\"}");
                }
                return Fixtures.json(Fixtures.NO_RESULTS_NULL);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void freeTier_sendsFiveRequestsPerMinuteWindow_andWaitsForTheNextWindow() {
        try (PolygonMarketData polygon = PolygonMarketData.create(Fixtures.config(server, time).build())) {
            for (int i = 0; i < 12; i++) {
                polygon.dailyBarsOfMarket(LocalDate.of(2024, 3, 1).plusDays(i));
            }
        }

        Duration m = Duration.ofMinutes(1);
        assertThat(sentAt).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                m, m, m, m, m, m.multipliedBy(2), m.multipliedBy(2));
        assertThat(time.sleeps()).containsExactly(m, m);
    }

    @Test
    void retriesTakePermitsToo() {
        failFirst.addAll(List.of(500, 500, 500, 500, 500));
        try (PolygonMarketData polygon = PolygonMarketData.create(Fixtures.config(server, time).jitter(0)
                .backoff(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1)).maxAttempts(6).build())) {
            polygon.dailyBarsOfMarket(LocalDate.of(2024, 3, 1));
        }

        // Five failed attempts at 0, 1, 2, 3, 4 s use the first window; the sixth waits for the second.
        assertThat(sentAt).hasSize(6);
        assertThat(sentAt.get(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(sentAt.get(5)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void paidPlanLimit_isConfigurable() {
        try (PolygonMarketData polygon = PolygonMarketData.create(Fixtures.config(server, time)
                .rateLimit(100, Duration.ofSeconds(1)).build())) {
            for (int i = 0; i < 250; i++) {
                polygon.dailyBarsOfMarket(LocalDate.of(2024, 3, 1));
            }
        }

        assertThat(sentAt.get(249)).isEqualTo(Duration.ofSeconds(2));
    }
}
