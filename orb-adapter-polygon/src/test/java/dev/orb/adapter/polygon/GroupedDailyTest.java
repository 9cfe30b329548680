package dev.orb.adapter.polygon;

import static dev.orb.adapter.polygon.Fixtures.KEY;
import static dev.orb.adapter.polygon.Fixtures.json;
import static dev.orb.adapter.polygon.Fixtures.results;
import static dev.orb.adapter.polygon.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import dev.orb.domain.DailyBar;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupedDailyTest {
    private static final LocalDate DAY = LocalDate.of(2020, 10, 14);

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
    void documentedExample_fractionalVolumeRoundedHalfUp_pricesExact_oneBearerRequest() throws Exception {
        server.enqueue(json(Fixtures.GROUPED_DAILY));

        List<DailyBar> bars = polygon.dailyBarsOfMarket(DAY);

        assertThat(bars).containsExactly(
                new DailyBar(Symbol.of("KIMpL"), DAY, Price.of("26.07"), Price.of("26.25"), Price.of("25.91"),
                        Price.of("25.9102"), 4369),
                new DailyBar(Symbol.of("TANH"), DAY, Price.of("24.5"), Price.of("24.763"), Price.of("22.65"),
                        Price.of("23.4"), 25934));
        RecordedRequest request = server.takeRequest();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v2/aggs/grouped/locale/us/market/stocks/2020-10-14?adjusted=true");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getRequestUrl().queryParameterNames()).doesNotContain("apiKey");
        assertThat(request.getPath()).doesNotContain(KEY);
        assertThat(polygon.requestsMade()).isEqualTo(1);
        assertThat(polygon.rowsSkipped()).isZero();
    }

    @Test
    void volumeExactlyHalfAShare_roundsUp_andMissingVwAndN_areFine() {
        server.enqueue(json(results("OK", null, row("AAA", 10, 11, 9, 10.5, 1000.5), row("BBB", 10, 11, 9, 10.5,
                1000.49))));

        List<DailyBar> bars = polygon.dailyBarsOfMarket(DAY);

        assertThat(bars).extracting(DailyBar::volume).containsExactly(1001L, 1000L);
    }

    @Test
    void delayedStatus_isSuccess() {
        server.enqueue(json(results("DELAYED", null, row("AAA", 10, 11, 9, 10.5, 1000))));

        assertThat(polygon.dailyBarsOfMarket(DAY)).hasSize(1);
    }

    @Test
    void resultsNull_isNoData() {
        server.enqueue(json(Fixtures.NO_RESULTS_NULL));

        assertThat(polygon.dailyBarsOfMarket(DAY)).isEmpty();
    }

    @Test
    void resultsAbsent_isNoData() {
        server.enqueue(json(Fixtures.NO_RESULTS_ABSENT));

        assertThat(polygon.dailyBarsOfMarket(DAY)).isEmpty();
    }

    @Test
    void invalidRows_areSkippedOneByOne_andCounted_theRestIsKept() {
        server.enqueue(json(results("OK", null,
                row("GOOD", 10, 11, 9, 10.5, 1000),
                row("ZERO", 0, 11, 9, 10.5, 1000),
                row("NEG", 10, 11, -9, 10.5, 1000),
                row("HLOW", 10, 9, 11, 10, 1000),
                row("NEGV", 10, 11, 9, 10.5, -1),
                row("GOOD", 20, 21, 19, 20.5, 2000),
                row("bad ticker", 10, 11, 9, 10.5, 1000),
                "{\"T\":\"NOC\",\"h\":11,\"l\":9,\"o\":10,\"v\":5}",
                row("OPENABOVE", 12, 11, 9, 10.5, 1000),
                row("OK2", 5, 5, 5, 5, 0))));

        List<DailyBar> bars = polygon.dailyBarsOfMarket(DAY);

        assertThat(bars).extracting(b -> b.symbol().value()).containsExactly("GOOD", "OK2");
        assertThat(bars.get(0).close()).isEqualTo(Price.of("10.5"));
        assertThat(polygon.rowsSkipped()).isEqualTo(8);
    }

    @Test
    void truncatedJson_isAnError_notAnEmptyDay_andIsNotRetried() {
        String whole = Fixtures.GROUPED_DAILY;
        server.enqueue(json(whole.substring(0, whole.length() / 2)));

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY))
                .isInstanceOf(PolygonResponseException.class)
                .hasMessageContaining("/v2/aggs/grouped/locale/us/market/stocks/2020-10-14")
                .hasMessageContaining("not valid");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void bodyThatIsNotAnObject_isAnError() {
        server.enqueue(json("[1,2,3]"));

        assertThatThrownBy(() -> polygon.dailyBarsOfMarket(DAY)).isInstanceOf(PolygonResponseException.class);
    }

    @Test
    void commonStocksOnly_keepsTypeCs_fromPagedReference_andReusesItUntilTtl() throws Exception {
        polygon.close();
        polygon = PolygonMarketData.create(Fixtures.config(server, time).commonStocksOnly(true)
                .referenceTtl(Duration.ofHours(12)).build());
        String page2 = server.url("/v3/reference/tickers?cursor=YWN0aXZlPXRydWU").toString();
        server.enqueue(json("{\"count\":2,\"next_url\":\"" + page2 + "\",\"request_id\":\"r\",\"status\":\"OK\","
                + "\"results\":[{\"active\":true,\"ticker\":\"A\",\"name\":\"Agilent Technologies Inc.\","
                + "\"market\":\"stocks\",\"locale\":\"us\",\"primary_exchange\":\"XNYS\",\"type\":\"CS\","
                + "\"currency_name\":\"usd\",\"cik\":\"0001090872\",\"composite_figi\":\"BBG000BWQYZ5\"},"
                + "{\"active\":true,\"ticker\":\"SPY\",\"type\":\"ETF\"}]}"));
        server.enqueue(json("{\"count\":1,\"request_id\":\"r2\",\"status\":\"OK\","
                + "\"results\":[{\"active\":true,\"ticker\":\"TANH\",\"type\":\"CS\"}]}"));
        String market = results("OK", null, row("A", 10, 11, 9, 10.5, 1000), row("SPY", 400, 401, 399, 400, 9e7),
                row("TANH", 20, 21, 19, 20, 500));
        server.enqueue(json(market));
        server.enqueue(json(market));

        assertThat(polygon.dailyBarsOfMarket(DAY)).extracting(b -> b.symbol().value()).containsExactly("A", "TANH");
        assertThat(polygon.dailyBarsOfMarket(DAY.plusDays(1))).hasSize(2);

        RecordedRequest first = server.takeRequest();
        assertThat(first.getPath())
                .isEqualTo("/v3/reference/tickers?market=stocks&type=CS&active=true&limit=1000");
        RecordedRequest second = server.takeRequest();
        assertThat(second.getPath()).isEqualTo("/v3/reference/tickers?cursor=YWN0aXZlPXRydWU");
        assertThat(second.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(server.takeRequest().getPath()).startsWith("/v2/aggs/grouped/");
        assertThat(server.takeRequest().getPath()).startsWith("/v2/aggs/grouped/");
        assertThat(server.getRequestCount()).isEqualTo(4);

        time.advance(Duration.ofHours(12));
        server.enqueue(json("{\"count\":1,\"status\":\"OK\",\"results\":[{\"active\":true,\"ticker\":\"A\","
                + "\"type\":\"CS\"}]}"));
        server.enqueue(json(market));

        assertThat(polygon.dailyBarsOfMarket(DAY)).extracting(b -> b.symbol().value()).containsExactly("A");
        assertThat(server.getRequestCount()).isEqualTo(6);
    }
}
