package dev.orb.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client of the dashboard with a cookie jar, optional Basic credentials and the CSRF dance. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
            .build();
    private final TestServer server;
    private final String authorization;

    Http(TestServer server, String user, String password) {
        this.server = server;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String relative) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(relative)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    HttpResponse<String> get(String relative) throws IOException, InterruptedException {
        return client.send(request(relative).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String relative) throws IOException, InterruptedException {
        HttpResponse<String> r = get(relative);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + relative + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The CSRF token for this client's user (the cookie lands in the jar). */
    String csrf() throws IOException, InterruptedException {
        return getJson("api/csrf").get("token").asText();
    }

    /** A script's POST: form body, JSON answer, the token in the header when given. */
    HttpResponse<String> post(String relative, String token, String... keyValues) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(relative).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form(keyValues)));
        if (token != null) {
            b.header("X-CSRF-Token", token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    URI uri(String relative) {
        return server.uri(relative);
    }
}
