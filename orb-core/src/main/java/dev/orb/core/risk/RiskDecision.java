package dev.orb.core.risk;

import java.util.Objects;

/**
 * The verdict of a pre-trade check: accept, or reject with a reason. A value, not an exception, so that every
 * rejection can be recorded with its reason (safety.md "Pre-trade checks").
 */
public sealed interface RiskDecision permits RiskDecision.Accept, RiskDecision.Reject {
    /** The order may be sent. */
    static RiskDecision accept() {
        return Accept.INSTANCE;
    }

    /** True for {@link Accept}. */
    default boolean accepted() {
        return this instanceof Accept;
    }

    /** The order may be sent. */
    record Accept() implements RiskDecision {
        private static final Accept INSTANCE = new Accept();
    }

    /**
     * The order must not be sent.
     *
     * @param reason which check failed
     * @param detail the numbers behind it, e.g. {@code "3 open + 2 working + 1 > max 5"}
     */
    record Reject(RejectReason reason, String detail) implements RiskDecision {
        public Reject {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
