package dev.orb.adapter.polygon;

/**
 * Polygon kept answering 429 (too many requests) after every retry allowed by
 * {@link PolygonConfig#maxAttempts()}: the plan's limit is lower than {@link PolygonConfig#requestsPerPeriod()} says.
 */
public final class PolygonRateLimitException extends PolygonException {
    private static final long serialVersionUID = 1L;

    /** See {@link PolygonException#PolygonException(String, int, String, Throwable)}. */
    public PolygonRateLimitException(String endpoint, int httpStatus, String reason, Throwable cause) {
        super(endpoint, httpStatus, reason, cause);
    }
}
