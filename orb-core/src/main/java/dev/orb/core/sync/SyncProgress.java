package dev.orb.core.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.InvalidValueException;

/**
 * A snapshot of a running {@link NightlySync}, sent to the {@link SyncListener} after every unit of work.
 *
 * @param phase        what is being done
 * @param done         units finished in this phase (dates for {@link SyncPhase#DAILY_BARS}, market-data calls for
 *                     {@link SyncPhase#OPENING_VOLUMES}, 0 or 1 for {@link SyncPhase#UNIVERSE})
 * @param total        units of this phase, ≥ {@code done}
 * @param elapsed      time since the phase began, on the {@link dev.orb.ports.OrbClock}
 * @param eta          estimated time to finish the phase (elapsed per unit × units left); empty before the first
 *                     unit is done
 * @param requestsMade requests sent to the data vendor since the run began (or market-data calls, when the vendor
 *                     does not report them; see {@link VendorCounters})
 * @param rowsSkipped  invalid rows skipped since the run began, by the vendor adapter and by the sync
 */
public record SyncProgress(SyncPhase phase, int done, int total, Duration elapsed, Optional<Duration> eta,
                           long requestsMade, long rowsSkipped) {
    public SyncProgress {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(eta, "eta");
        if (done < 0 || done > total) {
            throw new InvalidValueException("SyncProgress.done: " + done + " must be in 0.." + total);
        }
    }

    /** Completed share of the phase in [0, 1]; 1 when the phase has no units. */
    public double fraction() {
        return total == 0 ? 1.0 : done / (double) total;
    }
}
