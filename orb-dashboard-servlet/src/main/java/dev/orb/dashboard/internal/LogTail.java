package dev.orb.dashboard.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.orb.domain.LogRecord;
import dev.orb.ports.LogStore;

/**
 * Finds the log lines stored since the last poll, for the live tail: it reads the newest lines of the
 * {@link LogStore} and keeps those it has not seen (by value, not by time, so that a batch written late with
 * older timestamps is still found). The first poll only learns what is there. More than {@code window} lines per
 * poll are not all found (the {@code /logs} search still has them). Used by the push thread only.
 */
final class LogTail {
    private final LogStore store;
    private final int window;
    private final Set<LogRecord> seen = new LinkedHashSet<>();
    private boolean primed;

    LogTail(LogStore store, int window) {
        this.store = store;
        this.window = window;
    }

    /** The new lines, oldest first. */
    List<LogRecord> poll() {
        List<LogRecord> newestFirst = store.recentLogs(window);
        List<LogRecord> fresh = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            LogRecord r = newestFirst.get(i);
            if (seen.add(r) && primed) {
                fresh.add(r);
            }
        }
        primed = true;
        // remember a few windows' worth, forgetting the oldest
        for (Iterator<LogRecord> it = seen.iterator(); seen.size() > 4 * window && it.hasNext();) {
            it.next();
            it.remove();
        }
        return fresh;
    }
}
