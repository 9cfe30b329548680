package dev.orb.adapter.polygon;

import dev.orb.ports.MarketDataException;

/**
 * A Polygon request failed. The message names the endpoint (its path, never a key or cursor) and the reason;
 * subclasses say what kind of failure it was. The API key never appears in the message.
 */
public class PolygonException extends MarketDataException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final int httpStatus;
    private final String reason;

    /**
     * @param endpoint   the request path, e.g. {@code /v2/aggs/grouped/locale/us/market/stocks/2024-03-11}
     * @param httpStatus the HTTP status, or 0 when no response arrived
     * @param reason     what went wrong, already free of secrets
     * @param cause      the underlying failure, or null
     */
    public PolygonException(String endpoint, int httpStatus, String reason, Throwable cause) {
        super("Polygon GET " + endpoint + ": " + (httpStatus > 0 ? "HTTP " + httpStatus + " " : "") + reason, cause);
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    /** The request path, without query string. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status of the last response, or 0 when none arrived (timeout, connection reset). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The reason, as given by Polygon's error body when there was one. */
    public String reason() {
        return reason;
    }
}
