package dev.orb.sim.synth;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;
import dev.orb.sim.EpochNanos;
import dev.orb.sim.flatfile.FlatFileWriter;

/**
 * A deterministic synthetic US equity market written as Polygon flat files, so that tests, the demo and users
 * share one input path with real data.
 *
 * <p>What it produces, per {@link GeneratorConfig}: N symbols with four-letter tickers over the sessions of a
 * {@link TradingCalendar} in {@code [from, to]}; geometric-Brownian price paths with a volatility per symbol,
 * prices on the tick of their level (sub-$1 names on $0.0001) and overnight gaps; U-shaped intraday volume;
 * "in play" sessions (volume × 3–10, a trend and a news gap); halts (a stretch without bars, some until the
 * close); missing minutes; listings during the period (no bars before); pre-market bars from 04:00 and
 * post-market bars for four hours after the close (13:00–17:00 on an early close, whose regular session ends at
 * 13:00). Day rows are the aggregates of each symbol's regular-session minute bars: open of the first, highest
 * high, lowest low, close of the last, summed volume; a symbol without regular bars that day has no day row.
 *
 * <p>Same config, same calendar → byte-identical files. Generation streams: one symbol-session is in memory at a
 * time. Not thread-safe; create one per run.
 */
public final class SyntheticMarket {
    private static final LocalTime PRE_MARKET_OPEN = LocalTime.of(4, 0);
    private static final long MINUTE = 60_000_000_000L;
    /**
     * gzip level of {@link #writeTo(Path)}: 3 writes this repetitive CSV about six times faster than gzip's
     * default 6, for files about a fifth larger that inflate as fast.
     */
    public static final int DEFAULT_GZIP_LEVEL = 3;

    private final GeneratorConfig config;
    private final List<TradingSession> sessions;
    private final List<Symbol> symbols;

    private SyntheticMarket(GeneratorConfig config, List<TradingSession> sessions, List<Symbol> symbols) {
        this.config = config;
        this.sessions = sessions;
        this.symbols = symbols;
    }

    /**
     * The market of {@code config} on the sessions {@code calendar} has in {@code [from, to]}.
     *
     * @throws InvalidValueException if the calendar has no session in that range
     */
    public static SyntheticMarket create(GeneratorConfig config, TradingCalendar calendar) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(calendar, "calendar");
        List<TradingSession> sessions = calendar.sessions(config.from(), config.to());
        if (sessions.isEmpty()) {
            throw new InvalidValueException("SyntheticMarket: the calendar has no session in [" + config.from() + ", "
                    + config.to() + "]");
        }
        List<Symbol> symbols = new ArrayList<>(config.symbols());
        for (int i = 0; i < config.symbols(); i++) {
            symbols.add(ticker(i));
        }
        return new SyntheticMarket(config, sessions, List.copyOf(symbols));
    }

    /**
     * The ticker of symbol {@code index}: four letters, spread over the alphabet by a bijection of
     * {@code [0, 26⁴)} so that names look varied yet never collide.
     */
    static Symbol ticker(int index) {
        long code = (long) index * 7919 % GeneratorConfig.MAX_SYMBOLS;
        char[] letters = new char[4];
        for (int i = 3; i >= 0; i--) {
            letters[i] = (char) ('A' + code % 26);
            code /= 26;
        }
        return Symbol.of(new String(letters));
    }

    public GeneratorConfig config() {
        return config;
    }

    /** The sessions generated, in order. */
    public List<TradingSession> sessions() {
        return sessions;
    }

    /** Every symbol, in generation order (index order; not sorted). */
    public List<Symbol> symbols() {
        return symbols;
    }

    /**
     * Writes the market under {@code root} in Polygon's layout, one day file and one minute file per session.
     * Existing files of those dates are replaced; a failure leaves no partial file behind.
     *
     * @return what was written
     * @throws dev.orb.sim.flatfile.FlatFileException if a file cannot be written
     */
    public GenerationSummary writeTo(Path root) {
        return writeTo(root, DEFAULT_GZIP_LEVEL);
    }

    /**
     * {@link #writeTo(Path)} with a gzip level from 1 to 9 ({@link FlatFileWriter#create(Path, int)}); the rows
     * are the same at every level, the bytes only for the same level.
     */
    public GenerationSummary writeTo(Path root, int gzipLevel) {
        Objects.requireNonNull(root, "root");
        FlatFileSink sink = new FlatFileSink(root, gzipLevel);
        try {
            generate(sink);
        } finally {
            sink.close();
        }
        return sink.summary(sessions.size(), symbols.size());
    }

    /** Generates every session into {@code sink}. */
    void generate(SessionSink sink) {
        List<SymbolPath> paths = new ArrayList<>(symbols.size());
        for (int i = 0; i < symbols.size(); i++) {
            paths.add(SymbolPath.create(config, i, symbols.get(i), sessions.size()));
        }
        paths.sort(Comparator.comparing(p -> p.symbol));
        SymbolDay day = new SymbolDay(config);
        long[][] daily = new long[paths.size()][];
        for (int k = 0; k < sessions.size(); k++) {
            TradingSession session = sessions.get(k);
            long open = EpochNanos.of(session.openInstant());
            int minutes = (int) ((EpochNanos.of(session.closeInstant()) - open) / MINUTE);
            long preMarket = EpochNanos.of(session.at(PRE_MARKET_OPEN));
            long midnight = EpochNanos.of(ZonedDateTime.of(session.date().atStartOfDay(), MarketTime.NEW_YORK).toInstant());
            sink.beginSession(session);
            for (int i = 0; i < paths.size(); i++) {
                SymbolPath path = paths.get(i);
                daily[i] = null;
                if (k < path.listingSession) {
                    continue;
                }
                // Symbols of the first session already traded before it; only a later listing starts without history.
                boolean listingDay = path.listingSession > 0 && k == path.listingSession;
                day.generate(path, preMarket, open, minutes, listingDay, sink);
                if (day.hasBars) {
                    daily[i] = new long[] {day.dayOpen, day.dayHigh, day.dayLow, day.dayClose, day.dayVolume,
                            day.dayTransactions};
                }
            }
            for (int i = 0; i < paths.size(); i++) {
                long[] d = daily[i];
                if (d != null) {
                    sink.dailyBar(paths.get(i).symbol, midnight, d[0], d[1], d[2], d[3], d[4], d[5]);
                }
            }
            sink.endSession(session);
        }
    }
}
