package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The scan agrees with the rules it is made of, applied one by one. */
class ScannerPropertiesTest {
    /** One generated symbol: OR open/close in cents, OR volume, and the OR volume of the 14 previous sessions. */
    record Setup(long openCents, long closeCents, long volume, long[] history) {
    }

    @Property
    void scan_selectsWhatSelectionSelects_andRanksLikeRanking(@ForAll("setups") List<Setup> setups,
                                                              @ForAll @IntRange(min = 1, max = 8) int topN,
                                                              @ForAll @IntRange(min = 0, max = 20) int minRvolTenths) {
        OrbConfig config = OrbConfig.builder().scanTopN(topN).scanMinRvol(BigDecimal.valueOf(minRvolTenths, 1))
                .build();
        Map<Symbol, DailyStats> universe = new HashMap<>();
        Map<Symbol, List<Bar>> bars = new HashMap<>();
        Map<Symbol, long[]> history = new HashMap<>();
        List<Candidate> expectedCandidates = new ArrayList<>();
        for (int i = 0; i < setups.size(); i++) {
            Setup s = setups.get(i);
            Symbol symbol = Symbol.of("S" + i);
            Price open = Price.ofCents(s.openCents());
            Price close = Price.ofCents(s.closeCents());
            Price high = Price.ofCents(Math.max(s.openCents(), s.closeCents()) + 7);
            Price low = Price.ofCents(Math.min(s.openCents(), s.closeCents()) - 3);
            DailyStats stats = new DailyStats(symbol, SESSION.date(), new BigDecimal("1.00"), new BigDecimal("2000000"),
                    Price.ofCents(5000));
            universe.put(symbol, stats);
            bars.put(symbol, List.of(new Bar(symbol, SESSION.openInstant(), Timeframe.FIVE_MINUTES, open, high, low,
                    close, s.volume())));
            history.put(symbol, s.history());
            OpeningRange range = OpeningRanges.of(symbol, SESSION, 5, bars.get(symbol)).orElseThrow();
            var rvol = RelativeVolume.openingRange(s.volume(), s.history());
            if (range.direction().isPresent() && rvol.isPresent()) {
                expectedCandidates.add(new Candidate(range, stats, range.direction().get(), rvol.get()));
            }
        }

        Scanner.Result result = Scanner.scan(SESSION, ScanInput.of(universe, bars, history),
                new BigDecimal("100000"), config);

        assertThat(result.selected()).isEqualTo(Selection.select(expectedCandidates, config));
        assertThat(result.plans()).extracting(OrderPlanner.Plan::candidate).isEqualTo(result.selected());
        List<Candidate> ranked = Selection.rank(expectedCandidates, Ratio.ofDecimal(config.scanMinRvol()));
        for (OpeningRangeRecord record : result.records()) {
            int position = -1;
            for (int i = 0; i < ranked.size(); i++) {
                if (ranked.get(i).symbol().equals(record.range().symbol())) {
                    position = i;
                }
            }
            assertThat(record.rank()).isEqualTo(position + 1);
            assertThat(record.selected()).isEqualTo(position >= 0 && position < topN);
            assertThat(record.entry() != null).isEqualTo(position >= 0);
        }
        assertThat(result.records()).hasSize(setups.size());
    }

    @Provide
    Arbitrary<List<Setup>> setups() {
        Arbitrary<long[]> history = Arbitraries.longs().between(0, 3).map(v -> v * 1_000).array(long[].class)
                .ofSize(14);
        return Combinators.combine(Arbitraries.longs().between(1000, 1010), Arbitraries.longs().between(1000, 1010),
                        Arbitraries.longs().between(0, 6).map(v -> v * 1_000), history)
                .as(Setup::new).list().ofMaxSize(25);
    }
}
