package dev.orb.adapter.polygon.internal;

import java.time.Duration;

import dev.orb.adapter.polygon.PolygonException;
import dev.orb.adapter.polygon.PolygonRateLimitException;
import dev.orb.adapter.polygon.PolygonUnavailableException;

/**
 * An attempt failed in a way that asking again may fix (429, 5xx, timeout, reset). Never leaves the adapter: when
 * retries run out it becomes the typed {@link PolygonException} of {@link #exhausted(int)}.
 */
final class TransientFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final int httpStatus;
    private final String reason;
    private final transient Duration retryAfter;

    TransientFailure(String endpoint, int httpStatus, String reason, Duration retryAfter, Throwable cause) {
        super(endpoint + ": " + reason, cause, false, false);
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After}, or null. */
    Duration retryAfter() {
        return retryAfter;
    }

    String reason() {
        return reason;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** The exception callers see after {@code attempts} failed attempts. */
    PolygonException exhausted(int attempts) {
        String why = reason + " (gave up after " + attempts + (attempts == 1 ? " attempt)" : " attempts)");
        return httpStatus == 429
                ? new PolygonRateLimitException(endpoint, httpStatus, why, getCause())
                : new PolygonUnavailableException(endpoint, httpStatus, why, getCause());
    }
}
