package dev.orb.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orb.adapter.jdbc.JdbcConfig;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.fakes.FakeBroker;
import dev.orb.core.fakes.InMemoryMarketData;
import dev.orb.core.fakes.ManualClock;
import dev.orb.domain.TradingMode;

/**
 * The wiring of {@code orb run} on orb-core's fakes instead of Alpaca and Polygon (no network): the calendar
 * cross-check, the scheduler's plan on the clock, the dashboard with health, and the graceful close.
 */
class LiveAppTest {
    private static final LocalDate MONDAY = LocalDate.of(2024, 6, 3);

    @TempDir
    Path dir;

    @Test
    void startsOnTheFakes_reportsHealth_warnsOnACalendarMismatch_andClosesGracefully() throws Exception {
        ManualClock clock = ManualClock.at(MONDAY, LocalTime.of(8, 0));
        FakeBroker broker = new FakeBroker(clock, new BigDecimal("100000"));
        AppConfig config = AppConfig.load(Optional.empty(), Map.of());
        JdbcStorage storage = JdbcStorage.create(JdbcConfig.h2File(dir));
        // the broker believes 4 June is a holiday: a warning, not a refusal
        LiveApp.Adapters adapters = new LiveApp.Adapters(broker, new InMemoryMarketData(), new InMemoryMarketData(),
                Optional.of(NyseCalendar.standard().withClosures(List.of(LocalDate.of(2024, 6, 4)))), List.of(),
                TradingMode.PAPER, List.of("secret-key"));
        StringWriter out = new StringWriter();
        LiveApp app = LiveApp.start(config, storage, adapters, clock, "127.0.0.1", 0, new PrintWriter(out, true));
        int port = app.port();
        try {
            assertThat(out.toString()).contains("WARN calendar mismatch on 2024-06-04")
                    .contains("orb run: PAPER trading; next task")
                    .contains("password: " + app.password());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            JsonNode h = new ObjectMapper().readTree(health.body());
            assertThat(h.get("status").asText()).isEqualTo("UP");
            // 08:00 on a Monday: the next task is that session's start, 10 minutes before the open
            assertThat(h.get("nextTask").asText()).contains("SESSION_START").contains("2024-06-03");
            assertThat(app.scheduler().currentDay()).isEmpty();
        } finally {
            app.close();
        }
        app.close(); // idempotent
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }
}
