package dev.orb.adapter.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.ports.MarketDataException;
import okhttp3.HttpUrl;

/** Multi-symbol bars from {@code /v2/stocks/bars}: batching, paging, feed, the half-open window. */
class AlpacaMarketDataTest {
    private static final Instant OPEN = Instant.parse("2024-03-11T13:30:00Z");
    private static final Instant OR_END = Instant.parse("2024-03-11T13:35:00Z");
    private final AlpacaMock mock = new AlpacaMock();
    private AlpacaBroker broker;

    @AfterEach
    void tearDown() {
        broker.close();
        mock.close();
    }

    private static String bar(String t, String o, String h, String l, String c, long v) {
        return "{\"t\":\"" + t + "\",\"o\":" + o + ",\"h\":" + h + ",\"l\":" + l + ",\"c\":" + c + ",\"v\":" + v
                + ",\"n\":435,\"vw\":167.08951}";
    }

    @Test
    void openingRangeBars_comeInSymbolBatches_followingPageTokens() {
        broker = AlpacaBroker.create(mock.config().symbolsPerBarsRequest(2).build());
        mock.enqueue(200, "{\"bars\":{\"AAPL\":[" + bar("2024-03-11T13:30:00Z", "168.77", "169.03", "166.1", "166.975",
                40180) + "]},\"next_page_token\":\"QUFQTHxNfDIwMjQ\"}");
        mock.enqueue(200, "{\"bars\":{\"MSFT\":[" + bar("2024-03-11T13:30:00Z", "405.1", "406", "404.5", "405.75", 9100)
                + "]},\"next_page_token\":null}");
        mock.enqueue(200, "{\"bars\":{\"TSLA\":[" + bar("2024-03-11T13:30:00Z", "175", "176.2", "174.01", "176", 77000)
                + "]},\"next_page_token\":null}");

        Map<Symbol, List<Bar>> bars = broker.marketData().intradayBars(
                List.of(Symbol.of("TSLA"), Symbol.of("AAPL"), Symbol.of("MSFT"), Symbol.of("NOBARS")),
                Timeframe.FIVE_MINUTES, OPEN, OR_END);

        assertThat(bars.keySet()).containsExactlyInAnyOrder(Symbol.of("AAPL"), Symbol.of("MSFT"), Symbol.of("TSLA"));
        Bar aapl = bars.get(Symbol.of("AAPL")).get(0);
        assertThat(aapl.close()).isEqualTo(Price.of("166.975"));
        assertThat(aapl.low()).isEqualTo(Price.of("166.1"));
        assertThat(aapl.volume()).isEqualTo(40180);
        assertThat(aapl.start()).isEqualTo(OPEN);
        HttpUrl first = mock.take().getRequestUrl();
        assertThat(first.encodedPath()).isEqualTo("/v2/stocks/bars");
        assertThat(first.queryParameter("symbols")).isEqualTo("AAPL,MSFT");
        assertThat(first.queryParameter("timeframe")).isEqualTo("5Min");
        assertThat(first.queryParameter("feed")).isEqualTo("iex");
        assertThat(first.queryParameter("adjustment")).isEqualTo("raw");
        assertThat(first.queryParameter("limit")).isEqualTo("10000");
        assertThat(first.queryParameter("page_token")).isNull();
        HttpUrl second = mock.take().getRequestUrl();
        assertThat(second.queryParameter("symbols")).isEqualTo("AAPL,MSFT");
        assertThat(second.queryParameter("page_token")).isEqualTo("QUFQTHxNfDIwMjQ");
        assertThat(mock.take().getRequestUrl().queryParameter("symbols")).isEqualTo("NOBARS,TSLA");
    }

    @Test
    void barsOutsideTheHalfOpenWindow_areDropped_andPagesOfOneSymbolMerge() {
        broker = mock.broker();
        mock.enqueue(200, "{\"bars\":{\"AAPL\":[" + bar("2024-03-11T13:30:00Z", "1", "2", "1", "2", 1) + ","
                + bar("2024-03-11T13:31:00Z", "2", "3", "2", "3", 1) + "]},\"next_page_token\":\"p2\"}");
        mock.enqueue(200, "{\"bars\":{\"AAPL\":[" + bar("2024-03-11T13:32:00Z", "3", "4", "3", "4", 1) + ","
                + bar("2024-03-11T13:35:00Z", "4", "5", "4", "5", 1) + "]},\"next_page_token\":null}");

        List<Bar> bars = broker.marketData().intradayBars(List.of(Symbol.of("AAPL")), Timeframe.ONE_MINUTE, OPEN,
                OR_END).get(Symbol.of("AAPL"));

        assertThat(bars).extracting(Bar::start).containsExactly(OPEN, OPEN.plusSeconds(60), OPEN.plusSeconds(120));
    }

    @Test
    void sipFeed_isRequested_whenConfigured() {
        broker = AlpacaBroker.create(mock.config().feed(DataFeed.SIP).build());
        mock.enqueue(200, "{\"bars\":{},\"next_page_token\":null}");

        assertThat(broker.marketData().intradayBars(List.of(Symbol.of("AAPL")), Timeframe.FIVE_MINUTES, OPEN, OR_END))
                .isEmpty();
        assertThat(mock.take().getRequestUrl().queryParameter("feed")).isEqualTo("sip");
    }

    @Test
    void dailyBars_areDatedInNewYork_andSplitAdjusted() {
        broker = mock.broker();
        mock.enqueue(200, "{\"bars\":{\"AAPL\":[" + bar("2024-03-07T05:00:00Z", "169.15", "170.73", "168.49", "169", 71765061)
                + "," + bar("2024-03-08T05:00:00Z", "169", "173.7", "168.94", "170.73", 76114634)
                + "]},\"next_page_token\":null}");

        List<DailyBar> days = broker.marketData().dailyBars(Symbol.of("AAPL"), LocalDate.of(2024, 3, 7),
                LocalDate.of(2024, 3, 8));

        assertThat(days).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 8));
        HttpUrl url = mock.take().getRequestUrl();
        assertThat(url.queryParameter("timeframe")).isEqualTo("1Day");
        assertThat(url.queryParameter("adjustment")).isEqualTo("split");
    }

    @Test
    void timeframeAlpacaCannotExpress_isRefusedBeforeAnyRequest() {
        broker = mock.broker();

        assertThatThrownBy(() -> broker.marketData().intradayBars(List.of(Symbol.of("AAPL")), Timeframe.ofMinutes(90),
                OPEN, OR_END)).isInstanceOf(MarketDataException.class).hasMessageContaining("90Min");
        assertThat(mock.server.getRequestCount()).isZero();
    }

    @Test
    void failedBarsRequest_isAMarketDataException_namingTheEndpoint() {
        broker = AlpacaBroker.create(mock.config().maxRetries(0).build());
        mock.enqueue(403, AlpacaJson.error(40310000, "subscription does not permit querying recent SIP data"));

        assertThatThrownBy(() -> broker.marketData().intradayBars(List.of(Symbol.of("AAPL")), Timeframe.FIVE_MINUTES,
                OPEN, OR_END)).isInstanceOf(MarketDataException.class)
                .hasMessageContaining("/v2/stocks/bars").hasMessageContaining("SIP");
    }
}
