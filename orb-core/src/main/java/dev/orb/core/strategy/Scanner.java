package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.RvolMethod;
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
 * A whole-market scan (10,000 symbols) runs in about a millisecond and a half on a slow machine. Its input is
 * columnar ({@link ScanInput}: a symbol's bars are rows of primitive arrays, and what the statistics give
 * independently of the configuration is prepared when the input is built); RVOL ≥ minimum and the ranking are
 * decided in long arithmetic ({@link ScanRvol}, {@link RankedCandidates}: exact cross-multiplication, a radix sort
 * of primitive keys with exact tie-breaking); entry and stop are computed in nano-dollars ({@link StopOffset}: the
 * ATR offset in 128-bit integers); and no object is made per symbol: the records are a view over the scan's own
 * columns ({@link ScanRecords}), built when read. {@link java.math.BigInteger}s, {@link java.util.Optional}s and
 * decimal arithmetic remain for values that do not fit in a long and for the top N's plans. Every fast path gives
 * exactly what the decimal rules give; {@code ScannerEquivalenceProperties} checks the whole scan against a plain
 * reference implementation. docs/performance.md has the figures.
 */
public final class Scanner {
    private Scanner() {
    }

    /**
     * Runs the scan of {@code session}.
     *
     * @param startEquity equity at the start of the session (E of strategy.md §7)
     * @throws InvalidValueException if a universe symbol's statistics are for another session, a symbol's bars in
     *     the opening-range window are invalid ({@link OpeningRanges#of}), or (OPENING_RANGE method) a volume history
     *     does not have {@code rvol.lookback} entries or holds a negative volume
     */
    public static Result scan(TradingSession session, ScanInput input, BigDecimal startEquity, OrbConfig config) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(startEquity, "startEquity");
        Objects.requireNonNull(config, "config");
        LocalDate date = session.date();
        if (!date.equals(input.statsSession())) {
            checkStatsSessions(input, date);
        }
        int minutes = config.openingRangeMinutes();
        long windowStart = session.openInstant().getEpochSecond();
        long windowEnd = windowStart + 60L * minutes;
        String belowMinimum = "rvol below " + config.scanMinRvol().toPlainString();
        boolean openingRangeMethod = config.rvolMethod() == RvolMethod.OPENING_RANGE;
        int lookback = config.rvolLookback();
        long[] noHistory = new long[lookback];
        UniverseFilter.Bounds filter = UniverseFilter.bounds(config);
        ScanRvol rvol = new ScanRvol(Ratio.ofDecimal(config.scanMinRvol()));

        int size = input.size();
        ScanRecords.Writer records = new ScanRecords.Writer(input, config, date, belowMinimum);
        // about half of a universe has RVOL ≥ 1: a guess of the capacity, the columns grow if needed
        RankedCandidates passing = new RankedCandidates(size / 2, new StopOffset(config.stopAtrFraction()), input);
        List<Symbol> missingOpeningBar = new ArrayList<>();
        OpeningRanges.Columns range = new OpeningRanges.Columns();
        for (int k = 0; k < size; k++) {
            if (!OpeningRanges.range(input, k, windowStart, windowEnd, range)) {
                missingOpeningBar.add(input.symbol(k));
                continue;
            }
            int slot = records.add(k, range);
            if (!filter.isEligible(input, k)) {
                records.note(slot, ScanRecords.NOT_ELIGIBLE, Double.NaN);
                continue;
            }
            boolean hasRvol;
            if (openingRangeMethod) {
                int length = input.historyLength(k);
                if (length == ScanInput.NO_HISTORY) {
                    hasRvol = rvol.computeOpeningRange(range.volume, 0, lookback, noHistory);
                } else if (length != lookback) {
                    throw new InvalidValueException("Scanner.orVolumeHistory: " + length + " sessions for "
                            + input.symbol(k) + ", rvol.lookback is " + lookback);
                } else {
                    // the history itself is read only where its sum is unusual
                    hasRvol = rvol.computeOpeningRange(range.volume, input.historySum(k), lookback,
                            input.history(k));
                }
            } else {
                hasRvol = rvol.computeDailyApprox(range.volume, minutes, input.stats(k).avgVolume14());
            }
            if (range.close == range.open) {
                records.note(slot, ScanRecords.DOJI, hasRvol ? rvol.toDouble() : Double.NaN);
            } else if (!hasRvol) {
                records.note(slot, ScanRecords.NO_HISTORY, Double.NaN);
            } else if (!rvol.isAtLeastMinimum()) {
                records.note(slot, ScanRecords.BELOW_MINIMUM, rvol.toDouble());
            } else if (range.close > range.open) {
                passing.add(slot, k, Direction.LONG, rvol, range.high);
            } else {
                passing.add(slot, k, Direction.SHORT, rvol, range.low);
            }
        }

        int[] order = passing.order();
        int topN = config.scanTopN();
        List<Candidate> selected = new ArrayList<>(Math.min(topN, order.length));
        List<OrderPlanner.Plan> plans = new ArrayList<>(Math.min(topN, order.length));
        for (int rank = 1; rank <= order.length; rank++) {
            int i = order[rank - 1];
            int slot = passing.slot(i);
            Direction direction = passing.direction(i);
            long entry = passing.entryNanos(i);
            long stop;
            OpeningRange candidateRange = null;
            if (entry != 0) {
                stop = passing.stopNanos(i);
            } else {
                // the decimal path, which throws the planner's exceptions
                candidateRange = records.range(slot);
                Price entryPrice = OrderPlanner.entryPrice(candidateRange, direction);
                entry = entryPrice.nanos();
                stop = OrderPlanner.protectiveStop(entryPrice, direction, passing.stats(i).atr14(), config)
                        .map(Price::nanos).orElse(0L);
            }
            if (rank <= topN) {
                Candidate c = new Candidate(candidateRange != null ? candidateRange : records.range(slot),
                        passing.stats(i), direction, passing.rvol(i));
                selected.add(c);
                plans.add(OrderPlanner.plan(c, date, startEquity, config));
            }
            records.ranked(slot, passing.rvolValue(i), rank, entry, stop);
        }
        return new Result(records.seal(), selected, plans, missingOpeningBar);
    }

    /** Throws for the first universe symbol whose statistics are not for {@code date}. */
    private static void checkStatsSessions(ScanInput input, LocalDate date) {
        for (int k = 0; k < input.size(); k++) {
            DailyStats stats = input.stats(k);
            if (!stats.session().equals(date)) {
                throw new InvalidValueException("Scanner.universe: statistics of " + stats.symbol() + " are for "
                        + stats.session() + ", not " + date);
            }
        }
    }

    /**
     * What the scan found.
     *
     * @param records           one per universe symbol that has an opening range, in symbol order: notes
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
            // the scan's own records are an immutable view that builds each record when asked
            records = records instanceof ScanRecords ? records : List.copyOf(records);
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
