package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.RvolMethod;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;

/**
 * The whole morning scan as one pure function (strategy.md §2–7, backtest-semantics.md steps 1–4): opening
 * ranges of the universe, relative volume, the {@code scan.minRvol} filter, ranking, the top {@code scan.topN}
 * and a plan (trade or no trade) for each of them.
 *
 * <p>A selected candidate that yields no order keeps its slot: slots are never refilled from further down the
 * ranking. The pre-trade checks and the max-positions cut of safety.md are not applied here; they belong to the
 * caller that sends the orders. Stateless and thread-safe.
 *
 * <h2>Speed</h2>
 * A scan of 10,000 symbols is bound by memory latency: its input is some 50 objects per symbol spread over the
 * heap, and its output two objects per symbol. So the scan reads its input in batches ({@link ScanBatch} touches
 * the next 64 symbols' objects in a tight loop, so that their cache misses overlap), decides RVOL ≥ minimum and
 * ranks in long arithmetic ({@link ScanRvol}, {@link RankedCandidates}: exact cross-multiplication, a primitive
 * sort with exact tie-breaking), computes entry and stop in nano-dollars while a candidate's data is still in
 * the cache ({@link StopOffset}: the ATR offset in 128-bit integers), and allocates per symbol only its opening
 * range and record (plus the note of an ineligible symbol). {@link java.math.BigInteger}s,
 * {@link java.util.Optional}s and decimal arithmetic remain for values that do not fit in a long and for the top
 * N's plans. Every fast path gives exactly what the decimal rules give; {@code ScannerEquivalenceProperties}
 * checks the whole scan against a plain reference implementation. docs/performance.md has the figures.
 */
public final class Scanner {
    private Scanner() {
    }

    /**
     * Runs the scan for {@code input.session()}.
     *
     * @param startEquity equity at the start of the session (E of strategy.md §7)
     * @throws InvalidValueException if a universe entry's statistics are for another symbol or session, a symbol's
     *     bars are invalid ({@link OpeningRanges#of}), or (OPENING_RANGE method) a volume history does not have
     *     {@code rvol.lookback} entries or holds a negative volume
     */
    public static Result scan(Input input, BigDecimal startEquity, OrbConfig config) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(startEquity, "startEquity");
        Objects.requireNonNull(config, "config");
        TradingSession session = input.session();
        LocalDate date = session.date();
        int minutes = config.openingRangeMinutes();
        Instant windowStart = session.openInstant();
        Instant windowEnd = windowStart.plusSeconds(60L * minutes);
        String belowMinimum = "rvol below " + config.scanMinRvol().toPlainString();
        boolean openingRangeMethod = config.rvolMethod() == RvolMethod.OPENING_RANGE;
        long[] noHistory = new long[config.rvolLookback()];
        UniverseFilter.Bounds filter = UniverseFilter.bounds(config);
        ScanRvol rvol = new ScanRvol(Ratio.ofDecimal(config.scanMinRvol()));
        OpeningRanges.Window window = new OpeningRanges.Window();
        StringBuilder text = new StringBuilder(100);
        Map<Symbol, List<Bar>> barsBySymbol = input.bars();
        Map<Symbol, long[]> histories = input.orVolumeHistory();

        OpeningRangeRecord[] records = new OpeningRangeRecord[input.universe().size()];
        // about half of a universe has RVOL ≥ 1: a guess of the capacity, the columns grow if needed
        RankedCandidates passing = new RankedCandidates(records.length / 2, new StopOffset(config.stopAtrFraction()));
        List<Symbol> missingOpeningBar = new ArrayList<>();
        int count = 0;
        ScanBatch batch = new ScanBatch();
        Iterator<Map.Entry<Symbol, DailyStats>> universe = input.universe().entrySet().iterator();
        for (batch.fill(universe, barsBySymbol, histories, openingRangeMethod); batch.size > 0;
             batch.fill(universe, barsBySymbol, histories, openingRangeMethod)) {
            for (int b = 0; b < batch.size; b++) {
                Symbol symbol = batch.symbols[b];
                DailyStats stats = batch.stats[b];
                checkStats(symbol, stats, session);
                List<Bar> bars = batch.lookedUp[b] ? batch.bars[b] : barsBySymbol.get(symbol);
                OpeningRange range = OpeningRanges.rangeOrNull(symbol, date, minutes, windowStart, windowEnd,
                        bars == null ? List.of() : bars, window);
                if (range == null) {
                    missingOpeningBar.add(symbol);
                    continue;
                }
                int slot = count++;
                if (!filter.isEligible(stats)) {
                    records[slot] = note(range, Double.NaN, filter.rejection(text, "not eligible: ", stats));
                    continue;
                }
                boolean hasRvol = openingRangeMethod
                        ? rvol.computeOpeningRange(range.volume(), history(batch.lookedUp[b] ? batch.histories[b]
                                : histories.get(symbol), symbol, noHistory))
                        : rvol.computeDailyApprox(range.volume(), minutes, stats.avgVolume14());
                // range.direction() without the Optional
                int direction = range.close().compareTo(range.open());
                if (direction == 0) {
                    records[slot] = note(range, hasRvol ? rvol.toDouble() : Double.NaN, "doji");
                } else if (!hasRvol) {
                    records[slot] = note(range, Double.NaN, "no volume history");
                } else if (!rvol.isAtLeastMinimum()) {
                    records[slot] = note(range, rvol.toDouble(), belowMinimum);
                } else {
                    passing.add(slot, range, stats, direction > 0 ? Direction.LONG : Direction.SHORT, rvol);
                }
            }
        }

