package dev.orb.domain;

/** Why orb placed an order; part of its client order id. */
public enum OrderPurpose {
    /** The stop entry at the opening-range high or low. */
    ENTRY("E"),
    /** A protective stop placed on its own (reconciliation, or re-anchoring after a fill). */
    PROTECTIVE_STOP("S"),
    /** A market order closing a position (EOD, force-close, flatten). */
    EXIT("X");

    private final String code;

    OrderPurpose(String code) {
        this.code = code;
    }

    /** One-letter code used in client order ids. */
    public String code() {
        return code;
    }

    public static OrderPurpose ofCode(String code) {
        for (OrderPurpose p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new InvalidValueException("OrderPurpose: unknown code '" + code + "'");
    }
}
