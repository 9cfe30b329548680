package dev.orb.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A client order id: 1 to 48 printable, non-blank ASCII characters (Alpaca's limit).
 *
 * <p>orb's own ids are deterministic — {@code orb-YYYYMMDD-SYMBOL-P-N} for session date, symbol, purpose
 * code and attempt — so a retry after a timeout can ask the broker whether the order already exists, and a
 * restarted process recognises its own orders. Ids of orders orb did not create are kept as they are;
 * {@link #parse()} is empty for them.
 *
 * @param value the id
 */
public record ClientOrderId(String value) {
    public static final int MAX_LENGTH = 48;
    private static final String PREFIX = "orb-";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public ClientOrderId {
        Require.nonNull(value, "ClientOrderId.value");
        if (!(!value.isEmpty() && value.length() <= MAX_LENGTH)) {
            throw new InvalidValueException("ClientOrderId.value: '" + value + "' must be 1-" + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c > 0x20 && c < 0x7f)) {
                throw new InvalidValueException("ClientOrderId.value: '" + value + "' contains a blank or non-ASCII character");
            }
        }
    }

    /** The deterministic id of orb's order for (session, symbol, purpose, attempt ≥ 1). */
    public static ClientOrderId of(LocalDate session, Symbol symbol, OrderPurpose purpose, int attempt) {
        Require.nonNull(session, "ClientOrderId.session");
        Require.nonNull(symbol, "ClientOrderId.symbol");
        Require.nonNull(purpose, "ClientOrderId.purpose");
        if (!(attempt >= 1 && attempt <= 9999)) {
            throw new InvalidValueException("ClientOrderId.attempt: " + attempt + " must be in 1..9999");
        }
        return new ClientOrderId(PREFIX + DATE.format(session) + "-" + symbol.value() + "-" + purpose.code() + "-" + attempt);
    }

    /** The parts of an orb id, or empty when orb did not create this id. */
    public Optional<Parts> parse() {
        if (!value.startsWith(PREFIX) || value.length() < PREFIX.length() + 8 + 6) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value.substring(PREFIX.length(), PREFIX.length() + 8), DATE);
            String rest = value.substring(PREFIX.length() + 9);
            int lastDash = rest.lastIndexOf('-');
            int purposeDash = rest.lastIndexOf('-', lastDash - 1);
            if (lastDash < 0 || purposeDash <= 0) {
                return Optional.empty();
            }
            Symbol symbol = Symbol.of(rest.substring(0, purposeDash));
            OrderPurpose purpose = OrderPurpose.ofCode(rest.substring(purposeDash + 1, lastDash));
            int attempt = Integer.parseInt(rest.substring(lastDash + 1));
            if (value.charAt(PREFIX.length() + 8) != '-' || !of(date, symbol, purpose, attempt).equals(this)) {
                return Optional.empty();
            }
            return Optional.of(new Parts(date, symbol, purpose, attempt));
        } catch (DateTimeParseException | InvalidValueException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }

    /** The components of one of orb's own ids. */
    public record Parts(LocalDate session, Symbol symbol, OrderPurpose purpose, int attempt) {
    }
}
