package dev.orb.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One request and its response, with what every handler needs: the dashboard's base path (wherever the servlet
 * is mounted), the path below it, the authenticated user, the parameters (query, form or JSON body) and the
 * writers of JSON, HTML and redirects. Used by one request thread.
 */
public final class Exchange {
    /** Largest JSON body accepted for an action. */
    static final int MAX_BODY = 16 * 1024;
    /** The content type of JSON answers, with its charset (one header instead of two setter calls). */
    private static final String JSON_TYPE = "application/json;charset=UTF-8";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final String base;
    private final String path;
    private final String user;
    private Map<String, String> body;
    private String csrfToken;
    private boolean capture;
    private byte[] captured;

    public Exchange(HttpServletRequest request, HttpServletResponse response, String base, String path, String user) {
        this.request = request;
        this.response = response;
        this.base = base;
        this.path = path;
        this.user = user;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    /** The absolute path of the dashboard's root, ending with '/': {@code /ctx/dashboard/}. */
    public String base() {
        return base;
    }

    /** The path below the base, starting with '/'. */
    public String path() {
        return path;
    }

    /** The authenticated user, or null. */
    public String user() {
        return user;
    }

    /** {@code operator:<user>}, as the engine records who acted. */
    public String operator() {
        return "operator:" + user;
    }

    /** The page's CSRF token (set once per request by the dispatcher for authenticated users), or null. */
    public String csrfToken() {
        return csrfToken;
    }

    void csrfToken(String token) {
        this.csrfToken = token;
    }

    /** True when the request is an HTML form post (not a script's fetch), so the answer is a page or a redirect. */
    public boolean isFormPost() {
        String type = request.getContentType();
        String accept = request.getHeader("Accept");
        return type != null && type.startsWith("application/x-www-form-urlencoded")
                && (accept == null || accept.contains("text/html"));
    }

    /**
     * A parameter: from the query string, a form body, or the fields of a JSON body; blank values count as
     * absent. Returns null when absent.
     */
    public String param(String name) {
        String v = request.getParameter(name);
        if (v == null && "POST".equals(request.getMethod()) && isJson()) {
            v = jsonBody().get(name);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private boolean isJson() {
        String type = request.getContentType();
        return type != null && type.startsWith("application/json");
    }

    private Map<String, String> jsonBody() {
        if (body != null) {
            return body;
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw ApiError.badRequest("the request body could not be read");
        }
        if (bytes.length > MAX_BODY) {
            throw new ApiError(413, "too_large", "the request body exceeds " + MAX_BODY + " bytes");
        }
        Map<String, String> fields = new HashMap<>();
        if (bytes.length > 0) {
            JsonNode node = Json.parse(new String(bytes, StandardCharsets.UTF_8));
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                    fields.put(f.getKey(), f.getValue().asText());
                }
            }
        }
        body = fields;
        return body;
    }

    /** Writes a JSON answer: what {@code body} writes, streamed into a buffer, then sent with its length. */
    public void json(int status, Consumer<JsonOut> body) throws IOException {
        Json.Buffer b = Json.render(body);
        try {
            if (capture && status == 200) {
                captured = b.copy();
            }
            send(status, b.array(), b.size());
        } finally {
            b.release();
        }
    }

    /** Writes a JSON answer already rendered (a cached one). */
    void json(int status, byte[] body) throws IOException {
        send(status, body, body.length);
    }

    private void send(int status, byte[] body, int length) throws IOException {
        response.setStatus(status);
        response.setContentType(JSON_TYPE);
        response.setContentLength(length);
        response.getOutputStream().write(body, 0, length);
    }

    /** Asks {@link #json(int, Consumer)} to keep a copy of a 200 answer, for {@link #captured()}. */
    void capture() {
        this.capture = true;
    }

    /** The 200 JSON answer written since {@link #capture()}, or null. */
    byte[] captured() {
        return captured;
    }

    /** Writes an HTML page. */
    public void html(int status, String page) throws IOException {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Answers 303 See Other to a path below the base (never to anywhere else). */
    public void redirect(String relative) {
        response.setStatus(303);
        response.setHeader("Location", base + relative);
    }
}
