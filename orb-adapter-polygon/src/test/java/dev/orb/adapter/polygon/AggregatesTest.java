package dev.orb.adapter.polygon;

import static dev.orb.adapter.polygon.Fixtures.KEY;
import static dev.orb.adapter.polygon.Fixtures.agg;
import static dev.orb.adapter.polygon.Fixtures.json;
import static dev.orb.adapter.polygon.Fixtures.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregatesTest {
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final long JAN_2 = 1577941200000L;
    private static final long JAN_3 = 1578027600000L;

    private final MockWebServer server = new MockWebServer();
    private final ManualTime time = new ManualTime(Fixtures.T0);
    private PolygonMarketData polygon;

    @BeforeEach
    void start() throws IOException {
        server.start();
        polygon = PolygonMarketData.create(Fixtures.config(server, time).build());
    }

    @AfterEach
    void stop() throws IOException {
        polygon.close();
        server.shutdown();
    }

    @Test
    void dailyBars_followNextUrl_onTheConfiguredHost_withBearerAgain_andNeverAKeyInTheQuery() throws Exception {
        // As documented, next_url points at api.polygon.io; a careless server might even echo a key into it.
        String next = "https://api.polygon.io/v2/aggs/ticker/AAPL/range/1/day/1578114000000/2020-01-10"
                + "?cursor=bGltaXQ9MiZzb3J0PWFzYw&apiKey=" + KEY;
        server.enqueue(json(results("OK", next, agg(JAN_2, 74.06, 75.15, 73.7975, 75.0875, 135647456))));
        server.enqueue(json(results("OK", null, agg(JAN_3, 74.2875, 75.145, 74.125, 74.3575, 146535512))));

        List<DailyBar> bars = polygon.dailyBars(AAPL, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 10));

        assertThat(bars).extracting(DailyBar::date)
                .containsExactly(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3));
        assertThat(bars.get(0).close()).isEqualTo(Price.of("75.0875"));
        RecordedRequest first = server.takeRequest();
        assertThat(first.getPath()).isEqualTo(
                "/v2/aggs/ticker/AAPL/range/1/day/2020-01-01/2020-01-10?adjusted=true&sort=asc&limit=50000");
        RecordedRequest second = server.takeRequest();
        assertThat(second.getPath())
                .isEqualTo("/v2/aggs/ticker/AAPL/range/1/day/1578114000000/2020-01-10?cursor=bGltaXQ9MiZzb3J0PWFzYw");
        for (RecordedRequest r : List.of(first, second)) {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(r.getRequestUrl().queryParameterNames()).doesNotContain("apiKey");
            assertThat(r.getPath()).doesNotContain(KEY);
        }
        assertThat(polygon.requestsMade()).isEqualTo(2);
    }

    @Test
    void relativeNextUrl_isFollowedToo() throws Exception {
        server.enqueue(json(results("OK", "/v2/aggs/ticker/AAPL/range/1/day/2020-01-03/2020-01-10?cursor=abc",
                agg(JAN_2, 74.06, 75.15, 73.7975, 75.0875, 100))));
        server.enqueue(json(Fixtures.NO_RESULTS_ABSENT));

        assertThat(polygon.dailyBars(AAPL, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 10))).hasSize(1);
        server.takeRequest();
        assertThat(server.takeRequest().getPath())
                .isEqualTo("/v2/aggs/ticker/AAPL/range/1/day/2020-01-03/2020-01-10?cursor=abc");
    }

    @Test
    void nextUrlThatRepeats_isAnError_notAnEndlessLoop() {
        String same = server.url("/v2/aggs/ticker/AAPL/range/1/day/2020-01-01/2020-01-10?cursor=x").toString();
        server.enqueue(json(results("OK", same, agg(JAN_2, 74, 75, 73, 74, 1))));
        server.enqueue(json(results("OK", same, agg(JAN_3, 74, 75, 73, 74, 1))));

        assertThatThrownBy(() -> polygon.dailyBars(AAPL, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 10)))
                .isInstanceOf(PolygonResponseException.class)
                .hasMessageContaining("next_url repeats");
    }

    @Test
    void intradayBars_oneRequestPerSymbol_windowInMillis_toExclusive_emptySymbolsAbsent() throws Exception {
        TradingSession s = TradingSession.regular(LocalDate.of(2024, 3, 11));
        Instant open = s.openInstant();
        Instant end = open.plusSeconds(300);
        long t0 = open.toEpochMilli();
        server.enqueue(json(results("OK", null,
                agg(t0, 173.5, 174, 173, 173.8, 120_000.4),
                agg(t0 + 60_000, 173.8, 174.2, 173.6, 174.1, 80_000),
                agg(t0 + 60_000, 173.8, 174.2, 173.6, 174.1, 80_000),
                agg(t0 + 300_000, 174.1, 174.3, 174, 174.2, 50_000))));
        server.enqueue(json(Fixtures.NO_RESULTS_NULL));

        Map<Symbol, List<Bar>> bars = polygon.intradayBars(List.of(AAPL, Symbol.of("ZZZ"), AAPL),
                Timeframe.ONE_MINUTE, open, end);

        assertThat(bars).containsOnlyKeys(AAPL);
        assertThat(bars.get(AAPL)).extracting(Bar::start).containsExactly(open, open.plusSeconds(60));
        assertThat(bars.get(AAPL).get(0).volume()).isEqualTo(120_000);
        assertThat(polygon.rowsSkipped()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest().getPath()).isEqualTo("/v2/aggs/ticker/AAPL/range/1/minute/" + t0 + "/"
                + (end.toEpochMilli() - 1) + "?adjusted=true&sort=asc&limit=50000");
        assertThat(server.takeRequest().getPath()).startsWith("/v2/aggs/ticker/ZZZ/range/1/minute/");
    }

    @Test
    void tickerWithSlash_isOnePathSegment() throws Exception {
        server.enqueue(json(Fixtures.NO_RESULTS_ABSENT));

        polygon.dailyBars(Symbol.of("BRK/B"), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 10));

        assertThat(server.takeRequest().getPath()).startsWith("/v2/aggs/ticker/BRK%2FB/range/1/day/");
    }
}