        int[] order = passing.order();
        int topN = config.scanTopN();
        List<Candidate> selected = new ArrayList<>(Math.min(topN, order.length));
        List<OrderPlanner.Plan> plans = new ArrayList<>(Math.min(topN, order.length));
        for (int rank = 1; rank <= order.length; rank++) {
            int i = order[rank - 1];
            OpeningRange range = passing.range(i);
            Direction direction = passing.direction(i);
            DailyStats stats = passing.stats(i);
            boolean isSelected = rank <= topN;
            Price entryPrice = passing.entry(i);
            Price stop;
            if (entryPrice != null) {
                long stopNanos = passing.stopNanos(i);
                stop = stopNanos == 0 ? null : new Price(stopNanos);
            } else {
                // the decimal path, which throws the planner's exceptions
                entryPrice = OrderPlanner.entryPrice(range, direction);
                stop = OrderPlanner.protectiveStop(entryPrice, direction, stats.atr14(), config).orElse(null);
            }
            if (isSelected) {
                Candidate c = new Candidate(range, stats, direction, passing.rvol(i));
                selected.add(c);
                plans.add(OrderPlanner.plan(c, date, startEquity, config));
            }
            records[passing.slot(i)] = new OpeningRangeRecord(range, passing.rvolValue(i), rank, entryPrice, stop,
                    isSelected, "");
        }
        return new Result(List.of(count == records.length ? records : Arrays.copyOf(records, count)), selected, plans,
                missingOpeningBar);
    }

    private static long[] history(long[] volumes, Symbol symbol, long[] noHistory) {
        if (volumes == null) {
            return noHistory;
        }
        if (volumes.length != noHistory.length) {
            throw new InvalidValueException("Scanner.orVolumeHistory: " + volumes.length + " sessions for " + symbol
                    + ", rvol.lookback is " + noHistory.length);
        }
        return volumes;
    }

    private static void checkStats(Symbol symbol, DailyStats stats, TradingSession session) {
        if (stats == null) {
            throw new InvalidValueException("Scanner.universe: no statistics for " + symbol);
        }
        if (!stats.symbol().equals(symbol)) {
            throw new InvalidValueException("Scanner.universe: statistics of " + stats.symbol() + " under " + symbol);
        }
        if (!stats.session().equals(session.date())) {
            throw new InvalidValueException("Scanner.universe: statistics of " + symbol + " are for " + stats.session()
                    + ", not " + session.date());
        }
    }

    private static OpeningRangeRecord note(OpeningRange range, double rvol, String note) {
        return new OpeningRangeRecord(range, rvol, 0, null, null, false, note);
    }

    /**
     * What the scan reads. The maps and arrays are not copied (a 10,000-symbol scan stays cheap): the caller
     * must not change them while a scan runs.
     *
     * @param session         today's session
     * @param universe        the day's universe with its statistics for today (the caller filtered it nightly; the
     *                        scan re-checks eligibility). Its iteration order is the order of the result's records
     *                        (pass a sorted map for symbol order)
     * @param bars            today's intraday bars per symbol, any range of the day (only the opening-range window
     *                        is used); a symbol without an entry has no bars
     * @param orVolumeHistory per symbol the opening-range volumes of the {@code rvol.lookback} previous sessions,
     *                        oldest first ({@link OpeningRanges#windowVolume}); an absent symbol counts as all
     *                        zeros. Ignored by the DAILY_APPROX method
     */
    public record Input(TradingSession session, Map<Symbol, DailyStats> universe, Map<Symbol, List<Bar>> bars,
                        Map<Symbol, long[]> orVolumeHistory) {
        public Input {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(universe, "universe");
            Objects.requireNonNull(bars, "bars");
            Objects.requireNonNull(orVolumeHistory, "orVolumeHistory");
        }
    }

    /**
     * What the scan found.
     *
     * @param records           one per universe symbol that has an opening range, in the universe's order: notes
     *                          {@code "not eligible: …"}, {@code "doji"}, {@code "no volume history"},
     *                          {@code "rvol below <min>"}, or {@code ""} for a ranked candidate; rank is the
     *                          1-based position among all candidates passing the RVOL filter (0 otherwise),
     *                          entry and stop are set for ranked candidates (the stop is null on zero distance)
     * @param selected          the top N candidates in rank order
     * @param plans             one per selected candidate, in rank order
     * @param missingOpeningBar universe symbols without a bar at the session open (no range, no record)
     */
    public record Result(List<OpeningRangeRecord> records, List<Candidate> selected, List<OrderPlanner.Plan> plans,
                         List<Symbol> missingOpeningBar) {
        public Result {
            records = List.copyOf(records);
            selected = List.copyOf(selected);
            plans = List.copyOf(plans);
            missingOpeningBar = List.copyOf(missingOpeningBar);
            if (plans.size() != selected.size()) {
                throw new InvalidValueException("Scanner.Result.plans: " + plans.size() + " plans for "
                        + selected.size() + " selected candidates");
            }
        }
    }
}
