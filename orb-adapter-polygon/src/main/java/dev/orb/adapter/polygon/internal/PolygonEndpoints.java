package dev.orb.adapter.polygon.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.orb.adapter.polygon.PolygonConfig;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three Polygon endpoints orb uses, mapped to orb values: grouped daily, per-ticker aggregates (paged) and
 * reference tickers (paged). Internal: may change at any time; use {@code PolygonMarketData}. Safe for concurrent
 * use.
 */
public final class PolygonEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.orb.adapter.polygon");

    private final PolygonHttp http;
    private final AggregateMapper mapper = new AggregateMapper();

    /** Endpoints on {@code config}'s host, limiter and retry policy. */
    public PolygonEndpoints(PolygonConfig config) {
        this.http = new PolygonHttp(config);
    }

    /**
     * {@code GET /v2/aggs/grouped/locale/us/market/stocks/{date}?adjusted=true}: one request for the whole market.
     * Empty on a holiday ({@code results} null or absent).
     */
    public List<DailyBar> groupedDaily(LocalDate date, Predicate<Symbol> keep) {
        HttpUrl url = http.url("v2", "aggs", "grouped", "locale", "us", "market", "stocks", date.toString())
                .addQueryParameter("adjusted", "true")
                .build();
        return mapper.groupedDaily(date, http.get(url, AggregatesBody.class).rows(), keep);
    }

    /** {@code GET /v2/aggs/ticker/{T}/range/1/day/{from}/{to}}, every page. */
    public List<DailyBar> dailyAggregates(Symbol symbol, LocalDate from, LocalDate to) {
        return mapper.dailyOfTicker(symbol, aggregates(symbol, 1, "day", from.toString(), to.toString()));
    }

    /**
     * {@code GET /v2/aggs/ticker/{T}/range/{m}/minute/{fromMs}/{toMs}}, every page; bars starting in
     * {@code [from, to)}. Polygon's {@code to} is inclusive, so the request ends one millisecond before {@code to}.
     */
    public List<Bar> intradayAggregates(Symbol symbol, Timeframe timeframe, Instant from, Instant to) {
        List<AggregatesBody.Aggregate> rows = aggregates(symbol, timeframe.minutes(), "minute",
                Long.toString(from.toEpochMilli()), Long.toString(to.toEpochMilli() - 1));
        return mapper.intraday(symbol, timeframe, from, to, rows);
    }

    private List<AggregatesBody.Aggregate> aggregates(Symbol symbol, int multiplier, String timespan, String from,
                                                       String to) {
        HttpUrl url = http.url("v2", "aggs", "ticker", symbol.value(), "range", Integer.toString(multiplier),
                        timespan, from, to)
                .addQueryParameter("adjusted", "true")
                .addQueryParameter("sort", "asc")
                .addQueryParameter("limit", "50000")
                .build();
        List<AggregatesBody.Aggregate> rows = new ArrayList<>();
        for (AggregatesBody page : http.getAllPages(url, AggregatesBody.class)) {
            rows.addAll(page.rows());
        }
        return rows;
    }

    /**
     * {@code GET /v3/reference/tickers?market=stocks&type=CS&active=true&limit=1000}, every page: the active
     * common stocks. Entries with another type (should the server ignore the filter) or an invalid ticker are
     * left out.
     */
    public Set<Symbol> commonStocks() {
        HttpUrl url = http.url("v3", "reference", "tickers")
                .addQueryParameter("market", "stocks")
                .addQueryParameter("type", "CS")
                .addQueryParameter("active", "true")
                .addQueryParameter("limit", "1000")
                .build();
        Set<Symbol> out = new HashSet<>();
        int ignored = 0;
        for (TickersBody page : http.getAllPages(url, TickersBody.class)) {
            for (TickersBody.Ticker t : page.rows()) {
                if (t == null || t.ticker() == null || !"CS".equals(t.type()) || Boolean.FALSE.equals(t.active())) {
                    ignored++;
                    continue;
                }
                try {
                    out.add(Symbol.of(t.ticker()));
                } catch (InvalidValueException e) {
                    ignored++;
                    LOG.debug("Polygon reference tickers: ignoring {}", e.getMessage());
                }
            }
        }
        LOG.info("Polygon reference tickers: {} active common stocks ({} entries ignored)", out.size(), ignored);
        return Set.copyOf(out);
    }

    /** HTTP requests sent, retries and pages included. */
    public long requestsMade() {
        return http.requestsMade();
    }

    /** Aggregate rows rejected by validation. */
    public long rowsSkipped() {
        return mapper.rowsSkipped();
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return http.toString();
    }
}
