package dev.orb.core.sync;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Running totals kept by a market-data adapter that the {@link dev.orb.ports.MarketData} port does not carry: HTTP
 * requests sent (retries and pages included) and vendor rows skipped by its validation. The sync reports the
 * difference between the start and the end of a run. Wire it with method references, e.g.
 * {@code VendorCounters.of(polygon::requestsMade, polygon::rowsSkipped)}. Must be safe for concurrent use.
 */
public interface VendorCounters {
    /** No vendor totals: the sync counts its own market-data calls as requests. */
    VendorCounters NONE = of(() -> -1, () -> 0);

    /** Requests sent so far, or a negative number when unknown. */
    long requests();

    /** Rows skipped so far. */
    long rowsSkipped();

    /** Counters read from two suppliers. */
    static VendorCounters of(LongSupplier requests, LongSupplier rowsSkipped) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(rowsSkipped, "rowsSkipped");
        return new VendorCounters() {
            @Override
            public long requests() {
                return requests.getAsLong();
            }

            @Override
            public long rowsSkipped() {
                return rowsSkipped.getAsLong();
            }
        };
    }
}
