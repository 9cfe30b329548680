package dev.orb.adapter.polygon;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.orb.adapter.polygon.internal.PolygonEndpoints;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.ports.MarketData;

/**
 * {@link MarketData} on Polygon's (Massive's) REST API: whole-market daily bars in one request per date, per-symbol
 * daily and minute aggregates, and the reference list of common stocks.
 *
 * <p>Every HTTP attempt takes a permit of the plan's rate limit ({@link PolygonConfig#requestsPerPeriod()}), fails
 * over to retries with backoff on 429, 5xx, timeouts and resets, and authenticates with
 * {@code Authorization: Bearer}; the key never appears in URLs, logs, exception messages or {@link #toString()}.
 * Rows that fail validation are skipped and counted ({@link #rowsSkipped()}); a response that cannot be parsed
 * fails the call with a {@link PolygonResponseException}. Failures are {@link PolygonException}s.
 *
 * <p>Safe for concurrent use; calls block (for minutes on the free plan). {@link #close()} releases the HTTP
 * client's threads and connections.
 */
public final class PolygonMarketData implements MarketData, AutoCloseable {
    private final PolygonConfig config;
    private final PolygonEndpoints endpoints;
    private final Object referenceLock = new Object();
    private volatile CommonStocks commonStocks;

    private record CommonStocks(Set<Symbol> symbols, Instant fetchedAt) {
    }

    private PolygonMarketData(PolygonConfig config) {
        this.config = config;
        this.endpoints = new PolygonEndpoints(config);
    }

    /** The adapter for {@code config}. Sends nothing until the first call. */
    public static PolygonMarketData create(PolygonConfig config) {
        return new PolygonMarketData(Objects.requireNonNull(config, "config"));
    }

    /**
     * The grouped daily bars of {@code date}: one request for the whole market (plus the paged reference list when
     * {@link PolygonConfig#commonStocksOnly()} and the cached one is older than {@link PolygonConfig#referenceTtl()}).
     * Only common stocks when so configured. Empty on a holiday or a date Polygon has no data for.
     */
    @Override
    public List<DailyBar> dailyBarsOfMarket(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Predicate<Symbol> keep = config.commonStocksOnly() ? commonStocks()::contains : symbol -> true;
        return endpoints.groupedDaily(date, keep);
    }

    /** Daily aggregates of one symbol in {@code [from, to]}, oldest first; one request per 50,000 bars. */
    @Override
    public List<DailyBar> dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        Objects.requireNonNull(symbol, "symbol");
        checkOrder(from, to);
        return endpoints.dailyAggregates(symbol, from, to);
    }

    /**
     * Minute aggregates ({@code timeframe} minutes each) of every symbol, one symbol after the other: at least one
     * request per symbol, so 100 symbols take 20 minutes on the free plan. When the symbols are many and the plan
     * is small, Alpaca's multi-symbol {@code GET /v2/stocks/bars?symbols=A,B,…} is the faster path (see
     * docs/data.md). Symbols without bars in {@code [from, to)} are absent from the map, which is sorted by symbol.
     */
    @Override
    public Map<Symbol, List<Bar>> intradayBars(Collection<Symbol> symbols, Timeframe timeframe, Instant from,
                                               Instant to) {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new InvalidValueException("intradayBars: from " + from + " must be before to " + to);
        }
        Map<Symbol, List<Bar>> out = new TreeMap<>();
        for (Symbol symbol : new LinkedHashSet<>(symbols)) {
            List<Bar> bars = endpoints.intradayAggregates(Objects.requireNonNull(symbol, "symbol"), timeframe, from,
                    to);
            if (!bars.isEmpty()) {
                out.put(symbol, List.copyOf(bars));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The active common stocks (type CS) in Polygon's reference data, fetched (about six pages of 1,000) at most
     * once per {@link PolygonConfig#referenceTtl()}.
     */
    public Set<Symbol> commonStocks() {
        Instant now = config.clock().now();
        CommonStocks cached = commonStocks;
        if (cached != null && fresh(cached, now)) {
            return cached.symbols();
        }
        synchronized (referenceLock) {
            cached = commonStocks;
            if (cached == null || !fresh(cached, now)) {
                cached = new CommonStocks(endpoints.commonStocks(), now);
                commonStocks = cached;
            }
            return cached.symbols();
        }
    }

    /** HTTP requests sent since creation, retries and pages included. */
    public long requestsMade() {
        return endpoints.requestsMade();
    }

    /** Vendor rows skipped by validation since creation (each logged with symbol and date). */
    public long rowsSkipped() {
        return endpoints.rowsSkipped();
    }

    /** Releases the HTTP client's threads and pooled connections; calls after this may fail. */
    @Override
    public void close() {
        endpoints.close();
    }

    /** Host and limits; never the key. */
    @Override
    public String toString() {
        return "PolygonMarketData{" + config.baseUrl() + ", " + config.requestsPerPeriod() + " requests per "
                + config.ratePeriod() + ", commonStocksOnly=" + config.commonStocksOnly() + "}";
    }

    private boolean fresh(CommonStocks cached, Instant now) {
        return cached.fetchedAt().plus(config.referenceTtl()).isAfter(now);
    }

    private static void checkOrder(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new InvalidValueException("dailyBars: from " + from + " is after to " + to);
        }
    }
}
