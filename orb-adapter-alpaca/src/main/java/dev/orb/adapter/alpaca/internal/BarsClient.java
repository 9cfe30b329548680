package dev.orb.adapter.alpaca.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.ports.MarketDataException;
import net.jacobpeterson.alpaca.AlpacaAPI;
import net.jacobpeterson.alpaca.model.endpoint.assets.enums.AssetClass;
import net.jacobpeterson.alpaca.model.endpoint.assets.enums.AssetStatus;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.common.historical.bar.enums.BarTimePeriod;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.MultiStockBarsResponse;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.StockBar;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.enums.BarAdjustment;
import net.jacobpeterson.alpaca.rest.AlpacaClient;
import net.jacobpeterson.alpaca.rest.AlpacaClientException;
import net.jacobpeterson.alpaca.util.format.FormatUtil;
import okhttp3.HttpUrl;

/**
 * Bars from Alpaca's market-data API ({@code GET /v2/stocks/bars}): many symbols per request (batches of
 * {@link Settings#symbolsPerBarsRequest()}), every {@code page_token} followed, feed iex or sip. Intraday bars
 * are raw (live prices); daily bars are split-adjusted so that ranges and ATR are comparable across splits.
 * Thread-safe.
 */
public final class BarsClient {
    /** Alpaca's largest page of bars. */
    static final int PAGE_LIMIT = 10_000;
    static final int MAX_PAGES_PER_BATCH = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(BarsClient.class);
    private final AlpacaAPI api;
    private final Settings settings;

    /** Bars through {@code api}'s data client. */
    public BarsClient(AlpacaAPI api, Settings settings) {
        this.api = Objects.requireNonNull(api, "api");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** N-minute bars starting in {@code [from, to)} per symbol, oldest first; symbols without bars are absent. */
    public Map<Symbol, List<Bar>> intraday(Collection<Symbol> symbols, Timeframe timeframe, Instant from, Instant to) {
        Objects.requireNonNull(timeframe, "timeframe");
        if (!from.isBefore(to)) {
            throw new MarketDataException("Alpaca bars: from " + from + " must be before to " + to);
        }
        Period period = period(timeframe);
        Map<Symbol, TreeMap<Instant, Bar>> bars = new LinkedHashMap<>();
        fetch(symbols, from.atZone(ZoneOffset.UTC), to.atZone(ZoneOffset.UTC), period, BarAdjustment.RAW,
                (symbol, b) -> {
                    Instant start = b.getTimestamp().toInstant();
                    if (!start.isBefore(from) && start.isBefore(to)) {
                        bars.computeIfAbsent(symbol, s -> new TreeMap<>()).put(start, Mappers.bar(symbol, timeframe, b));
                    }
                });
        Map<Symbol, List<Bar>> out = new LinkedHashMap<>();
        bars.forEach((symbol, byStart) -> out.put(symbol, List.copyOf(byStart.values())));
        return out;
    }

    /** Daily bars of one symbol in {@code [from, to]}, oldest first. */
    public List<DailyBar> daily(Symbol symbol, LocalDate from, LocalDate to) {
        return daily(List.of(symbol), from, to).getOrDefault(symbol, List.of());
    }

    /**
     * Daily bars of every active, tradable US equity on {@code date}. Alpaca has no whole-market endpoint: this
     * lists the assets (one request) and fetches their bars in batches — about 60 requests of the shared budget
     * for the ~12,000 listed symbols; run it outside market hours.
     */
    public List<DailyBar> dailyOfMarket(LocalDate date) {
        List<Symbol> symbols = new ArrayList<>();
        try {
            for (net.jacobpeterson.alpaca.model.endpoint.assets.Asset a
                    : api.assets().get(AssetStatus.ACTIVE, AssetClass.US_EQUITY)) {
                if (Boolean.TRUE.equals(a.getTradable()) && a.getSymbol() != null) {
                    try {
                        symbols.add(Symbol.of(a.getSymbol()));
                    } catch (InvalidValueException e) {
                        LOG.debug("skipping asset {}: {}", a.getSymbol(), e.getMessage());
                    }
                }
            }
        } catch (AlpacaClientException | RuntimeException e) {
            throw AlpacaErrors.marketData("GET /v2/assets", e);
        }
        List<DailyBar> out = new ArrayList<>();
        daily(symbols, date, date).values().forEach(out::addAll);
        out.sort(Comparator.comparing(DailyBar::symbol));
        return List.copyOf(out);
    }

    private Map<Symbol, List<DailyBar>> daily(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new MarketDataException("Alpaca daily bars: from " + from + " is after to " + to);
        }
        ZonedDateTime start = from.atStartOfDay(MarketTime.NEW_YORK);
        ZonedDateTime end = to.plusDays(1).atStartOfDay(MarketTime.NEW_YORK);
        Map<Symbol, TreeMap<LocalDate, DailyBar>> bars = new LinkedHashMap<>();
        fetch(symbols, start, end, new Period(1, BarTimePeriod.DAY), BarAdjustment.SPLIT, (symbol, b) -> {
            LocalDate date = Mappers.dateInNewYork(b);
            if (!date.isBefore(from) && !date.isAfter(to)) {
                bars.computeIfAbsent(symbol, s -> new TreeMap<>()).put(date, Mappers.dailyBar(symbol, b));
            }
        });
        Map<Symbol, List<DailyBar>> out = new LinkedHashMap<>();
        bars.forEach((symbol, byDate) -> out.put(symbol, List.copyOf(byDate.values())));
        return out;
    }

