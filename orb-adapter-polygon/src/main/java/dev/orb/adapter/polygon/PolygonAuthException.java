package dev.orb.adapter.polygon;

/**
 * The key was refused (HTTP 401 or 403, or {@code status: NOT_AUTHORIZED}): unknown key or a plan without
 * this data. Not retried; the caller must fix the configuration.
 */
public final class PolygonAuthException extends PolygonException {
    private static final long serialVersionUID = 1L;

    /** See {@link PolygonException#PolygonException(String, int, String, Throwable)}. */
    public PolygonAuthException(String endpoint, int httpStatus, String reason, Throwable cause) {
        super(endpoint, httpStatus, reason, cause);
    }
}
