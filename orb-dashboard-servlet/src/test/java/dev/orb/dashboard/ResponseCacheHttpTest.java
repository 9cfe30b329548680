package dev.orb.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orb.core.session.Command;
import dev.orb.core.session.EngineEvent;
import dev.orb.dashboard.internal.ResponseCache;
import dev.orb.domain.LogRecord;
import dev.orb.domain.TradingMode;

/**
 * The read API's micro-cache, over HTTP against Jetty on H2: kept answers are really served again, and none
 * survives an action, an engine event or a broker refresh. The oracle is a second dashboard on the same stores,
 * broker and feed with the cache off: right after each change, every cacheable answer of the cached dashboard must
 * equal the oracle's, byte for byte.
 *
 * <p>The fixture's manual clock never moves its monotonic time by itself, so a kept answer never expires by age
 * here: only an invalidation can replace it (the age limit is tested by moving the clock).
 */
class ResponseCacheHttpTest {
    /** Every cacheable read, with the parameters the pages use. */
    static final List<String> READS = List.of("api/positions", "api/account", "api/system/state",
            "api/trades?limit=50", "api/trades?status=OPEN", "api/signals?date=2024-03-14",
            "api/signals?date=2024-03-14&status=ACTIVE", "api/metrics?from=2024-03-01&to=2024-03-14",
            "api/equity?from=2024-03-01&to=2024-03-14", "api/pnl/intraday", "api/logs?limit=100",
            "api/scanner/today?date=2024-03-14", "api/scanner/universe?date=2024-03-14");

