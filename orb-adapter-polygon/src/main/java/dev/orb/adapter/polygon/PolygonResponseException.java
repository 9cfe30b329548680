package dev.orb.adapter.polygon;

/**
 * Polygon answered but the answer is unusable: a body that is not the documented JSON (truncated, wrong
 * shape), {@code status: ERROR}, or a client error such as 400 or 404. Not retried: asking again gets the same answer.
 */
public final class PolygonResponseException extends PolygonException {
    private static final long serialVersionUID = 1L;

    /** See {@link PolygonException#PolygonException(String, int, String, Throwable)}. */
    public PolygonResponseException(String endpoint, int httpStatus, String reason, Throwable cause) {
        super(endpoint, httpStatus, reason, cause);
    }
}
