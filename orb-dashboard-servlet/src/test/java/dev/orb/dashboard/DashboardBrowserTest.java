package dev.orb.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.orb.core.session.Command;
import dev.orb.domain.LogRecord;
import dev.orb.domain.Price;
import dev.orb.domain.TradingMode;

/**
 * The dashboard in real headless Chromium: the servlet in Jetty on H2 with a real session's data, the user signed
 * in by the host (a session cookie the host's filter turns into the container principal).
 */
class DashboardBrowserTest {
    private static WebDriver driver;

    @TempDir
    Path dir;
    TradingFixture fixture;
    TestServer server;
    String session;
    final List<TradingMode> switches = new ArrayList<>();

    @BeforeAll
    static void browser() {
        driver = Browser.start();
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void start() throws Exception {
        fixture = TradingFixture.onH2(dir);
        server = TestServer.start(Setup.embedded(fixture, switches).build(), "/dash/*", true);
        driver.get(server.base() + "assets/orb.css");
        driver.manage().deleteAllCookies();
        session = TestServer.login("alice");
        driver.manage().addCookie(new Cookie(TestServer.SESSION_COOKIE, session, "/"));
    }

    @AfterEach
    void stop() throws Exception {
        // leave the page first, so that the browser ends the stream rather than the server going away under it
        driver.get("about:blank");
        driver.manage().window().setSize(new Dimension(1280, 1000));
        server.close();
        fixture.close();
    }

    private void open(String relative) {
        driver.get(server.base() + relative);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private List<WebElement> rows(String tableId) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr:not(.empty)"));
    }

    private void streamOpen() {
        waiting().until(d -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-stream")));
    }

    private List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::getMessage).filter(m -> !m.contains("favicon")).collect(Collectors.toList());
    }

    @Test
    void timeCharts_withOnePointCentreIt_withSeveralSpanThem() {
        // the fixture's clock stands still at 10:15 New York: one broker refresh, one intraday sample
        long sample = java.time.Instant.parse("2024-03-14T14:15:00Z").getEpochSecond();
        open("");
        assertThat(xRange("pnl-chart", "1")).containsExactly((double) sample - 1800, (double) sample + 1800);

        long day2 = java.time.Instant.parse("2024-03-13T16:00:00Z").getEpochSecond();
        open("history?from=2024-03-13&to=2024-03-13");
        assertThat(xRange("equity-chart", "1")).containsExactly((double) day2 - 86_400, (double) day2 + 86_400);

        open("history?from=2024-03-01&to=2024-03-14");
        assertThat(xRange("equity-chart", "2")).containsExactly((double) day2 - 86_400, (double) day2);
    }

    /** The x window a chart shows (epoch seconds), once it is drawn with {@code points} points. */
    private List<Double> xRange(String chartId, String points) {
        waiting().until(d -> points.equals(d.findElement(By.id(chartId)).getAttribute("data-points"))
                && d.findElement(By.id(chartId)).getAttribute("data-x-range") != null);
        return java.util.Arrays.stream(driver.findElement(By.id(chartId)).getAttribute("data-x-range").split(","))
                .map(Double::valueOf).toList();
    }

    @Test
    void everyPageRendersWithData_underTheStrictCsp() throws Exception {
        consoleErrors();
        open("");
        // read in one script: the stream replaces the rows several times a second
        assertThat(js("return Array.from(document.querySelectorAll('#positions tbody tr[data-symbol]'))"
                + ".map(function (r) { return r.dataset.symbol; });")).isEqualTo(List.of("AAA", "BBB"));
        assertThat(driver.findElement(By.id("equity")).getText()).matches("[0-9,]+\\.\\d\\d");
        assertThat(driver.findElement(By.id("mode-badge")).getText()).isEqualTo("PAPER");
        assertThat(driver.findElement(By.id("ks-badge")).getText()).isEqualTo("Kill switch off");
        // uPlot comes from the jar and draws under the CSP
        waiting().until(d -> !d.findElements(By.cssSelector("#pnl-chart canvas")).isEmpty());
        streamOpen();
        Browser.screenshot(driver, "live");

        open("signals");
        assertThat(rows("signals")).extracting(r -> r.getAttribute("data-symbol"))
                .containsExactlyInAnyOrder("AAA", "BBB", "CCC");
        WebElement aaa = driver.findElement(By.cssSelector("#signals tr[data-symbol='AAA']"));
        assertThat(aaa.getText()).contains("LONG").contains("50.50").contains(" ms");
        Browser.screenshot(driver, "signals");

        open("history?from=2024-03-01&to=2024-03-14");
        assertThat(driver.findElement(By.id("m-trades")).getText()).isEqualTo("4");
        assertThat(driver.findElement(By.id("m-win-rate")).getText()).endsWith("%");
        assertThat(driver.findElement(By.id("m-sharpe")).getText()).isNotBlank();
        assertThat(rows("trades")).hasSize(6);
        waiting().until(d -> !d.findElements(By.cssSelector("#equity-chart canvas")).isEmpty());
        assertThat(driver.findElement(By.id("equity-chart")).getAttribute("data-points")).isEqualTo("2");
        Browser.screenshot(driver, "history");

        open("logs");
        assertThat(rows("logs")).hasSize(5);
        streamOpen();
        Browser.screenshot(driver, "logs");

        driver.manage().window().setSize(new Dimension(390, 844));
        open("");
        streamOpen();
        Browser.screenshot(driver, "live-phone");
        assertThat(consoleErrors()).as("console errors (a CSP violation would show here)").isEmpty();
    }