    @TempDir
    Path dir;
    TradingFixture fixture;
    TestServer cached;
    TestServer oracle;
    Http http;
    Http truth;
    final List<TradingMode> switches = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fixture = TradingFixture.onH2(dir);
        // a scanner whose jobs leave a trace in the stores that no live event announces: only the action's own
        // invalidation can make the logs answer fresh
        ScannerServices scanner = new ScannerServices() {
            @Override
            public ServiceReport runScan(String operator) {
                fixture.storage.appendLogs(List.of(new LogRecord(fixture.clock.now(), "INFO", "host.Scanner",
                        "scan run by " + operator, "scan")));
                return ServiceReport.ok("scan done");
            }

            @Override
            public ServiceReport syncMarketData(String operator) {
                fixture.storage.appendLogs(List.of(new LogRecord(fixture.clock.now(), "INFO", "host.Sync",
                        "sync run by " + operator, "sync")));
                return ServiceReport.ok("sync done");
            }

            @Override
            public ServiceReport health() {
                return ServiceReport.ok("healthy");
            }
        };
        // one set of controls for both (the paper/live mode lives there); a slow push loop: after its first broker
        // refresh at start, nothing but the test invalidates
        SessionControls controls = SessionControls.builder(fixture.runner, fixture.broker, fixture.clock)
                .modeSwitch((mode, operator) -> switches.add(mode), fixture.storage)
                .scanner(scanner)
                .build();
        cached = TestServer.start(config(controls).build(), "/dash/*", false);
        oracle = TestServer.start(config(controls).responseCacheTtl(Duration.ZERO).build(), "/dash/*", false);
        http = new Http(cached, Setup.USER, Setup.PASSWORD);
        truth = new Http(oracle, Setup.USER, Setup.PASSWORD);
    }

    private DashboardConfig.Builder config(DashboardControls controls) {
        return DashboardConfig.builder(fixture.clock, fixture.dashboardBroker, fixture.storage, fixture.audit)
                .liveFeed(fixture.feed)
                .controls(controls)
                .logStore(fixture.storage)
                .maintenance(fixture.maintenance, fixture.storage)
                .basicAuth(Setup.USER, Setup.PASSWORD)
                .pushInterval(Duration.ofMinutes(1))
                .brokerRefresh(Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() throws Exception {
        cached.close();
        oracle.close();
        fixture.close();
    }

    @Test
    void noKeptAnswerSurvivesAnAction() throws Exception {
        // an old line for the clean-up to delete
        fixture.storage.appendLogs(List.of(new LogRecord(fixture.clock.now().minus(Duration.ofDays(40)), "INFO",
                "old", "from last month", "main")));
        String token = http.csrf();
        Map<String, Runnable> actions = new LinkedHashMap<>();
        actions.put("kill switch on", () -> post(token, "api/system/kill-switch", "engaged", "true", "reason", "news"));
        actions.put("kill switch off", () -> post(token, "api/system/kill-switch", "engaged", "false", "reason", "ok"));
        actions.put("force-close", () -> post(token, "api/system/force-close", "symbol", "AAA"));
        actions.put("flatten all", () -> post(token, "api/system/flatten-all"));
        actions.put("mode switch", () -> post(token, "api/system/trading-mode", "mode", "LIVE", "confirm", "true"));
        actions.put("scanner run", () -> post(token, "api/scanner/run"));
        actions.put("scanner sync", () -> post(token, "api/scanner/sync"));
        actions.put("clean-up", () -> post(token, "api/scanner/cleanup"));
        for (Map.Entry<String, Runnable> action : actions.entrySet()) {
            Map<String, String> before = warm();
            action.getValue().run();
            Map<String, String> after = freshAndTrue(action.getKey());
            assertThat(after).as("%s changes some answer (else this proves nothing)", action.getKey())
                    .isNotEqualTo(before);
        }
        assertThat(switches).containsExactly(TradingMode.LIVE);
    }

    @Test
    void aRefusedActionInvalidatesToo() throws Exception {
        String token = http.csrf();
        warm();
        HttpResponse<String> r = http.post("api/system/trading-mode", token, "mode", "LIVE");
        assertThat(r.statusCode()).isEqualTo(409);
        freshAndTrue("refused mode switch");
    }

    @Test
    void engineEventsAndAlertsInvalidate() throws Exception {
        Map<String, String> before = warm();
        // the host's own controls, not the dashboard's: the engine decides, the feed hears of it
        fixture.runner.feed(new EngineEvent.KillSwitchEngaged(fixture.clock.now(), "host", "from the host"));
        Map<String, String> after = freshAndTrue("engine kill switch");
        assertThat(after.get("api/account")).isNotEqualTo(before.get("api/account")).contains("from the host");

        warm();
        fixture.feed.onAlert(new Command.Alert(Command.Severity.WARNING, "an alert"));
        assertThat(freshAndTrue("alert").get("api/system/state")).isNotEqualTo(after.get("api/system/state"));
    }

    @Test
    void aBrokerRefreshInvalidates() throws Exception {
        try (TestServer fast = TestServer.start(Setup.config(fixture, switches).pushInterval(Duration.ofMillis(200))
                .brokerRefresh(Duration.ofMillis(200)).build(), "/dash/*", false)) {
            Http h = new Http(fast, Setup.USER, Setup.PASSWORD);
            assertThat(h.getJson("api/positions").get("error").isNull()).isTrue();
            fixture.dashboardBroker.failReads("broker down");
            // the kept answer has no error; only the refresh's invalidation can bring the new one
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!h.getJson("api/positions").get("error").asText().equals("broker down")) {
                if (System.nanoTime() > deadline) {
                    fail("the broker's error never reached /api/positions");
                }
                Thread.sleep(50);
            }
        } finally {
            fixture.dashboardBroker.failReads(null);
        }
    }

    @Test
    void keptAnswersAreServedAgain_untilTheirTtl() throws Exception {
        warm();
        // a line the host writes straight into the store: no live event announces it
        fixture.storage.appendLogs(List.of(new LogRecord(fixture.clock.now(), "INFO", "host", "written directly",
                "main")));
        HttpResponse<String> kept = http.get("api/logs?limit=100");
        assertThat(kept.headers().firstValue(ResponseCache.HEADER)).hasValue("hit");
        assertThat(kept.body()).doesNotContain("written directly");
        assertThat(truth.get("api/logs?limit=100").body()).contains("written directly");

        fixture.clock.advance(DashboardConfig.DEFAULT_RESPONSE_CACHE_TTL);
        HttpResponse<String> expired = http.get("api/logs?limit=100");
        assertThat(expired.headers().firstValue(ResponseCache.HEADER)).hasValue("miss");
        assertThat(expired.body()).isEqualTo(truth.get("api/logs?limit=100").body()).contains("written directly");
    }

    @Test
    void answersAreKeptPerUserAndPerQuery() throws Exception {
        try (TestServer open = TestServer.start(Setup.config(fixture, switches).publicReadOnly(true)
                .pushInterval(Duration.ofMinutes(1)).brokerRefresh(Duration.ofMinutes(10)).build(), "/dash/*",
                false)) {
            Http alice = new Http(open, Setup.USER, Setup.PASSWORD);
            Http anonymous = new Http(open, null, null);
            hit(alice, "api/system/state");
            assertThat(alice.getJson("api/system/state").get("authenticated").asBoolean()).isTrue();
            assertThat(anonymous.getJson("api/system/state").get("authenticated").asBoolean()).isFalse();
            hit(alice, "api/trades?limit=2");
            assertThat(alice.getJson("api/trades?limit=2").get("items")).hasSize(2);
            assertThat(alice.getJson("api/trades?limit=3").get("items")).hasSize(3);
        }
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() throws Exception {
        HttpResponse<String> r = truth.get("api/logs?limit=100");
        assertThat(r.headers().firstValue(ResponseCache.HEADER)).isEmpty();
        fixture.storage.appendLogs(List.of(new LogRecord(Instant.parse("2024-03-14T14:15:00Z"), "INFO", "host",
                "seen at once", "main")));
        assertThat(truth.get("api/logs?limit=100").body()).contains("seen at once");
    }

    @Test
    void pagesTheStreamAndTheCsrfTokenAreNeverKept() throws Exception {
        for (String path : List.of("", "signals", "api/csrf", "api/trades.csv", "api/scanner/health")) {
            assertThat(http.get(path).headers().firstValue(ResponseCache.HEADER)).as(path).isEmpty();
        }
    }

    /** Reads every cacheable answer until each comes from the cache; returns them. */
    private Map<String, String> warm() throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : READS) {
            answers.put(path, hit(http, path));
        }
        return answers;
    }

    /** GETs {@code path} until the answer is a cache hit (the push loop invalidates once, at start). */
    private static String hit(Http h, String path) throws Exception {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = h.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            if (r.headers().firstValue(ResponseCache.HEADER).orElse("").equals("hit")) {
                return r.body();
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " never came from the cache");
    }

    /** Every cacheable answer right after {@code what}: computed anew, and equal to the oracle's. */
    private Map<String, String> freshAndTrue(String what) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : READS) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.headers().firstValue(ResponseCache.HEADER)).as("%s after %s", path, what).hasValue("miss");
            assertThat(r.body()).as("%s after %s", path, what).isEqualTo(truth.get(path).body());
            answers.put(path, r.body());
        }
        return answers;
    }

    private void post(String token, String path, String... keyValues) {
        try {
            HttpResponse<String> r = http.post(path, token, keyValues);
            assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }
}
