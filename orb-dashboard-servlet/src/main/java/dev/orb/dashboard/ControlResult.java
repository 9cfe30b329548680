package dev.orb.dashboard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of an operator's action: accepted (carried out, or handed to the engine) or refused with a reason
 * the operator can act on. The dashboard answers a refused action with HTTP 409 and the message.
 *
 * @param accepted true when the action was carried out
 * @param message  what happened or why not, for a person; never a secret
 * @param details  extra facts by name (counts, symbols, modes), in insertion order; may be empty
 */
public record ControlResult(boolean accepted, String message, Map<String, String> details) {
    public ControlResult {
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    /** An accepted action without details. */
    public static ControlResult accepted(String message) {
        return new ControlResult(true, message, Map.of());
    }

    /** A refused action. */
    public static ControlResult refused(String message) {
        return new ControlResult(false, message, Map.of());
    }

    /** A copy with one more detail. */
    public ControlResult with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new ControlResult(accepted, message, more);
    }
}