    @Test
    void killSwitchClick_roundTripsThroughTheEngine_andShowsTheNewState() {
        open("");
        streamOpen();
        WebElement form = driver.findElement(By.id("ks-form"));
        form.findElement(By.name("reason")).sendKeys("news pending");
        driver.findElement(By.id("ks-button")).click();
        waiting().until(d -> d.findElement(By.id("ks-state")).getText().equals("ON"));
        assertThat(driver.findElement(By.id("ks-badge")).getText()).isEqualTo("Kill switch ON");
        assertThat(driver.findElement(By.id("ks-detail")).getText()).isEqualTo("operator:alice: news pending");
        assertThat(fixture.runner.state().killSwitch().engaged()).isTrue();
        assertThat(fixture.runner.state().killSwitch().by()).isEqualTo("operator:alice");
        assertThat(fixture.storage.killSwitch().engaged()).isTrue();
        // CCC's working entry was cancelled by the kill switch; the protective stops of AAA and BBB stay
        assertThat(fixture.broker.openOrders()).noneMatch(o -> o.symbol().equals(TradingFixture.CCC));

        driver.findElement(By.id("ks-form")).findElement(By.name("reason")).sendKeys("all clear");
        driver.findElement(By.id("ks-button")).click();
        waiting().until(d -> d.findElement(By.id("ks-state")).getText().equals("off"));
        assertThat(fixture.runner.state().killSwitch().engaged()).isFalse();
    }

    @Test
    void theStreamUpdatesThePositionsTable_withoutAReload() {
        open("");
        streamOpen();
        js("window.__marker = 42;");
        fixture.broker.trade(TradingFixture.AAA, Price.of("51.23"));
        waiting().until(d -> "51.23".equals(js("var c = document.querySelector(\"#positions tr[data-symbol='AAA'] "
                + "td:nth-child(5)\"); return c && c.textContent;")));
        // (51.23 − 50.55) × 396
        assertThat(js("return document.querySelector(\"#positions tr[data-symbol='AAA'] td:nth-child(6)\")"
                + ".textContent;")).isEqualTo("+269.28");
        assertThat(js("return window.__marker;")).isEqualTo(42L);
    }

    @Test
    void csvDownload_hasTheExactRows() throws Exception {
        open("history?from=2024-03-12&to=2024-03-12");
        String href = driver.findElement(By.id("csv-link")).getAttribute("href");
        assertThat(href).contains("history.csv").contains("from=2024-03-12").contains("to=2024-03-12");
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        Http http = new Http(server, null, null);
        HttpResponse<String> csv = http.client.send(HttpRequest.newBuilder(java.net.URI.create(href))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).containsExactly(
                "session,symbol,side,shares,entry_time,entry_price,exit_time,exit_price,exit_reason,commission,pnl,"
                        + "duration_seconds",
                "2024-03-12,AAA,LONG,396,2024-03-12T13:41:00Z,50.55,2024-03-12T14:02:00Z,50.25,STOP,0.00,-118.80,1260",
                "2024-03-12,BBB,SHORT,1025,2024-03-12T13:41:00Z,19.45,2024-03-12T19:55:00Z,19.30,EOD,0.00,153.75,22440");
    }

