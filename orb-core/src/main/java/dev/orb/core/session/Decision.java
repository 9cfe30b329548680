package dev.orb.core.session;

import java.util.List;
import java.util.Objects;

/**
 * The result of one {@link SessionEngine#decide} step: the new state and the commands to carry out, in order.
 *
 * @param state    the state after the event
 * @param commands what to do, in order
 */
public record Decision(SessionState state, List<Command> commands) {
    public Decision {
        Objects.requireNonNull(state, "state");
        commands = List.copyOf(commands);
    }
}
