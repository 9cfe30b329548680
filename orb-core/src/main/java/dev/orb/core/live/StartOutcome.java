package dev.orb.core.live;

import java.time.Instant;
import java.util.Objects;

/** How {@link TradingDay#start()} ended: the session is reconciled and running, or it refuses to trade. */
public sealed interface StartOutcome {
    /** When the attempt ended. */
    Instant at();

    /**
     * The session is open (new, or rebuilt from its journal) and reconciled with the broker.
     *
     * @param late true when the reconciliation succeeded after the scan time while the session still awaited its
     *             scan: without {@code live.allowLateEntries} the day then places no entries
     */
    record Started(Instant at, boolean late) implements StartOutcome {
        public Started {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The start-up reconciliation failed (the broker could not be reached, storage failed): no scan is fed and
     * nothing is traded until a later attempt (each periodic tick retries) succeeds.
     *
     * @param reason what failed, from the exception's message
     */
    record Refused(Instant at, String reason) implements StartOutcome {
        public Refused {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
