package dev.orb.core.sync;

import dev.orb.domain.OrbException;

/** A {@link NightlySync} run was asked for while another one is running (e.g. the dashboard during the nightly job). */
public final class SyncInProgressException extends OrbException {
    private static final long serialVersionUID = 1L;

    public SyncInProgressException(String message) {
        super(message);
    }
}
