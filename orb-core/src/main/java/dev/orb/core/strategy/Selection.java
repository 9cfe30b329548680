package dev.orb.core.strategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;

/** Ranking and selection of candidates (strategy.md §5). Stateless and thread-safe. */
public final class Selection {
    /** Relative volume descending, compared exactly; ties by symbol ascending. A total order on distinct symbols. */
    public static final Comparator<Candidate> RANKING = (a, b) -> {
        int byRvol = b.rvol().compareTo(a.rvol());
        return byRvol != 0 ? byRvol : a.symbol().compareTo(b.symbol());
    };

    private Selection() {
    }

    /**
     * The candidates with {@code rvol ≥ scan.minRvol} (exact), sorted by {@link #RANKING}, the first
     * {@code scan.topN} of them.
     *
     * @return an unmodifiable list in rank order; independent of the order of {@code candidates}
     * @throws InvalidValueException if two candidates passing the filter have the same symbol
     */
    public static List<Candidate> select(Collection<Candidate> candidates, OrbConfig config) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(config, "config");
        List<Candidate> ranked = rank(candidates, Ratio.ofDecimal(config.scanMinRvol()));
        Set<Symbol> seen = new HashSet<>();
        for (Candidate c : ranked) {
            if (!seen.add(c.symbol())) {
                throw new InvalidValueException("Selection: two candidates for " + c.symbol());
            }
        }
        return List.copyOf(ranked.subList(0, Math.min(config.scanTopN(), ranked.size())));
    }

    /** All candidates with {@code rvol ≥ minRvol}, sorted by {@link #RANKING}; a new mutable list. */
    static List<Candidate> rank(Collection<Candidate> candidates, Ratio minRvol) {
        List<Candidate> passing = new ArrayList<>();
        for (Candidate c : candidates) {
            Objects.requireNonNull(c, "candidates contains null");
            if (c.rvol().compareTo(minRvol) >= 0) {
                passing.add(c);
            }
        }
        passing.sort(RANKING);
        return passing;
    }
}
