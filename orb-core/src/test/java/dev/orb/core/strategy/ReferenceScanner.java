package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
 * The scan written plainly from the public rules it is made of ({@link OpeningRanges#of},
 * {@link UniverseFilter}, {@link RelativeVolume}, {@link Selection#RANKING}, {@link OrderPlanner}), with
 * {@link Ratio}s and {@link Optional}s and a full sort: the specification {@link Scanner#scan} must match record for
 * record, exception for exception. Test code only; no attention to speed.
 */
final class ReferenceScanner {
    private ReferenceScanner() {
    }

    /**
     * The scan's input as maps (the shape {@link ScanInput#of} reads).
     *
     * @param universe any iteration order: the scan goes in symbol order
     */
    record Input(TradingSession session, Map<Symbol, DailyStats> universe, Map<Symbol, List<Bar>> bars,
                 Map<Symbol, long[]> orVolumeHistory) {
    }

    static Scanner.Result scan(Input input, BigDecimal startEquity, OrbConfig config) {
        TradingSession session = input.session();
        int minutes = config.openingRangeMinutes();
        Ratio minRvol = Ratio.ofDecimal(config.scanMinRvol());
        List<OpeningRangeRecord> records = new ArrayList<>();
        List<Candidate> passing = new ArrayList<>();
        List<Integer> passingIndex = new ArrayList<>();
        List<Symbol> missing = new ArrayList<>();
        // the input's shape first, as ScanInput.of checks it while it is built
        Map<Symbol, DailyStats> universe = new TreeMap<>(input.universe());
        for (Map.Entry<Symbol, DailyStats> entry : universe.entrySet()) {
            Symbol symbol = entry.getKey();
            DailyStats stats = entry.getValue();
            if (stats == null) {
                throw new InvalidValueException("ScanInput.universe: no statistics for " + symbol);
            }
            if (!stats.symbol().equals(symbol)) {
                throw new InvalidValueException("ScanInput.universe: statistics of " + stats.symbol() + " under "
                        + symbol);
            }
            for (Bar bar : input.bars().getOrDefault(symbol, List.of())) {
                if (!bar.symbol().equals(symbol)) {
                    throw new InvalidValueException("ScanInput.bars: bar of " + bar.symbol() + " at " + bar.start()
                            + " among the bars of " + symbol);
                }
            }
        }
        for (DailyStats stats : universe.values()) {
            if (!stats.session().equals(session.date())) {
                throw new InvalidValueException("Scanner.universe: statistics of " + stats.symbol() + " are for "
                        + stats.session() + ", not " + session.date());
            }
        }
        for (Map.Entry<Symbol, DailyStats> entry : universe.entrySet()) {
            Symbol symbol = entry.getKey();
            DailyStats stats = entry.getValue();
            List<Bar> bars = input.bars().getOrDefault(symbol, List.of());
            Optional<OpeningRange> maybeRange = OpeningRanges.of(symbol, session, minutes, bars);
            if (maybeRange.isEmpty()) {
                missing.add(symbol);
                continue;
            }
            OpeningRange range = maybeRange.get();
            Optional<String> rejection = UniverseFilter.rejection(stats, config);
            if (rejection.isPresent()) {
                records.add(note(range, Double.NaN, "not eligible: " + rejection.get()));
                continue;
            }
            Optional<Ratio> rvol;
            if (config.rvolMethod() == RvolMethod.OPENING_RANGE) {
                long[] history = input.orVolumeHistory().get(symbol);
                if (history == null) {
                    history = new long[config.rvolLookback()];
                } else if (history.length != config.rvolLookback()) {
                    throw new InvalidValueException("Scanner.orVolumeHistory: " + history.length + " sessions for "
                            + symbol + ", rvol.lookback is " + config.rvolLookback());
                }
                rvol = RelativeVolume.openingRange(range.volume(), history);
            } else {
                rvol = RelativeVolume.dailyApprox(range.volume(), minutes, stats.avgVolume14());
            }
            Optional<Direction> direction = range.direction();
            if (direction.isEmpty()) {
                records.add(note(range, rvol.map(Ratio::toDouble).orElse(Double.NaN), "doji"));
            } else if (rvol.isEmpty()) {
                records.add(note(range, Double.NaN, "no volume history"));
            } else if (rvol.get().compareTo(minRvol) < 0) {
                records.add(note(range, rvol.get().toDouble(),
                        "rvol below " + config.scanMinRvol().toPlainString()));
            } else {
                passing.add(new Candidate(range, stats, direction.get(), rvol.get()));
                passingIndex.add(records.size());
                records.add(null);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < passing.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Selection.RANKING.compare(passing.get(a), passing.get(b)));
        List<Candidate> selected = new ArrayList<>();
        List<OrderPlanner.Plan> plans = new ArrayList<>();
        for (int rank = 1; rank <= order.size(); rank++) {
            int i = order.get(rank - 1);
            Candidate c = passing.get(i);
            Price entry = OrderPlanner.entryPrice(c.range(), c.direction());
            Price stop = OrderPlanner.protectiveStop(entry, c.direction(), c.stats().atr14(), config).orElse(null);
            boolean isSelected = rank <= config.scanTopN();
            if (isSelected) {
                selected.add(c);
                plans.add(OrderPlanner.plan(c, session.date(), startEquity, config));
            }
            records.set(passingIndex.get(i), new OpeningRangeRecord(c.range(), c.rvol().toDouble(), rank, entry, stop,
                    isSelected, ""));
        }
        return new Scanner.Result(records, selected, plans, missing);
    }

    private static OpeningRangeRecord note(OpeningRange range, double rvol, String note) {
        return new OpeningRangeRecord(range, rvol, 0, null, null, false, note);
    }
}
