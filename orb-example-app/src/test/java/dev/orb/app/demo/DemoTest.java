package dev.orb.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orb.domain.TradingSession;

/**
 * The demo end to end, in this JVM: two generated sessions replayed as fast as the machine goes through the live
 * scheduler, the engine, the simulated broker and H2, then read and controlled through the dashboard's JSON API
 * with the printed credential.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Demo demo;
    private String printed;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    void replayTwoSessions(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        demo = Demo.start(new DemoOptions(dir.resolve("db"), Optional.empty(), Demo.DEFAULT_FROM, 2, 100, 1, 1e7,
                new BigDecimal("100000"), "127.0.0.1", 0), new PrintWriter(out, true));
        assertThat(demo.awaitReplay(Duration.ofMinutes(5))).as("replay finished").isTrue();
        printed = out.toString();
    }

    @AfterAll
    void close() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void credential_isPrintedOnceWithTheAddress() {
        assertThat(printed).contains("http://127.0.0.1:" + demo.port() + "/");
        assertThat(demo.password()).hasSizeGreaterThanOrEqualTo(24);
        int first = printed.indexOf(demo.password());
        assertThat(first).isPositive();
        assertThat(printed.indexOf(demo.password(), first + 1)).isEqualTo(-1);
    }

    @Test
    void replayedSessions_produceSignalsAndTradesInTheApi() throws Exception {
        int signals = 0;
        for (TradingSession s : demo.sessions()) {
            signals += getJson("api/signals?date=" + s.date()).get("signals").size();
        }
        assertThat(signals).as("signals of the replayed sessions").isPositive();
        JsonNode trades = getJson("api/trades?from=" + demo.sessions().get(0).date() + "&to="
                + demo.sessions().get(demo.sessions().size() - 1).date());
        assertThat(trades.get("total").asInt()).as("closed trades").isPositive();
        // flat after each EOD: the simulated broker of the last session holds nothing
        assertThat(getJson("api/positions").get("positions").size()).isZero();
    }

    @Test
    void killSwitch_needsTheCredentialAndTheCsrfToken() throws Exception {
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(uri("api/system/kill-switch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("engaged=true&reason=test")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(post("engaged=true&reason=no-token", null).statusCode()).isEqualTo(403);
        assertThat(getJson("api/system/state").toString()).doesNotContain("no-token");

        String token = getJson("api/csrf").get("token").asText();
        HttpResponse<String> on = post("engaged=true&reason=demo-test", token);
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        JsonNode state = getJson("api/system/state");
        assertThat(state.toString()).contains("demo-test");
        assertThat(JSON.readTree(on.body()).get("killSwitch").get("engaged").asBoolean()).isTrue();
    }

    @Test
    void healthAndMetrics_answerWithoutTheCredential() throws Exception {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode h = JSON.readTree(health.body());
        assertThat(h.get("status").asText()).isEqualTo("UP");
        assertThat(h.get("storage").asText()).isEqualTo("ok");
        assertThat(h.get("broker").asText()).isEqualTo("ok");
        // the start-up sync and one after each replayed close (3 in the metrics below)
        assertThat(h.get("lastSync").asText()).endsWith("COMPLETED");
        assertThat(h.get("nextTask").asText()).contains("SESSION_START");
        assertThat(health.body()).doesNotContain(demo.password());

        HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(uri("metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("orb_orders_submitted", "orb_orders_rejected", "orb_orders_filled",
                "orb_positions_open 0.0", "orb_kill_switch_engaged",
                "orb_sync_duration_seconds_count{outcome=\"COMPLETED\"} 3");
    }

    private HttpResponse<String> post(String form, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = authorized("api/system/kill-switch")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            b.header("X-CSRF-Token", token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String relative) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(authorized(relative).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + relative + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpRequest.Builder authorized(String relative) {
        return HttpRequest.newBuilder(uri(relative)).timeout(Duration.ofSeconds(10)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((Demo.USER + ":" + demo.password())
                .getBytes(StandardCharsets.UTF_8)));
    }

    private URI uri(String relative) {
        return URI.create("http://127.0.0.1:" + demo.port() + "/" + relative);
    }
}
