package dev.orb.dashboard.internal;

import java.util.Objects;

/**
 * A request that cannot be served, with the HTTP status, a stable machine code and a message for a person. The
 * dispatcher renders it as the one error shape of the API, {@code {"error":{"code","message","status"}}}, or as
 * an HTML error page.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
