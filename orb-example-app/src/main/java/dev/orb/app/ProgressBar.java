package dev.orb.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Whether this process's standard error is a terminal: on Linux, where /proc/self/fd/2 points; elsewhere
     * {@link System#console()} (which asks about standard input and output instead).
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

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
