package dev.orb.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import dev.orb.ports.OrbClock;
import dev.orb.sim.backtest.BacktestListener;

/** A one-line progress bar on a terminal: sessions done/total, minute rows per second, ETA. */
final class ProgressBar implements BacktestListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final OrbClock clock;
    private long started;
    private long lastDrawn;

    ProgressBar(PrintWriter err, OrbClock clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public void onStart(List<LocalDate> sessions, int warmupSessions) {
        started = clock.monotonicNanos();
    }

    @Override
    public void onSessionDone(int done, int total, LocalDate session, long minuteRows, int trades) {
        long now = clock.monotonicNanos();
        if (done < total && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        int filled = (int) ((long) WIDTH * done / total);
        double eta = seconds / done * (total - done);
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d sessions %s  %.1f M bars/s  %d trades  ETA %s ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, session, minuteRows / seconds / 1e6,
                trades, eta < 1 ? "0s" : String.format(Locale.ROOT, "%.0fs", eta)));
        if (done == total) {
            err.println();
        }
        err.flush();
    }
}
