package dev.orb.core.session;

/**
 * Observes a {@link SessionRunner}: the dashboard, metrics and tests listen here. Called on the runner's thread
 * after each event; implementations must be quick and must not call back into the runner synchronously.
 * Every method has a no-op default.
 */
public interface EngineListener {
    /** A listener that ignores everything. */
    EngineListener NONE = new EngineListener() {
    };

    /** An event was applied; {@code decision} holds the new state and the commands that were run. */
    default void onDecision(EngineEvent event, Decision decision) {
    }

    /** The engine raised an alert. */
    default void onAlert(Command.Alert alert) {
    }
}
