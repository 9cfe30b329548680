package dev.orb.core.strategy;

import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.DailyStats;
import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.Symbol;

/**
 * A symbol that passed the universe filter, has a direction (its opening range is not a doji) and has a relative
 * volume today (strategy.md §5, before the {@code scan.minRvol} filter).
 *
 * @param range     today's opening range
 * @param stats     the symbol's daily statistics for today
 * @param direction the direction of the range, {@code range.direction().get()}
 * @param rvol      today's relative volume, exact
 */
public record Candidate(OpeningRange range, DailyStats stats, Direction direction, Ratio rvol) {
    public Candidate {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(rvol, "rvol");
        if (!range.symbol().equals(stats.symbol())) {
            throw new InvalidValueException("Candidate.stats: symbol " + stats.symbol()
                    + " differs from the opening range's " + range.symbol());
        }
        Optional<Direction> rangeDirection = range.direction();
        if (rangeDirection.isEmpty() || rangeDirection.get() != direction) {
            throw new InvalidValueException("Candidate.direction: " + direction + " is not the direction of "
                    + range.symbol() + "'s opening range (" + rangeDirection.map(Direction::name).orElse("doji") + ")");
        }
    }

    /** The candidate's ticker. */
    public Symbol symbol() {
        return range.symbol();
    }
}
