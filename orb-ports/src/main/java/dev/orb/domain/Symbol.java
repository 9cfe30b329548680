package dev.orb.domain;

import java.util.regex.Pattern;

/**
 * A US equity ticker as the data providers spell it: 1 to 10 characters of letters, digits, '.', '-' or
 * '/'. Case is preserved because Polygon uses lower case to mark share classes ({@code KIMpL}); orb never
 * changes a symbol it was given.
 *
 * @param value the ticker, e.g. {@code AAPL}, {@code BRK.B}
 */
public record Symbol(String value) implements Comparable<Symbol> {
    /** Longest accepted ticker. */
    public static final int MAX_LENGTH = 10;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,9}");

    public Symbol {
        Require.nonNull(value, "Symbol.value");
        if (!(VALID.matcher(value).matches())) {
            throw new InvalidValueException("Symbol.value: '" + printable(value) + "' is not a ticker (1-" + MAX_LENGTH
                        + " letters, digits, '.', '-', '/', starting with a letter or digit)");
        }
    }

    /** Shorthand for {@code new Symbol(value)}. */
    public static Symbol of(String value) {
        return new Symbol(value);
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        StringBuilder b = new StringBuilder();
        for (char c : cut.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.toString();
    }
}
