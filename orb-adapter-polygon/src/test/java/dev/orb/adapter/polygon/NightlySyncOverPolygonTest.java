package dev.orb.adapter.polygon;

import dev.orb.core.fakes.InMemoryStorage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.orb.core.sync.NightlySync;
import dev.orb.core.sync.SyncReport;
import dev.orb.core.sync.VendorCounters;
import dev.orb.domain.DailyBar;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * orb-core's {@link NightlySync} over {@link PolygonMarketData} over MockWebServer on the free plan's limit, on
 * simulated time: what is requested, how, and what ends up stored.
 */
class NightlySyncOverPolygonTest {
    private static final LocalDate TARGET = LocalDate.of(2024, 3, 12);
    private static final WeekdayCalendar CALENDAR = new WeekdayCalendar(LocalDate.of(2024, 2, 19));
    private static final List<TradingSession> WINDOW = CALENDAR.sessionsBefore(TARGET, 30);
    private static final List<TradingSession> LOOKBACK = CALENDAR.sessionsBefore(TARGET, 14);
    /** The session on which BADH's row has high below low. */
    private static final LocalDate BAD_DAY = WINDOW.get(20).date();

    private final MockWebServer server = new MockWebServer();
    private final ManualTime time = new ManualTime(Fixtures.T0);
    private final InMemoryStorage store = new InMemoryStorage();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** Status codes to answer the next grouped-daily requests with, before answering normally. */
    private final List<MockResponse> groupedFailures = new CopyOnWriteArrayList<>();
    private final AtomicInteger groupedCount = new AtomicInteger();
    private PolygonMarketData polygon;

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                HttpUrl url = request.getRequestUrl();
                String path = url.encodedPath();
                if (path.startsWith("/v3/reference/tickers")) {
                    return Fixtures.json(url.queryParameter("cursor") == null ? REFERENCE_PAGE_1 : REFERENCE_PAGE_2);
                }
                if (path.startsWith("/v2/aggs/grouped/")) {
                    groupedCount.incrementAndGet();
                    if (!groupedFailures.isEmpty()) {
                        return groupedFailures.remove(0);
                    }
                    return Fixtures.json(grouped(LocalDate.parse(url.pathSegments().get(7))));
                }
                List<String> s = url.pathSegments();
                return Fixtures.json(minutes(s.get(3), Long.parseLong(s.get(7)), Long.parseLong(s.get(8))));
            }
        });
        server.start();
        polygon = PolygonMarketData.create(Fixtures.config(server, time).commonStocksOnly(true).jitter(0).build());
    }

    @AfterEach
    void stop() throws IOException {
        polygon.close();
        server.shutdown();
    }

    private NightlySync sync() {
        return NightlySync.builder(polygon, store, CALENDAR, time)
                .vendorCounters(VendorCounters.of(polygon::requestsMade, polygon::rowsSkipped))
                .build();
    }

    @Test
    void firstNight_requestsReferenceGroupedDailyAndMinutes_onTheFreePlan_andStoresBarsUniverseAndVolumes() {
        SyncReport report = sync().run();

        assertThat(report.completed()).isTrue();
        assertThat(report.session()).isEqualTo(TARGET);
        // 2 reference pages + 30 dates + 1 minute span per universe symbol; at 5 a minute the 52nd leaves at 10:00.
        assertThat(requests).hasSize(52);
        assertThat(report.requestsMade()).isEqualTo(52);
        assertThat(report.elapsed()).isEqualTo(Duration.ofMinutes(10));
        for (RecordedRequest r : requests) {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.KEY);
            assertThat(r.getRequestUrl().queryParameterNames()).doesNotContain("apiKey");
        }
        assertThat(requests.get(0).getPath())
                .isEqualTo("/v3/reference/tickers?market=stocks&type=CS&active=true&limit=1000");
        assertThat(requests.get(1).getPath()).isEqualTo("/v3/reference/tickers?cursor=cGFnZTI");
        assertThat(requests.subList(2, 32)).extracting(RecordedRequest::getPath).containsExactlyElementsOf(
                WINDOW.stream().map(s -> "/v2/aggs/grouped/locale/us/market/stocks/" + s.date() + "?adjusted=true")
                        .toList());
        long from = LOOKBACK.get(0).openInstant().toEpochMilli();
        long to = LOOKBACK.get(13).openInstant().plusSeconds(300).toEpochMilli() - 1;
        assertThat(requests.subList(32, 52)).extracting(RecordedRequest::getPath).allSatisfy(p -> assertThat(p)
                .matches("/v2/aggs/ticker/S\\d\\d/range/1/minute/" + from + "/" + to
                        + "\\?adjusted=true&sort=asc&limit=50000"));

        // Daily bars: 22 common stocks × 30 sessions, minus BADH's invalid row; the ETF never stored.
        List<DailyBar> bars = store.dailyBars(WINDOW.get(0).date(), WINDOW.get(29).date());
        assertThat(bars).hasSize(22 * 30 - 1);
        assertThat(bars).noneMatch(b -> b.symbol().value().equals("ETFX"));
        assertThat(bars).filteredOn(b -> b.symbol().value().equals("S07") && b.date().equals(WINDOW.get(3).date()))
                .singleElement().satisfies(b -> assertThat(b.volume()).isEqualTo(2_000_001L));
        assertThat(report.rowsSkipped()).isEqualTo(1);

        // Universe: the twenty S symbols; PNY is under $5, BADH misses a session of the ATR's fifteen.
        assertThat(store.universe(TARGET)).extracting(s -> s.symbol().value())
                .containsExactlyElementsOf(symbols(20));
        assertThat(store.universe(TARGET).get(7).atr14()).isEqualByComparingTo("1.00");
        assertThat(report.universe()).isEqualTo(new SyncReport.Universe(22, 1, 1, 20));

        // Opening-range volumes: 14 sessions; 09:29 is pre-market; 1000.5 + k rounds half-up.
        assertThat(store.openingRangeVolumeDates(LOOKBACK.get(0).date(), LOOKBACK.get(13).date(), 5)).hasSize(14);
        for (TradingSession s : LOOKBACK) {
            assertThat(store.openingRangeVolumes(List.of(s.date()), 5).get(Symbol.of("S03"))[0]).isEqualTo(1001 + 1002 + 1003 + 1004 + 1005);
        }
    }

    @Test
    void rerunTheSameNight_requestsNothing() {
        sync().run();
        requests.clear();

        SyncReport again = sync().run();

        assertThat(again.completed()).isTrue();
        assertThat(requests).isEmpty();
        assertThat(store.universe(TARGET)).hasSize(20);
    }

    @Test
    void rateLimitAndServerErrors_areRetried_andCounted() {
        groupedFailures.add(Fixtures.status(429, Fixtures.TOO_MANY).setHeader("Retry-After", "30"));
        groupedFailures.add(Fixtures.status(502, "{\"status\":\"ERROR\",\"error\":\"Bad Gateway\"}"));

        SyncReport report = sync().run();

        assertThat(report.completed()).isTrue();
        assertThat(groupedCount.get()).isEqualTo(32);
        assertThat(report.requestsMade()).isEqualTo(54).isEqualTo(requests.size());
        // The 429's Retry-After, then the second retry's backoff (2 s × 2), then the limiter's wait for minute 1.
        assertThat(time.sleeps()).startsWith(Duration.ofSeconds(30), Duration.ofSeconds(4), Duration.ofSeconds(26));
    }

    @Test
    void failureMidway_endsTheRun_andTheRerunFetchesOnlyTheMissingDates() {
        for (int i = 0; i < 6; i++) {
            groupedFailures.add(Fixtures.status(503, "{\"status\":\"ERROR\",\"error\":\"Service Unavailable\"}"));
        }
        PolygonMarketData impatient = PolygonMarketData.create(Fixtures.config(server, time).commonStocksOnly(true)
                .jitter(0).maxAttempts(2).build());
        // The first date is answered; the second fails on both of its two attempts.
        groupedFailures.add(0, Fixtures.json(grouped(WINDOW.get(0).date())));
        NightlySync first = NightlySync.builder(impatient, store, CALENDAR, time).build();

        SyncReport failed = first.run();
        impatient.close();

        assertThat(failed.completed()).isFalse();
        assertThat(failed.failure()).get().asString()
                .contains("/v2/aggs/grouped/locale/us/market/stocks/" + WINDOW.get(1).date())
                .contains("503").contains("Service Unavailable");
        assertThat(store.universe(TARGET)).isEmpty();
        int stored = store.dailyBarDates(WINDOW.get(0).date(), WINDOW.get(29).date()).size();
        assertThat(stored).isEqualTo(1);

        groupedFailures.clear();
        groupedCount.set(0);
        SyncReport rerun = sync().run();

        assertThat(rerun.completed()).isTrue();
        assertThat(groupedCount.get()).isEqualTo(29);
        assertThat(rerun.dailyBars().alreadyStored()).isEqualTo(1);
    }

    private static List<String> symbols(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("S%02d", i));
        }
        return out;
    }

    private static final String REFERENCE_PAGE_1 = tickers(
            "https://api.polygon.io/v3/reference/tickers?cursor=cGFnZTI", symbols(10), Set.of("ETFX", "PNY"));
    private static final String REFERENCE_PAGE_2 = tickers(null, symbols(20).subList(10, 20), Set.of("BADH"));

    private static String tickers(String next, List<String> common, Set<String> others) {
        List<String> rows = new ArrayList<>();
        for (String t : common) {
            rows.add("{\"active\":true,\"ticker\":\"" + t + "\",\"market\":\"stocks\",\"locale\":\"us\","
                    + "\"type\":\"CS\",\"currency_name\":\"usd\"}");
        }
        for (String t : others) {
            rows.add("{\"active\":true,\"ticker\":\"" + t + "\",\"type\":\"" + (t.equals("ETFX") ? "ETF" : "CS")
                    + "\"}");
        }
        return "{\"count\":" + rows.size() + (next == null ? "" : ",\"next_url\":\"" + next + "\"")
                + ",\"request_id\":\"r\",\"results\":[" + String.join(",", rows) + "],\"status\":\"OK\"}";
    }

    /** The whole market on {@code date}: S symbols at $10+i with a $1 range, PNY at $3, BADH, an ETF. */
    private static String grouped(LocalDate date) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double c = 10 + i;
            rows.add(Fixtures.row(String.format("S%02d", i), c, c + 0.5, c - 0.5, c, 2_000_000.5));
        }
        rows.add(Fixtures.row("PNY", 3, 3.5, 2.5, 3, 5_000_000));
        rows.add(date.equals(BAD_DAY) ? Fixtures.row("BADH", 20, 19, 21, 20, 3_000_000)
                : Fixtures.row("BADH", 20, 20.5, 19.5, 20, 3_000_000));
        rows.add(Fixtures.row("ETFX", 400, 402, 398, 401, 90_000_000));
        return Fixtures.results("DELAYED", null, rows.toArray(String[]::new));
    }

    /** Minute bars 09:29 (pre-market) and 09:30..09:34 with volume 1000.5 + k, on weekdays in [from, to]. */
    private static String minutes(String ticker, long fromMs, long toMs) {
        List<String> rows = new ArrayList<>();
        LocalDate last = Instant.ofEpochMilli(toMs).atZone(MarketTime.NEW_YORK).toLocalDate();
        for (LocalDate d = Instant.ofEpochMilli(fromMs).atZone(MarketTime.NEW_YORK).toLocalDate(); !d.isAfter(last);
             d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            for (int k = -1; k < 5; k++) {
                long t = d.atTime(LocalTime.of(9, 30)).atZone(MarketTime.NEW_YORK).toInstant()
                        .plusSeconds(60L * k).toEpochMilli();
                if (t >= fromMs && t <= toMs) {
                    rows.add(Fixtures.agg(t, 20, 20.2, 19.9, 20.1, k < 0 ? 777 : 1000.5 + k));
                }
            }
        }
        return "{\"adjusted\":true,\"queryCount\":" + rows.size() + ",\"request_id\":\"m\",\"results\":["
                + String.join(",", rows) + "],\"resultsCount\":" + rows.size() + ",\"status\":\"DELAYED\",\"ticker\":\""
                + ticker + "\"}";
    }
}
