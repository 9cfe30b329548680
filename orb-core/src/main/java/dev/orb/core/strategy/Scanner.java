package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * caller that sends the orders. Stateless and thread-safe; allocates little (no decimal arithmetic per symbol
 * unless it is ranked).
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
        int minutes = config.openingRangeMinutes();
        Instant windowStart = session.openInstant();
        Instant windowEnd = windowStart.plusSeconds(60L * minutes);
        Ratio minRvol = Ratio.ofDecimal(config.scanMinRvol());
        String belowMinimum = "rvol below " + config.scanMinRvol().toPlainString();
        boolean openingRangeMethod = config.rvolMethod() == RvolMethod.OPENING_RANGE;
        long[] noHistory = new long[config.rvolLookback()];

        OpeningRangeRecord[] records = new OpeningRangeRecord[input.universe().size()];
        List<Slot> passing = new ArrayList<>();
        List<Symbol> missingOpeningBar = new ArrayList<>();
        int count = 0;
        for (Map.Entry<Symbol, DailyStats> entry : input.universe().entrySet()) {
            Symbol symbol = entry.getKey();
            DailyStats stats = entry.getValue();
            checkStats(symbol, stats, session);
            List<Bar> bars = input.bars().get(symbol);
            Optional<OpeningRange> maybeRange = OpeningRanges.of(symbol, session, minutes, windowStart, windowEnd,
                    bars == null ? List.of() : bars);
            if (maybeRange.isEmpty()) {
                missingOpeningBar.add(symbol);
                continue;
            }
            OpeningRange range = maybeRange.get();
            int slot = count++;
            if (!UniverseFilter.isEligible(stats, config)) {
                records[slot] = note(range, Double.NaN,
                        "not eligible: " + UniverseFilter.rejection(stats, config).orElseThrow());
                continue;
            }
            Optional<Ratio> rvol = openingRangeMethod
                    ? RelativeVolume.openingRange(range.volume(), history(input, symbol, noHistory))
                    : RelativeVolume.dailyApprox(range.volume(), minutes, stats.avgVolume14());
            Optional<Direction> direction = range.direction();
            if (direction.isEmpty()) {
                records[slot] = note(range, rvol.map(Ratio::toDouble).orElse(Double.NaN), "doji");
            } else if (rvol.isEmpty()) {
                records[slot] = note(range, Double.NaN, "no volume history");
            } else if (rvol.get().compareTo(minRvol) < 0) {
                records[slot] = note(range, rvol.get().toDouble(), belowMinimum);
            } else {
                passing.add(Slot.of(new Candidate(range, stats, direction.get(), rvol.get()), slot));
            }
        }

        passing.sort(Slot::rank);
        int topN = config.scanTopN();
        List<Candidate> selected = new ArrayList<>(Math.min(topN, passing.size()));
        List<OrderPlanner.Plan> plans = new ArrayList<>(Math.min(topN, passing.size()));
        for (int i = 0; i < passing.size(); i++) {
            Candidate c = passing.get(i).candidate;
            boolean isSelected = i < topN;
            Price entryPrice = OrderPlanner.entryPrice(c.range(), c.direction());
            Price stop = OrderPlanner.protectiveStop(entryPrice, c.direction(), c.stats().atr14(), config).orElse(null);
            if (isSelected) {
                selected.add(c);
                plans.add(OrderPlanner.plan(c, session.date(), startEquity, config));
            }
            records[passing.get(i).index] = new OpeningRangeRecord(c.range(), c.rvol().toDouble(), i + 1, entryPrice,
                    stop, isSelected, "");
        }
        return new Result(Arrays.asList(records).subList(0, count), selected, plans, missingOpeningBar);
    }

    private static long[] history(Input input, Symbol symbol, long[] noHistory) {
        long[] volumes = input.orVolumeHistory().get(symbol);
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
     * A candidate, the position of its record, and its RVOL as two longs when both parts fit (else −1), so that the
     * sort compares without touching the BigIntegers.
     */
    private record Slot(Candidate candidate, int index, long numerator, long denominator) {
        static Slot of(Candidate candidate, int index) {
            Ratio rvol = candidate.rvol();
            boolean small = rvol.numerator().bitLength() < Long.SIZE && rvol.denominator().bitLength() < Long.SIZE;
            return new Slot(candidate, index, small ? rvol.numerator().longValue() : -1,
                    small ? rvol.denominator().longValue() : -1);
        }

        /** {@link Selection#RANKING} on slots: RVOL descending, then symbol ascending. */
        static int rank(Slot a, Slot b) {
            int byRvol = a.numerator >= 0 && b.numerator >= 0
                    ? Ratio.compareProducts(b.numerator, a.denominator, a.numerator, b.denominator)
                    : b.candidate.rvol().compareTo(a.candidate.rvol());
            return byRvol != 0 ? byRvol : a.candidate.symbol().compareTo(b.candidate.symbol());
        }
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
