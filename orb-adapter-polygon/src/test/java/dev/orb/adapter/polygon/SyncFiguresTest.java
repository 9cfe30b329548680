package dev.orb.adapter.polygon;

import dev.orb.core.fakes.InMemoryStorage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.orb.core.sync.NightlySync;
import dev.orb.core.sync.SyncReport;
import dev.orb.core.sync.VendorCounters;
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
 * whole-market (orb-core's nightly sync: one grouped-daily request per date) versus per symbol (the original
 * design), against the mock on simulated time. The simulated durations are exact consequences of the limiter and
 * are asserted; the real time a run takes is printed, not asserted.
 *
 * <p>Off by default (the per-symbol run sends 8,000 requests; {@link NightlySyncOverPolygonTest} covers the same
 * path with a small market in every build):
 * {@code mvn -o -q -B -pl orb-adapter-polygon -am verify -Dtest=SyncFiguresTest -Dorb.figures=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "orb.figures", matches = "true")
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
                if (path.startsWith("/v3/reference/tickers")) {
                    String cursor = request.getRequestUrl().queryParameter("cursor");
                    return Fixtures.json(referencePage(cursor == null ? 0 : Integer.parseInt(cursor)));
                }
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
    void nightlySync_wholeMarket_thirtySessions_take38Requests_andSevenSimulatedMinutesOnTheFreePlan() {
        InMemoryStorage store = new InMemoryStorage();
        WeekdayCalendar calendar = new WeekdayCalendar();
        List<LocalDate> sessions = sessions();
        LocalDate target = calendar.nextSession(sessions.get(SESSIONS - 1)).date();
        long started = System.nanoTime();
        SyncReport report;
        try (PolygonMarketData polygon = PolygonMarketData.create(Fixtures.config(server, time)
                .commonStocksOnly(true).build())) {
            // The RVOL backfill is left out: it costs one request per universe symbol (docs/data.md).
            report = NightlySync.builder(polygon, store, calendar, time).openingVolumes(false)
                    .vendorCounters(VendorCounters.of(polygon::requestsMade, polygon::rowsSkipped))
                    .build().run(target);
        }
        long realMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(report.completed()).isTrue();
        assertThat(report.dailyBars().from()).isEqualTo(sessions.get(0));
        // 8 reference pages of 1,000 + 30 grouped-daily requests; the 38th leaves at 7:00 (eight windows of five).
        assertThat(report.requestsMade()).isEqualTo(38);
        assertThat(server.getRequestCount()).isEqualTo(38);
        assertThat(report.elapsed()).isEqualTo(Duration.ofMinutes(7));
        assertThat(report.dailyBars().barsStored()).isEqualTo((long) SYMBOLS * SESSIONS);
        assertThat(store.universe(target)).hasSize(report.universe().eligible());
        System.out.printf(Locale.ROOT, "FIGURE nightly sync, whole market: %d requests, %d bars, universe %d, "
                        + "simulated %s, real %d ms%n", report.requestsMade(), report.dailyBars().barsStored(),
                report.universe().eligible(), report.elapsed(), realMillis);
    }

    @Test
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

    /** Page {@code page} of the reference tickers: 1,000 common stocks, with a cursor to the next page. */
    private String referencePage(int page) {
        StringBuilder b = new StringBuilder("{\"count\":1000,\"request_id\":\"r\",\"status\":\"OK\"");
        if ((page + 1) * 1000 < SYMBOLS) {
            b.append(",\"next_url\":\"https://api.polygon.io/v3/reference/tickers?cursor=").append(page + 1)
                    .append('"');
        }
        b.append(",\"results\":[");
        for (int i = page * 1000; i < Math.min(SYMBOLS, (page + 1) * 1000); i++) {
            b.append(i == page * 1000 ? "" : ",").append("{\"active\":true,\"ticker\":\"").append(symbol(i))
                    .append("\",\"market\":\"stocks\",\"type\":\"CS\"}");
        }
        return b.append("]}").toString();
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
