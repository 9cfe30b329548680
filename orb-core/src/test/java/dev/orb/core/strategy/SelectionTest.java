package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.candidate;
import static dev.orb.core.strategy.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SelectionTest {
    private static List<Symbol> symbols(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::symbol).toList();
    }

    @Test
    void equalRvol_isRankedBySymbolAscending() {
        List<Candidate> input = List.of(
                candidate("MSFT", Direction.LONG, Ratio.of(2, 1)),
                candidate("AAPL", Direction.SHORT, Ratio.of(4, 2)),
                candidate("NVDA", Direction.LONG, Ratio.of(3, 1)),
                candidate("AMD", Direction.LONG, Ratio.of(20, 10)));
        assertThat(symbols(Selection.select(input, OrbConfig.defaults())))
                .containsExactly(Symbol.of("NVDA"), Symbol.of("AAPL"), Symbol.of("AMD"), Symbol.of("MSFT"));
    }

    @Test
    void rvolExactlyAtMinimum_passes_andJustBelow_isDropped() {
        List<Candidate> input = List.of(
                candidate("ONE", Direction.LONG, Ratio.of(14_000, 14_000)),
                candidate("LOW", Direction.LONG, Ratio.of(13_999, 14_000)));
        assertThat(symbols(Selection.select(input, OrbConfig.defaults()))).containsExactly(Symbol.of("ONE"));
        OrbConfig higher = OrbConfig.builder().scanMinRvol(d("1.5")).build();
        assertThat(Selection.select(List.of(candidate("X", Direction.LONG, Ratio.of(3, 2))), higher)).hasSize(1);
        assertThat(Selection.select(List.of(candidate("X", Direction.LONG, Ratio.of(1499, 1000))), higher)).isEmpty();
    }

    @Test
    void onlyTheTopNAreTaken() {
        List<Candidate> input = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            input.add(candidate("S" + i, Direction.LONG, Ratio.of(i, 1)));
        }
        List<Candidate> top = Selection.select(input, OrbConfig.defaults());
        assertThat(top).hasSize(20);
        assertThat(top.get(0).symbol()).isEqualTo(Symbol.of("S30"));
        assertThat(top.get(19).symbol()).isEqualTo(Symbol.of("S11"));
        assertThat(Selection.select(input, OrbConfig.builder().scanTopN(3).build())).extracting(Candidate::symbol)
                .containsExactly(Symbol.of("S30"), Symbol.of("S29"), Symbol.of("S28"));
    }

    @Test
    void twoCandidatesForOneSymbol_areRejected() {
        List<Candidate> input = List.of(candidate("DUP", Direction.LONG, Ratio.of(2, 1)),
                candidate("DUP", Direction.SHORT, Ratio.of(3, 1)));
        assertThatThrownBy(() -> Selection.select(input, OrbConfig.defaults()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("DUP");
    }

    @Property
    void selection_isSortedBoundedFilteredAndOrderIndependent(@ForAll("candidates") List<Candidate> candidates,
                                                              @ForAll @IntRange(min = 1, max = 25) int topN,
                                                              @ForAll @IntRange(min = 0, max = 30) int minTenths,
                                                              @ForAll long shuffleSeed) {
        OrbConfig config = OrbConfig.builder().scanTopN(topN)
                .scanMinRvol(java.math.BigDecimal.valueOf(minTenths, 1)).build();
        List<Candidate> selected = Selection.select(candidates, config);

        assertThat(selected.size()).isLessThanOrEqualTo(topN);
        assertThat(selected).allSatisfy(c -> assertThat(c.rvol().isAtLeast(config.scanMinRvol())).isTrue());
        assertThat(selected).isSortedAccordingTo(Selection.RANKING);
        for (int i = 1; i < selected.size(); i++) {
            assertThat(Selection.RANKING.compare(selected.get(i - 1), selected.get(i))).isNegative();
        }
        long passing = candidates.stream().filter(c -> c.rvol().isAtLeast(config.scanMinRvol())).count();
        assertThat(selected.size()).isEqualTo((int) Math.min(topN, passing));
        // everything left out that passes the filter ranks below the last one taken
        if (!selected.isEmpty()) {
            Candidate last = selected.get(selected.size() - 1);
            candidates.stream().filter(c -> c.rvol().isAtLeast(config.scanMinRvol()) && !selected.contains(c))
                    .forEach(c -> assertThat(Selection.RANKING.compare(last, c)).isNegative());
        }

        List<Candidate> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        assertThat(Selection.select(shuffled, config)).isEqualTo(selected);
    }

    @Provide
    Arbitrary<List<Candidate>> candidates() {
        // small ratios so that equal values (with different terms) are frequent
        Arbitrary<Ratio> rvol = Combinators.combine(Arbitraries.longs().between(0, 40),
                Arbitraries.longs().between(1, 12)).as(Ratio::of);
        Arbitrary<String> symbol = Arbitraries.strings().withCharRange('A', 'F').ofMinLength(1).ofMaxLength(3);
        return Combinators.combine(symbol, rvol, Arbitraries.of(Direction.class))
                .as((s, r, dir) -> candidate(s, dir, r))
                .list().ofMaxSize(40).uniqueElements(Candidate::symbol);
    }
}
