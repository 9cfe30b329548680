package dev.orb.dashboard.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Masks configured secrets (API keys, the dashboard's own password) wherever outside text is shown: a secret
 * logged by mistake, or echoed in a broker's error text, appears as {@value #MASK}. Immutable and thread-safe.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "••••";
    /** Secrets shorter than this are not masked: masking "a" would garble every text. */
    static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        // longest first, so that a secret containing another is masked whole
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= MIN_SECRET_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** {@code text} with every secret masked; null stays null. */
    public String clean(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }
}
