package dev.orb.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orb.core.session.Command;
import dev.orb.domain.TradingMode;

/** The JSON API, the CSV, the security rules and the actions, over HTTP against Jetty on H2 (no browser). */
class DashboardHttpTest {
    @TempDir
    Path dir;
    TradingFixture fixture;
    TestServer server;
    Http http;
    Http anonymous;
    final List<TradingMode> switches = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fixture = TradingFixture.onH2(dir);
        server = TestServer.start(Setup.config(fixture, switches).build(), "/dash/*", false);
        http = new Http(server, Setup.USER, Setup.PASSWORD);
        anonymous = new Http(server, null, null);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        fixture.close();
    }

    @Test
    void positions_moneyAndPricesAreExactDecimalStrings() throws Exception {
        JsonNode p = http.getJson("api/positions").get("positions");
        assertThat(p).hasSize(2);
        JsonNode aaa = p.get(0);
        assertThat(aaa.get("symbol").asText()).isEqualTo("AAA");
        assertThat(aaa.get("side").asText()).isEqualTo("LONG");
        assertThat(aaa.get("avgEntryPrice").isTextual()).isTrue();
        assertThat(aaa.get("avgEntryPrice").asText()).isEqualTo("50.55");
        assertThat(aaa.get("currentPrice").asText()).isEqualTo("50.80");
        // (50.80 − 50.55) × 396 shares
        assertThat(aaa.get("unrealizedPnl").asText()).isEqualTo("99.00");
        JsonNode bbb = p.get(1);
        assertThat(bbb.get("side").asText()).isEqualTo("SHORT");
        // (19.40 − 19.45) × −1026 shares (sized on the equity after two days)
        assertThat(bbb.get("quantity").asLong()).isEqualTo(-1026);
        assertThat(bbb.get("unrealizedPnl").asText()).isEqualTo("51.30");
        JsonNode account = http.getJson("api/account");
        assertThat(account.get("account").get("equity").isTextual()).isTrue();
        assertThat(account.get("mode").asText()).isEqualTo("PAPER");
        assertThat(account.get("killSwitch").get("engaged").asBoolean()).isFalse();
    }

    @Test
    void trades_arePaginatedNewestFirst() throws Exception {
        JsonNode first = http.getJson("api/trades?limit=3");
        assertThat(first.get("total").asLong()).isEqualTo(6);
        assertThat(first.get("items")).hasSize(3);
        assertThat(first.get("hasNext").asBoolean()).isTrue();
        assertThat(first.get("items").get(0).get("session").asText()).isEqualTo("2024-03-14");
        JsonNode second = http.getJson("api/trades?limit=3&offset=3");
        assertThat(second.get("items")).extracting(n -> n.get("session").asText())
                .containsExactly("2024-03-13", "2024-03-12", "2024-03-12");
        assertThat(second.get("hasNext").asBoolean()).isFalse();
        JsonNode day1 = http.getJson("api/trades?from=2024-03-12&to=2024-03-12&symbol=AAA");
        assertThat(day1.get("items")).singleElement().satisfies(t -> {
            assertThat(t.get("pnl").asText()).isEqualTo("-118.80");
            assertThat(t.get("exitReason").asText()).isEqualTo("STOP");
        });
    }

    @Test
    void badParameters_answerTheOneErrorShape() throws Exception {
        HttpResponse<String> r = http.get("api/trades?limit=0");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode e = Http.JSON.readTree(r.body()).get("error");
        assertThat(e.get("code").asText()).isEqualTo("bad_request");
        assertThat(e.get("status").asInt()).isEqualTo(400);
        assertThat(e.get("message").asText()).contains("limit");
        HttpResponse<String> missing = http.get("api/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.JSON.readTree(missing.body()).get("error").get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void csv_holdsTheExactRowsOfTheRange() throws Exception {
        HttpResponse<String> r = http.get("history.csv?from=2024-03-12&to=2024-03-12");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("session,symbol,side,shares,entry_time,entry_price,exit_time,exit_price,"
                + "exit_reason,commission,pnl,duration_seconds");
        // engine test numbers: AAA long 396 @ 50.55 stopped at 50.25 (−118.80); BBB short 1025 @ 19.45 to EOD
        assertThat(lines[1]).startsWith("2024-03-12,AAA,LONG,396,2024-03-12T13:41:00Z,50.55,2024-03-12T14:02:00Z,")
                .endsWith(",STOP,0.00,-118.80,1260");
        assertThat(lines[2]).startsWith("2024-03-12,BBB,SHORT,1025,2024-03-12T13:41:00Z,19.45,")
                .endsWith(",EOD,0.00,153.75,22440");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("", "signals", "api/positions", "assets/orb.js")) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void pagesNeedAuthentication_unlessPublicReadOnly() throws Exception {
        HttpResponse<String> page = anonymous.get("");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(anonymous.get("api/positions").statusCode()).isEqualTo(401);
        assertThat(new Http(server, Setup.USER, "wrong password").get("").statusCode()).isEqualTo(401);
        assertThat(new Http(server, "mallory", Setup.PASSWORD).get("").statusCode()).isEqualTo(401);

        try (TestServer open = TestServer.start(Setup.config(fixture, switches).publicReadOnly(true).build(), "/*",
                false)) {
            Http reader = new Http(open, null, null);
            HttpResponse<String> live = reader.get("");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("Sign in").doesNotContain("ks-form").doesNotContain("csrf-token");
            assertThat(reader.post("api/system/kill-switch", null, "engaged", "true", "reason", "x").statusCode())
                    .isEqualTo(401);
            assertThat(fixture.runner.state().killSwitch().engaged()).isFalse();
        }
    }

    @Test
    void actionWithoutAuth_isRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> r = anonymous.post("api/system/kill-switch", null, "engaged", "true", "reason", "test");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Http.JSON.readTree(r.body()).get("error").get("code").asText()).isEqualTo("unauthorized");
        assertThat(fixture.runner.state().killSwitch().engaged()).isFalse();
        assertThat(fixture.storage.killSwitch().engaged()).isFalse();
    }

    @Test
    void actionWithoutOrWithForgedCsrf_isRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> none = http.post("api/system/kill-switch", null, "engaged", "true", "reason", "test");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(Http.JSON.readTree(none.body()).get("error").get("code").asText()).isEqualTo("csrf");
        String token = http.csrf();
        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        assertThat(http.post("api/system/kill-switch", forged, "engaged", "true", "reason", "test").statusCode())
                .isEqualTo(403);
        // a token the cookie does not match (another browser's) is refused too
        Http other = new Http(server, Setup.USER, Setup.PASSWORD);
        String othersToken = other.csrf();
        assertThat(http.post("api/system/kill-switch", othersToken, "engaged", "true", "reason", "test").statusCode())
                .isEqualTo(403);
        assertThat(fixture.runner.state().killSwitch().engaged()).isFalse();
        assertThat(fixture.storage.killSwitch().engaged()).isFalse();
    }

    @Test
    void killSwitch_roundTripsThroughTheEngine() throws Exception {
        String token = http.csrf();
        HttpResponse<String> on = http.post("api/system/kill-switch", token, "engaged", "true", "reason", "news");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        JsonNode body = Http.JSON.readTree(on.body());
        assertThat(body.get("killSwitch").get("engaged").asBoolean()).isTrue();
        assertThat(body.get("killSwitch").get("by").asText()).isEqualTo("operator:alice");
        assertThat(fixture.runner.state().killSwitch().engaged()).isTrue();
        assertThat(fixture.storage.killSwitch().reason()).isEqualTo("news");
        HttpResponse<String> off = http.post("api/system/kill-switch", token, "engaged", "false", "reason", "clear");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(fixture.runner.state().killSwitch().engaged()).isFalse();
    }

    @Test
    void tradingModeSwitch_refusedUnlessConfirmedAndFlat() throws Exception {
        String token = http.csrf();
        HttpResponse<String> unconfirmed = http.post("api/system/trading-mode", token, "mode", "LIVE");
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        assertThat(Http.JSON.readTree(unconfirmed.body()).get("error").get("code").asText()).isEqualTo("refused");
        HttpResponse<String> notFlat = http.post("api/system/trading-mode", token, "mode", "LIVE", "confirm", "true");
        assertThat(notFlat.statusCode()).isEqualTo(409);
        assertThat(notFlat.body()).contains("not flat");
        assertThat(switches).isEmpty();

        HttpResponse<String> flatten = http.post("api/system/flatten-all", token);
        assertThat(flatten.statusCode()).as(flatten.body()).isEqualTo(200);
        assertThat(fixture.broker.positions()).isEmpty();
        assertThat(fixture.runner.state().killSwitch().engaged()).isTrue();
        HttpResponse<String> live = http.post("api/system/trading-mode", token, "mode", "LIVE", "confirm", "true");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(switches).containsExactly(TradingMode.LIVE);
        assertThat(fixture.storage.tradingMode()).isEqualTo(TradingMode.LIVE);
        assertThat(http.getJson("api/account").get("mode").asText()).isEqualTo("LIVE");
    }

    @Test
    void forceClose_closesOneSymbol_andRefusesAnUnknownOne() throws Exception {
        String token = http.csrf();
        HttpResponse<String> unknown = http.post("api/system/force-close", token, "symbol", "ZZZ");
        assertThat(unknown.statusCode()).isEqualTo(409);
        HttpResponse<String> bad = http.post("api/system/force-close", token, "symbol", "<b>");
        assertThat(bad.statusCode()).isEqualTo(400);
        HttpResponse<String> ok = http.post("api/system/force-close", token, "symbol", "AAA");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(fixture.broker.positions()).extracting(p -> p.symbol().value()).containsExactly("BBB");
    }

    @Test
    void actions_areRateLimitedPerUser() throws Exception {
        try (TestServer limited = TestServer.start(Setup.config(fixture, switches).actionsPerMinute(2).build(),
                "/dash/*", false)) {
            Http h = new Http(limited, Setup.USER, Setup.PASSWORD);
            String token = h.csrf();
            assertThat(h.post("api/scanner/run", token).statusCode()).isEqualTo(409);
            assertThat(h.post("api/scanner/run", token).statusCode()).isEqualTo(409);
            HttpResponse<String> third = h.post("api/scanner/run", token);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void cleanup_deletesOldLogLines() throws Exception {
        fixture.storage.appendLogs(List.of(new dev.orb.domain.LogRecord(fixture.clock.now().minus(
                java.time.Duration.ofDays(40)), "INFO", "old", "from last month", "main")));
        HttpResponse<String> r = http.post("api/scanner/cleanup", http.csrf());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Http.JSON.readTree(r.body()).get("details").get("logsDeleted").asText()).isEqualTo("1");
        assertThat(http.getJson("api/logs?q=last+month").get("total").asLong()).isZero();
    }

    @Test
    void logs_filterBySeverityComponentAndText() throws Exception {
        assertThat(http.getJson("api/logs?level=WARN").get("items")).extracting(n -> n.get("level").asText())
                .containsExactly("ERROR", "WARN");
        assertThat(http.getJson("api/logs?component=dev.orb.adapter").get("items"))
                .extracting(n -> n.get("component").asText())
                .containsExactly("dev.orb.adapter.alpaca.AlpacaBroker", "dev.orb.adapter.alpaca.Stream");
        assertThat(http.getJson("api/logs?q=STREAM+lost").get("items")).singleElement()
                .satisfies(n -> assertThat(n.get("message").asText()).isEqualTo("order-update stream lost: timeout"));
    }

    @Test
    void signalsAndMetrics_comeFromTheStoredAuditTrail() throws Exception {
        JsonNode s = http.getJson("api/signals?date=2024-03-14");
        assertThat(s.get("signals")).hasSize(3);
        JsonNode aaa = http.getJson("api/signals?date=2024-03-14&symbol=AAA").get("signals").get(0);
        assertThat(aaa.get("signal").get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(aaa.get("fills")).isNotEmpty();
        assertThat(aaa.get("signalToFillMillis").isNumber()).isTrue();
        assertThat(http.getJson("api/signals?date=2024-03-14&status=ACTIVE").get("signals"))
                .extracting(n -> n.get("signal").get("symbol").asText()).containsExactly("CCC");
        JsonNode m = http.getJson("api/metrics?from=2024-03-01&to=2024-03-13").get("report");
        assertThat(m.get("sessions").asInt()).isEqualTo(2);
        assertThat(m.get("trades").asInt()).isEqualTo(4);
        assertThat(m.get("avgLoss").isTextual()).isTrue();
    }

    @Test
    void alertText_isMaskedWhenItHoldsASecret() throws Exception {
        fixture.feed.onAlert(new Command.Alert(Command.Severity.WARNING, "auth failed for " + Setup.PASSWORD));
        String page = http.get("").body();
        assertThat(page).doesNotContain(Setup.PASSWORD).contains("auth failed for ••••");
    }

    @Test
    void formPostWithoutJavaScript_redirectsBackToThePage() throws Exception {
        String token = http.csrf();
        java.net.http.HttpRequest req = http.request("api/system/kill-switch")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.form("_csrf", token, "engaged", "true",
                        "reason", "from a form", "return", "signals"))).build();
        HttpResponse<String> r = http.client.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/app/dash/signals?done=kill-switch");
        assertThat(fixture.runner.state().killSwitch().engaged()).isTrue();
    }

    @Test
    void mountsAtTheRootOrAsTheDefaultServlet_linksFollow() throws Exception {
        for (String mapping : List.of("/*", "/")) {
            try (TestServer other = TestServer.start(Setup.config(fixture, switches).build(), mapping, false)) {
                Http h = new Http(other, Setup.USER, Setup.PASSWORD);
                HttpResponse<String> page = h.get("signals");
                assertThat(page.statusCode()).as(mapping).isEqualTo(200);
                assertThat(page.body()).contains("href=\"/app/history\"").contains("src=\"/app/assets/orb.js\"");
                HttpResponse<String> uplot = h.get("assets/uPlot.iife.min.js");
                assertThat(uplot.statusCode()).isEqualTo(200);
                assertThat(uplot.headers().firstValue("Content-Type")).hasValueSatisfying(
                        v -> assertThat(v).startsWith("text/javascript"));
                assertThat(h.getJson("api/positions").get("positions")).hasSize(2);
            }
        }
    }

    @Test
    void theDashboardRunsOnTheInMemoryFakesToo() throws Exception {
        try (TradingFixture fakes = TradingFixture.inMemory();
             TestServer other = TestServer.start(Setup.config(fakes, switches).build(), "/dash/*", false)) {
            Http h = new Http(other, Setup.USER, Setup.PASSWORD);
            for (String page : List.of("", "signals", "history?from=2024-03-01&to=2024-03-14", "logs")) {
                assertThat(h.get(page).statusCode()).as(page).isEqualTo(200);
            }
            assertThat(h.getJson("api/trades").get("total").asLong()).isEqualTo(6);
            assertThat(h.post("api/system/kill-switch", h.csrf(), "engaged", "true", "reason", "fakes").statusCode())
                    .isEqualTo(200);
            assertThat(fakes.runner.state().killSwitch().engaged()).isTrue();
        }
    }
}
