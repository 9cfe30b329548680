package dev.orb.core.config;

import java.util.List;

import dev.orb.domain.OrbException;

/** One or more configuration keys are invalid; {@link #problems()} names each key with its value and rule. */
public final class ConfigException extends OrbException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid orb configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per bad key, e.g. {@code "sizing.riskPerTrade: 0.2 must be in (0, 0.05]"}. */
    public List<String> problems() {
        return problems;
    }
}
