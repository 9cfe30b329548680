package dev.orb.adapter.polygon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.orb.domain.DailyBar;
import dev.orb.domain.Symbol;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures of docs/data.md: fetching 30 sessions of 8,000 symbols on the free plan (5 requests a minute),
 * whole-market (one grouped-daily request per date) versus per symbol (the original design), against the mock on
 * simulated time. The simulated durations are exact consequences of the limiter and are asserted; the real time a
 * run takes is printed, not asserted.
 *
 * <p>The per-symbol run sends 8,000 requests and is off by default:
 * {@code mvn -o -q -B -pl orb-adapter-polygon -am verify -Dtest=SyncFiguresTest -Dorb.figures=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SyncFiguresTest {
    private static final int SYMBOLS = 8_000;
    private static final int SESSIONS = 30;

    private final MockWebServer server = new MockWebServer();
    private final ManualTime time = new ManualTime(Fixtures.T0);

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                if (path.startsWith("/v2/aggs/grouped/")) {
                    return Fixtures.json(groupedDay(LocalDate.parse(path.substring(path.lastIndexOf('/') + 1))));
                }
                return Fixtures.json(thirtyDays(request.getRequestUrl().pathSegments().get(3)));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void wholeMarket_thirtySessions_take30Requests_andFiveSimulatedMinutesOnTheFreePlan() {
        List<LocalDate> sessions = sessions();
        long started = System.nanoTime();
        int bars = 0;
        try (PolygonMarketData polygon = PolygonMarketData.create(Fixtures.config(server, time).build())) {
            for (LocalDate d : sessions) {
                List<DailyBar> day = polygon.dailyBarsOfMarket(d);
                assertThat(day).hasSize(SYMBOLS);
                bars += day.size();
            }
            assertThat(polygon.requestsMade()).isEqualTo(SESSIONS);
        }
        long realMillis = (System.nanoTime() - started) / 1_000_000;

        // Six one-minute windows of five: the 30th request goes out at 5:00 of simulated time.
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bars).isEqualTo(SYMBOLS * SESSIONS);
        System.out.printf(Locale.ROOT, "FIGURE whole-market: %d requests, %d bars, simulated %s, real %d ms%n",
                SESSIONS, bars, time.elapsed(), realMillis);
    }

    @Test
    @EnabledIfSystemProperty(named = "orb.figures", matches = "true")
    void perSymbol_thirtySessions_take8000Requests_andAboutADayOnTheFreePlan() {
        LocalDate from = sessions().get(0);
        LocalDate to = sessions().get(SESSIONS - 1);
        long started = System.nanoTime();
        int bars = 0;
        try (PolygonMarketData polygon = PolygonMarketData.create(Fixtures.config(server, time).build())) {
            for (int i = 0; i < SYMBOLS; i++) {
                bars += polygon.dailyBars(symbol(i), from, to).size();
            }
            assertThat(polygon.requestsMade()).isEqualTo(SYMBOLS);
        }
        long realMillis = (System.nanoTime() - started) / 1_000_000;

        // 1,600 windows of five: the last request goes out at minute 1,599 (26 h 39 min).
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(SYMBOLS / 5 - 1));
        assertThat(bars).isEqualTo(SYMBOLS * SESSIONS);
        System.out.printf(Locale.ROOT, "FIGURE per-symbol: %d requests, %d bars, simulated %s, real %d ms%n",
                SYMBOLS, bars, time.elapsed(), realMillis);
    }

    private static List<LocalDate> sessions() {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 2, 1); out.size() < SESSIONS; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                out.add(d);
            }
        }
        return out;
    }

    private static Symbol symbol(int i) {
        StringBuilder b = new StringBuilder();
        int n = i;
        do {
            b.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return Symbol.of(b.append('X').toString());
    }

    private static String groupedDay(LocalDate date) {
        long t = date.atTime(16, 0).toInstant(ZoneOffset.ofHours(-5)).toEpochMilli();
        StringBuilder b = new StringBuilder(SYMBOLS * 110).append("{\"adjusted\":true,\"queryCount\":").append(SYMBOLS)
                .append(",\"request_id\":\"r\",\"results\":[");
        for (int i = 0; i < SYMBOLS; i++) {
            double base = 5 + i % 400;
            b.append(i == 0 ? "" : ",").append("{\"T\":\"").append(symbol(i)).append("\",\"c\":").append(base + 0.25)
                    .append(",\"h\":").append(base + 0.5).append(",\"l\":").append(base - 0.5).append(",\"n\":")
                    .append(100 + i).append(",\"o\":").append(base).append(",\"t\":").append(t).append(",\"v\":")
                    .append(1_000_000 + i * 37.5).append(",\"vw\":").append(base + 0.1).append('}');
        }
        return b.append("],\"resultsCount\":").append(SYMBOLS).append(",\"status\":\"DELAYED\"}").toString();
    }

    private static String thirtyDays(String ticker) {
        StringBuilder b = new StringBuilder("{\"adjusted\":true,\"status\":\"DELAYED\",\"ticker\":\"").append(ticker)
                .append("\",\"results\":[");
        List<LocalDate> sessions = sessions();
        for (int i = 0; i < sessions.size(); i++) {
            long t = sessions.get(i).atStartOfDay(ZoneOffset.ofHours(-5)).toInstant().toEpochMilli();
            b.append(i == 0 ? "" : ",").append(Fixtures.agg(t, 10, 10.5, 9.5, 10.25, 1_000_000 + i));
        }
        return b.append("]}").toString();
    }
}
