package dev.orb.dashboard.internal;

/**
 * The one HTML-escaping helper: every piece of text that did not come from this module's own constants (symbols,
 * log messages, broker errors, user names, request parameters) goes through {@link #escape} before it reaches a
 * page, in element content and in double-quoted attribute values alike.
 */
public final class Html {
    private Html() {
    }

    /**
     * {@code text} with {@code & < > " '} replaced by entities and control characters (other than tab, newline
     * and carriage return) by U+FFFD; null becomes the empty string. Safe in element content and in quoted
     * attribute values; not in unquoted attributes, URLs' schemes, scripts or styles, which this module never
     * builds from outside text.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f ? "\uFFFD" : null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                    out.append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code value} encoded for a URL query component (UTF-8), then escaped for an attribute. */
    public static String queryValue(String value) {
        return escape(java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8));
    }
}
