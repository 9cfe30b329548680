package dev.orb.domain;

/**
 * The scan's view of one symbol on one session: its opening range, relative volume, rank and planned prices.
 *
 * @param range     the opening range
 * @param rvol      relative volume, finite and ≥ 0, or NaN when it cannot be computed (no history)
 * @param rank      1-based rank among the candidates, or 0 when not a candidate
 * @param entry     planned entry (tick-rounded), or null when not a candidate
 * @param stop      planned protective stop, or null
 * @param selected  among the top N taken for trading
 * @param note      why it is not a candidate ("doji", "rvol below 1.0", …), or empty
 */
public record OpeningRangeRecord(OpeningRange range, double rvol, int rank, Price entry, Price stop, boolean selected,
                                 String note) {
    public OpeningRangeRecord {
        Require.nonNull(range, "OpeningRangeRecord.range");
        if (!(Double.isNaN(rvol) || (Double.isFinite(rvol) && rvol >= 0))) {
            throw new InvalidValueException("OpeningRangeRecord.rvol: " + rvol + " must be finite and ≥ 0, or NaN (" + range.symbol() + ")");
        }
        Require.nonNegative(rank, "OpeningRangeRecord.rank");
        Require.nonNull(note, "OpeningRangeRecord.note");
    }
}
