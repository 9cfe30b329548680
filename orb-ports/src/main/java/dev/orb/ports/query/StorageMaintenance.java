package dev.orb.ports.query;

import java.time.Instant;

/**
 * Retention clean-up behind {@code /api/scanner/cleanup}; old daily bars are removed with
 * {@link dev.orb.ports.MarketStore#deleteDailyBarsBefore}. Safe for concurrent use.
 */
public interface StorageMaintenance {
    /**
     * Deletes the log lines logged strictly before {@code cutoff}, in one transaction.
     *
     * @return how many lines were deleted
     */
    int deleteLogsBefore(Instant cutoff);
}