    private void fetch(Collection<Symbol> symbols, ZonedDateTime start, ZonedDateTime end, Period period,
                       BarAdjustment adjustment, BarSink sink) {
        Set<Symbol> distinct = new TreeSet<>(symbols);
        List<Symbol> all = List.copyOf(distinct);
        int batch = Math.max(1, settings.symbolsPerBarsRequest());
        for (int i = 0; i < all.size(); i += batch) {
            fetchBatch(all.subList(i, Math.min(all.size(), i + batch)), start, end, period, adjustment, sink);
        }
    }

    private void fetchBatch(List<Symbol> batch, ZonedDateTime start, ZonedDateTime end, Period period,
                            BarAdjustment adjustment, BarSink sink) {
        List<String> names = batch.stream().map(Symbol::value).toList();
        String action = "GET /v2/stocks/bars (" + names.size() + " symbols from " + names.get(0) + ", "
                + period.count + period.unit + ", feed " + settings.feed() + ")";
        Set<String> tokensSeen = new HashSet<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES_PER_BATCH; page++) {
            MultiStockBarsResponse response;
            try {
                response = request(names, start, end, token, period, adjustment);
            } catch (AlpacaClientException | RuntimeException e) {
                throw AlpacaErrors.marketData(action, e);
            }
            if (response != null && response.getBars() != null) {
                response.getBars().forEach((name, list) -> accept(name, list, sink, action));
            }
            token = response == null ? null : response.getNextPageToken();
            if (token == null || token.isEmpty()) {
                return;
            }
            if (!tokensSeen.add(token)) {
                throw new MarketDataException("Alpaca " + action + ": page_token " + token + " repeated");
            }
        }
        throw new MarketDataException("Alpaca " + action + ": more than " + MAX_PAGES_PER_BATCH + " pages");
    }

    /**
     * One page, through alpaca-java's data client and model. The URL is built here rather than by
     * {@code StockMarketDataEndpoint.getBars}, which sends the feed in upper case ("IEX"); Alpaca documents
     * {@code feed=iex|sip}.
     */
    private MultiStockBarsResponse request(List<String> names, ZonedDateTime start, ZonedDateTime end, String token,
                                           Period period, BarAdjustment adjustment) throws AlpacaClientException {
        AlpacaClient client = api.getStockDataClient();
        HttpUrl.Builder url = client.urlBuilder().addPathSegment("stocks").addPathSegment("bars")
                .addQueryParameter("symbols", String.join(",", names))
                .addQueryParameter("timeframe", period.count + period.unit.toString())
                .addQueryParameter("start", FormatUtil.toRFC3339Format(start))
                .addQueryParameter("end", FormatUtil.toRFC3339Format(end))
                .addQueryParameter("limit", Integer.toString(PAGE_LIMIT))
                .addQueryParameter("adjustment", adjustment.toString())
                .addQueryParameter("feed", settings.feed().toString().toLowerCase(Locale.ROOT));
        if (token != null) {
            url.addQueryParameter("page_token", token);
        }
        return client.requestObject(client.requestBuilder(url.build()).get().build(), MultiStockBarsResponse.class);
    }

    private static void accept(String name, List<StockBar> list, BarSink sink, String action) {
        if (list == null) {
            return;
        }
        Symbol symbol;
        try {
            symbol = Symbol.of(name);
        } catch (InvalidValueException e) {
            throw new MarketDataException("Alpaca " + action + ": unexpected symbol in answer: " + e.getMessage(), e);
        }
        for (StockBar b : list) {
            try {
                sink.accept(symbol, b);
            } catch (InvalidValueException | NumberFormatException | NullPointerException e) {
                throw new MarketDataException("Alpaca " + action + ": bad bar of " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Alpaca's timeframe for an orb timeframe: 1–59 minutes as "NMin", whole hours up to 23 as "NHour".
     *
     * @throws MarketDataException for anything else (e.g. 90 minutes)
     */
    static Period period(Timeframe timeframe) {
        int minutes = timeframe.minutes();
        if (minutes < 60) {
            return new Period(minutes, BarTimePeriod.MINUTE);
        }
        if (minutes % 60 == 0 && minutes / 60 <= 23) {
            return new Period(minutes / 60, BarTimePeriod.HOUR);
        }
        throw new MarketDataException("Alpaca bars: timeframe " + timeframe + " is neither 1-59 minutes nor whole hours");
    }

    record Period(int count, BarTimePeriod unit) {
    }

    @FunctionalInterface
    private interface BarSink {
        void accept(Symbol symbol, StockBar bar);
    }
}
