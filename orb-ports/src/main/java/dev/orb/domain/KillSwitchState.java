package dev.orb.domain;

import java.time.Instant;

/**
 * The persisted kill switch.
 *
 * @param engaged true when no new entry may be sent
 * @param by      who changed it last ("operator:alice", "daily-loss-limit", …)
 * @param at      when it changed
 * @param reason  why
 */
public record KillSwitchState(boolean engaged, String by, Instant at, String reason) {
    public KillSwitchState {
        Require.nonNull(by, "KillSwitchState.by");
        Require.nonNull(at, "KillSwitchState.at");
        Require.nonNull(reason, "KillSwitchState.reason");
    }

    /** The state of a fresh installation: off. */
    public static KillSwitchState initial() {
        return new KillSwitchState(false, "system", Instant.EPOCH, "initial state");
    }
}
