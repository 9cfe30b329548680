package dev.orb.core.sync;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import dev.orb.domain.Symbol;
import dev.orb.ports.OrbClock;
import org.slf4j.Logger;

/**
 * The counters and the clock of one run: requests, skipped rows, units done per phase, elapsed time and the ETA
 * (elapsed per unit × units left, on the {@link OrbClock}'s monotonic time). Reports each step to the log and to
 * the listener. Used by one thread.
 */
final class SyncMeter {
    private final OrbClock clock;
    private final VendorCounters counters;
    private final SyncListener listener;
    private final Logger log;
    private final long runStart;
    private final long vendorRequestsAtStart;
    private final long vendorSkippedAtStart;
    private long calls;
    private long ownSkipped;
    private SyncPhase phase = SyncPhase.DAILY_BARS;
    private int total;
    private int done;
    private long phaseStart;
    private boolean listenerFailed;

    SyncMeter(OrbClock clock, VendorCounters counters, SyncListener listener, Logger log) {
        this.clock = clock;
        this.counters = counters;
        this.listener = listener;
        this.log = log;
        this.runStart = clock.monotonicNanos();
        this.phaseStart = runStart;
        this.vendorRequestsAtStart = counters.requests();
        this.vendorSkippedAtStart = counters.rowsSkipped();
    }

    void beginPhase(SyncPhase next, int units) {
        phase = next;
        total = units;
        done = 0;
        phaseStart = clock.monotonicNanos();
        emit();
    }

    void marketDataCall() {
        calls++;
    }

    void unitDone(String what) {
        done = Math.min(total, done + 1);
        SyncProgress p = emit();
        log.info("Nightly sync {} {}/{}: {}; {} requests, {} rows skipped, elapsed {}{}", phase, done, total, what,
                p.requestsMade(), p.rowsSkipped(), p.elapsed(), p.eta().map(eta -> ", ETA " + eta).orElse(""));
    }

    void rowSkipped(Symbol symbol, LocalDate date, String reason) {
        ownSkipped++;
        log.warn("Nightly sync: skipped {} {}: {}", symbol, date, reason);
    }

    /** Vendor requests since the start when the vendor counts them, else market-data calls. */
    long requests() {
        return vendorRequestsAtStart < 0 ? calls : counters.requests() - vendorRequestsAtStart;
    }

    long rowsSkipped() {
        return counters.rowsSkipped() - vendorSkippedAtStart + ownSkipped;
    }

    Duration sinceRunStart() {
        return Duration.ofNanos(clock.monotonicNanos() - runStart);
    }

    private SyncProgress emit() {
        long elapsed = clock.monotonicNanos() - phaseStart;
        Optional<Duration> eta = done == 0 ? Optional.empty()
                : Optional.of(Duration.ofNanos((long) (elapsed / (double) done * (total - done))));
        SyncProgress p = new SyncProgress(phase, done, total, Duration.ofNanos(elapsed), eta, requests(),
                rowsSkipped());
        try {
            listener.progress(p);
        } catch (RuntimeException e) {
            // Once with the stack trace; a listener that always throws must not bury the sync's own log.
            if (!listenerFailed) {
                listenerFailed = true;
                log.warn("SyncListener.progress threw; ignored for the rest of the run's log", e);
            } else {
                log.debug("SyncListener.progress threw again: {}", e.toString());
            }
        }
        return p;
    }
}
