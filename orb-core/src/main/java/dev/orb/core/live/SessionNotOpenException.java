package dev.orb.core.live;

import dev.orb.domain.OrbException;

/** An operator control that needs an open session was used before the session opened (or after it was closed). */
public final class SessionNotOpenException extends OrbException {
    private static final long serialVersionUID = 1L;

    public SessionNotOpenException(String message) {
        super(message);
    }
}
