package dev.orb.core.live;

import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.core.session.Command;
import dev.orb.core.session.Command.Severity;
import dev.orb.core.session.EngineListener;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.TradingSession;

/**
 * What a {@link TradingDay} tells the operator: to the log and, as {@link Command.Alert}s, to the same
 * {@link EngineListener} that receives the engine's alerts (the dashboard shows both). A failure that repeats on
 * every tick is alerted once per streak, then logged. Used under the day's lifecycle lock only.
 */
final class DayAlerts {
    private static final Logger log = LoggerFactory.getLogger(TradingDay.class);

    private final TradingSession session;
    private final DayPlan plan;
    private final EngineListener listener;
    private final Set<String> failing = new HashSet<>();

    DayAlerts(TradingSession session, DayPlan plan, EngineListener listener) {
        this.session = session;
        this.plan = plan;
        this.listener = listener;
    }

    void alert(Severity severity, String message) {
        switch (severity) {
            case CRITICAL -> log.error("{}", message);
            case WARNING -> log.warn("{}", message);
            default -> log.info("{}", message);
        }
        listener.onAlert(new Command.Alert(severity, message));
    }

    void info(String message) {
        log.info("{}", message);
    }

    void warn(String message) {
        log.warn("{}", message);
    }

    /** A scan outcome that differs from the previous one. */
    void scan(ScanOutcome o) {
        String message = "scan of " + session.date() + ": " + o.status() + (o.detail().isEmpty() ? "" : ": " + o.detail());
        switch (o.status()) {
            case FED, NOT_STARTED, PAST_SCAN, CLOSED -> info(message);
            case LATE_START, DATA_UNAVAILABLE, INCOMPLETE_BARS, ASSETS_UNAVAILABLE -> alert(Severity.WARNING,
                    message + (o.status().retried() ? "; retrying until the entry window closes at " + windowEnd() : ""));
            default -> alert(Severity.CRITICAL, message);
        }
    }

    void scanAbandoned(ScanOutcome last) {
        alert(Severity.CRITICAL, "scan of " + session.date() + " abandoned: the entry window closed at " + windowEnd()
                + " with the inputs still missing (" + last.detail() + "): no entries today");
    }

    /** A tick's action succeeded: ends its failure streak, if any. */
    void succeeded(String what) {
        if (failing.remove(what)) {
            alert(Severity.INFO, what + " of " + session.date() + " works again");
        }
    }

    /** A tick's action failed: alerted at the start of a streak, logged after. */
    void failed(String what, RuntimeException e) {
        if (failing.add(what)) {
            alert(Severity.WARNING, what + " of " + session.date() + " failed: " + e.getMessage()
                    + " (retried on every tick)");
        } else {
            log.warn("{} of {} failed again: {}", what, session.date(), e.getMessage());
        }
    }

    private String windowEnd() {
        return DayPlan.newYorkTime(SessionSchedule.latestEntryTime(session, plan.config())).toString();
    }
}
