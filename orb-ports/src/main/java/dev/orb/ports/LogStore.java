package dev.orb.ports;

import java.util.List;

import dev.orb.domain.LogRecord;

/** Log lines kept for the dashboard. Safe for concurrent use. */
public interface LogStore {
    /** Appends a batch of log lines atomically. */
    void appendLogs(List<LogRecord> records);

    /** The most recent {@code limit} log lines, newest first. */
    List<LogRecord> recentLogs(int limit);
}
