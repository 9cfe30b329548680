package dev.orb.adapter.polygon;

/**
 * Polygon could not be reached or kept failing (HTTP 5xx, timeouts, connection resets) after every retry
 * allowed by {@link PolygonConfig#maxAttempts()}.
 */
public final class PolygonUnavailableException extends PolygonException {
    private static final long serialVersionUID = 1L;

    /** See {@link PolygonException#PolygonException(String, int, String, Throwable)}. */
    public PolygonUnavailableException(String endpoint, int httpStatus, String reason, Throwable cause) {
        super(endpoint, httpStatus, reason, cause);
    }
}
