package dev.orb.adapter.polygon;

import java.time.Duration;
import java.time.Instant;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Response bodies shaped as Polygon documents them (see /work/shared/reference/apis.md), and a test config. */
final class Fixtures {
    static final String KEY = "pk_TEST_9f8e7d6c5b4a";
    static final Instant T0 = Instant.parse("2024-03-11T22:00:00Z");

    /** The documented grouped-daily example: fractional v on TANH, n and vw present. */
    static final String GROUPED_DAILY = """
            {"adjusted":true,"queryCount":3,"request_id":"6a7e466379af0a71039d60cc78e72282",\
            "results":[{"T":"KIMpL","c":25.9102,"h":26.25,"l":25.91,"n":74,"o":26.07,"t":1602705600000,"v":4369,"vw":26.0407},\
            {"T":"TANH","c":23.4,"h":24.763,"l":22.65,"n":1096,"o":24.5,"t":1602705600000,"v":25933.6,"vw":23.493}],\
            "resultsCount":2,"status":"OK"}""";

    static final String NO_RESULTS_NULL =
            "{\"status\":\"OK\",\"queryCount\":0,\"resultsCount\":0,\"adjusted\":true,\"results\":null}";
    static final String NO_RESULTS_ABSENT =
            "{\"status\":\"OK\",\"queryCount\":0,\"resultsCount\":0,\"adjusted\":true,\"request_id\":\"r1\"}";
    static final String TOO_MANY = "{\"status\":\"ERROR\",\"request_id\":\"7e1f\",\"error\":\"You've exceeded the "
            + "maximum requests per minute, please wait or upgrade your subscription to continue.\"}";
    static final String UNKNOWN_KEY = "{\"status\":\"ERROR\",\"request_id\":\"a1\",\"error\":\"Unknown API Key\"}";
    static final String NOT_ENTITLED = "{\"status\":\"NOT_AUTHORIZED\",\"request_id\":\"b2\",\"message\":\"You are "
            + "not entitled to this data. Please upgrade your plan at https://polygon.io/pricing\"}";

    private Fixtures() {
    }

    static MockResponse json(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse status(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** A grouped-daily row. */
    static String row(String ticker, double o, double h, double l, double c, double v) {
        return "{\"T\":\"" + ticker + "\",\"c\":" + c + ",\"h\":" + h + ",\"l\":" + l + ",\"o\":" + o
                + ",\"t\":1602705600000,\"v\":" + v + "}";
    }

    /** A per-ticker aggregate at {@code t} epoch millis, without vw and n. */
    static String agg(long t, double o, double h, double l, double c, double v) {
        return "{\"c\":" + c + ",\"h\":" + h + ",\"l\":" + l + ",\"o\":" + o + ",\"t\":" + t + ",\"v\":" + v + "}";
    }

    static String results(String status, String nextUrl, String... rows) {
        return "{\"adjusted\":true,\"queryCount\":" + rows.length + ",\"request_id\":\"q\",\"results\":["
                + String.join(",", rows) + "],\"resultsCount\":" + rows.length + ",\"status\":\"" + status + "\""
                + (nextUrl == null ? "" : ",\"next_url\":\"" + nextUrl + "\"") + "}";
    }

    /** Free-tier defaults on the mock's host, simulated time, no reference filter, fast backoff. */
    static PolygonConfig.Builder config(MockWebServer server, ManualTime time) {
        return PolygonConfig.builder(KEY)
                .baseUrl(server.url("/").toString())
                .time(time, time.sleeper())
                .commonStocksOnly(false)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
}
