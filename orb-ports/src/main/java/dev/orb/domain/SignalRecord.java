package dev.orb.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One selected candidate and what became of it (the audit trail's first link).
 *
 * @param session       session date
 * @param symbol        the ticker
 * @param direction     LONG or SHORT
 * @param rvol          relative volume (finite, ≥ 0)
 * @param rank          1-based rank
 * @param entry         planned entry, or null if none could be computed
 * @param stop          planned protective stop, or null
 * @param shares        planned shares (0 when skipped)
 * @param createdAt     when the engine decided
 * @param status        submitted, rejected or skipped
 * @param clientOrderId the entry order's id when submitted, else null
 * @param reason        rejection or skip reason, else empty
 */
public record SignalRecord(LocalDate session, Symbol symbol, Direction direction, double rvol, int rank, Price entry,
                           Price stop, long shares, Instant createdAt, SignalStatus status, ClientOrderId clientOrderId,
                           String reason) {
    public SignalRecord {
        Require.nonNull(session, "SignalRecord.session");
        Require.nonNull(symbol, "SignalRecord.symbol");
        Require.nonNull(direction, "SignalRecord.direction");
        Require.finiteNonNegative(rvol, "SignalRecord.rvol");
        Require.positive(rank, "SignalRecord.rank");
        Require.nonNegative(shares, "SignalRecord.shares");
        Require.nonNull(createdAt, "SignalRecord.createdAt");
        Require.nonNull(status, "SignalRecord.status");
        Require.nonNull(reason, "SignalRecord.reason");
        if (!((status == SignalStatus.SUBMITTED) == (clientOrderId != null))) {
            throw new InvalidValueException("SignalRecord.clientOrderId: required exactly when SUBMITTED (" + symbol + " " + status + ")");
        }
    }
}
