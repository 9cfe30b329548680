package dev.orb.core.sync;

/**
 * Receives the progress of a {@link NightlySync} run, e.g. for the dashboard. Called on the thread that runs the
 * sync, in order; implementations must return quickly and must not throw (an exception is logged and ignored).
 * Every method has a no-op default.
 */
public interface SyncListener {
    /** Ignores everything. */
    SyncListener NONE = new SyncListener() {
    };

    /** After each unit of work, and once with {@code done = 0} when a phase begins. */
    default void progress(SyncProgress progress) {
    }

    /** Once at the end of a run, completed or failed. */
    default void finished(SyncReport report) {
    }
}
