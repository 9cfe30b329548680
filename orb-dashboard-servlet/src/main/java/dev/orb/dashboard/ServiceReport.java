package dev.orb.dashboard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a host service reported: a scan run, a market-data sync or a health check.
 *
 * @param ok      true when the service did its work (or, for health, is healthy)
 * @param message a one-line summary for a person; never a secret
 * @param details facts by name (symbols scanned, bars written, last sync time…), in insertion order
 */
public record ServiceReport(boolean ok, String message, Map<String, String> details) {
    public ServiceReport {
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    /** A successful report without details. */
    public static ServiceReport ok(String message) {
        return new ServiceReport(true, message, Map.of());
    }

    /** A failed report without details. */
    public static ServiceReport failed(String message) {
        return new ServiceReport(false, message, Map.of());
    }
}
