package dev.orb.domain;

import java.time.Instant;

/**
 * One log line kept for the dashboard.
 *
 * @param time      when it was logged
 * @param level     TRACE, DEBUG, INFO, WARN or ERROR
 * @param component the logger name (or a short component name)
 * @param message   the formatted message, as logged (escaped only when rendered)
 * @param thread    the logging thread's name
 */
public record LogRecord(Instant time, String level, String component, String message, String thread) {
    public LogRecord {
        Require.nonNull(time, "LogRecord.time");
        Require.nonNull(level, "LogRecord.level");
        Require.nonNull(component, "LogRecord.component");
        Require.nonNull(message, "LogRecord.message");
        Require.nonNull(thread, "LogRecord.thread");
    }
}