    @Test
    void filters_narrowSignalsTradesAndLogs() {
        open("signals");
        new Select(driver.findElement(By.name("side"))).selectByVisibleText("SHORT");
        driver.findElement(By.cssSelector("#signal-filters button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("side=SHORT"));
        assertThat(rows("signals")).extracting(r -> r.getAttribute("data-symbol")).containsExactly("BBB");

        open("history?from=2024-03-01&to=2024-03-14");
        driver.findElement(By.name("symbol")).sendKeys("AAA");
        driver.findElement(By.cssSelector("#history-filters button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("symbol=AAA"));
        assertThat(rows("trades")).hasSize(3).allSatisfy(r -> assertThat(r.getAttribute("data-symbol")).isEqualTo("AAA"));

        open("logs");
        new Select(driver.findElement(By.name("level"))).selectByVisibleText("ERROR");
        driver.findElement(By.cssSelector("#log-filters button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("level=ERROR"));
        assertThat(rows("logs")).singleElement().satisfies(r -> assertThat(r.getText()).contains("503"));
        driver.findElement(By.name("q")).sendKeys("stream");
        new Select(driver.findElement(By.name("level"))).selectByVisibleText("any");
        driver.findElement(By.cssSelector("#log-filters button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("q=stream"));
        assertThat(rows("logs")).singleElement().satisfies(r -> assertThat(r.getText()).contains("stream lost"));
    }

    private static final List<String> XSS = List.of(
            "<img src=x onerror=\"window.__xss=1\">",
            "\"><script>window.__xss=2</script>",
            "<svg onload=window.__xss=3>",
            "</td></tr><tr><td><b onmouseover=window.__xss=4>bold</b>",
            "javascript:window.__xss=5",
            "';window.__xss=6;//",
            "<iframe srcdoc=\"<script>parent.__xss=7</script>\"></iframe>");

    private void assertInert() {
        assertThat(js("return typeof window.__xss;")).isEqualTo("undefined");
        assertThat(driver.findElements(By.cssSelector("img, svg, iframe, b[onmouseover]"))).isEmpty();
        // only the dashboard's own two scripts
        assertThat(driver.findElements(By.tagName("script"))).hasSize(2);
    }

    @Test
    void xssCorpus_inLogsAlertsAndBrokerErrors_staysInertAndShowsLiterally() {
        List<LogRecord> lines = new ArrayList<>();
        for (int i = 0; i < XSS.size(); i++) {
            lines.add(new LogRecord(fixture.clock.now().minusSeconds(5 - i), "WARN", "dev.orb.x" + i, XSS.get(i),
                    "t<script>"));
            fixture.feed.onAlert(new Command.Alert(Command.Severity.CRITICAL, XSS.get(i)));
        }
        fixture.storage.appendLogs(lines);
        fixture.dashboardBroker.failReads("503 <img src=x onerror=\"window.__xss=8\">");

        open("logs?level=WARN");
        List<String> messages = driver.findElements(By.cssSelector("#logs td.msg")).stream().map(WebElement::getText)
                .toList();
        assertThat(messages).containsAll(XSS);
        assertInert();
        streamOpen();
        fixture.feed.publishLog(new LogRecord(fixture.clock.now(), "ERROR", "dev.orb.live",
                "<img src=x onerror=\"window.__xss=9\">live", "main"));
        waiting().until(d -> d.findElement(By.id("log-tail")).getText().contains("<img src=x onerror=\"window.__xss=9\">live"));
        assertInert();

        open("");
        List<String> alerts = driver.findElements(By.cssSelector("#alerts .msg")).stream().map(WebElement::getText)
                .toList();
        assertThat(alerts).containsAll(XSS);
        waiting().until(d -> d.findElement(By.id("broker-error")).getText()
                .equals("Broker: 503 <img src=x onerror=\"window.__xss=8\">"));
        streamOpen();
        fixture.feed.onAlert(new Command.Alert(Command.Severity.WARNING, "<img src=x onerror=\"window.__xss=10\">pushed"));
        waiting().until(d -> d.findElement(By.id("alerts")).getText().contains("<img src=x onerror=\"window.__xss=10\">pushed"));
        assertInert();
    }

    @Test
    void actionFromThePageWithoutTheCsrfToken_isRefused() {
        open("");
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(document.body.dataset.base + 'api/system/kill-switch', {method: 'POST',"
                        + " credentials: 'same-origin', headers: {'Content-Type': 'application/x-www-form-urlencoded',"
                        + " 'Accept': 'application/json'}, body: 'engaged=true&reason=forged'})"
                        + ".then(function (r) { done(r.status); });");
        assertThat(status).isEqualTo(403L);
        assertThat(fixture.runner.state().killSwitch().engaged()).isFalse();
        driver.manage().deleteCookieNamed(TestServer.SESSION_COOKIE);
        open("");
        assertThat(driver.findElement(By.id("error-message")).getText()).contains("sign in");
    }
}
