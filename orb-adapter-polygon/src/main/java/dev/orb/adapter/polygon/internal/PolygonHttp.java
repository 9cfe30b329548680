package dev.orb.adapter.polygon.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.orb.adapter.polygon.PolygonAuthException;
import dev.orb.adapter.polygon.PolygonConfig;
import dev.orb.adapter.polygon.PolygonException;
import dev.orb.adapter.polygon.PolygonRateLimitException;
import dev.orb.adapter.polygon.PolygonResponseException;
import dev.orb.adapter.polygon.PolygonUnavailableException;
import dev.orb.adapter.polygon.Sleeper;
import dev.orb.ports.OrbClock;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GET to Polygon, done right: a rate-limiter permit per attempt, {@code Authorization: Bearer} (never the
 * {@code apiKey} query parameter), retries on 429/5xx/timeouts/resets with resilience4j's policy (exponential
 * backoff with jitter, or the server's {@code Retry-After}), strict JSON parsing, and errors mapped to the typed
 * {@link PolygonException}s. Follows {@code next_url} pages on the configured host only, so the key is never sent
 * anywhere else. Safe for concurrent use.
 */
final class PolygonHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.orb.adapter.polygon");
    private static final int MAX_PAGES = 10_000;

    private final HttpUrl baseUrl;
    private final String apiKey;
    private final OkHttpClient client;
    private final ObjectMapper json;
    private final RequestLimiter limiter;
    private final Retry retry;
    private final Sleeper sleeper;
    private final OrbClock clock;
    private final AtomicLong requests = new AtomicLong();

    PolygonHttp(PolygonConfig config) {
        this.baseUrl = HttpUrl.get(config.baseUrl());
        this.apiKey = config.apiKey();
        this.client = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Retries are ours, counted and rate-limited; OkHttp's silent ones would be neither.
                .retryOnConnectionFailure(false)
                .build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.limiter = RequestLimiter.of(config);
        this.retry = Retry.of("polygon", retryConfig(config));
        this.sleeper = config.sleeper();
        this.clock = config.clock();
    }

    private static RetryConfig retryConfig(PolygonConfig config) {
        long maxBackoff = Math.max(1, config.maxBackoff().toMillis());
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                Math.max(1, config.initialBackoff().toMillis()), config.backoffMultiplier(), config.jitter(),
                maxBackoff);
        long maxRetryAfter = config.maxRetryAfter().toMillis();
        return RetryConfig.custom()
                .maxAttempts(config.maxAttempts())
                .retryOnException(TransientFailure.class::isInstance)
                .intervalBiFunction((attempt, outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof TransientFailure failure
                            && failure.retryAfter() != null) {
                        return Math.min(failure.retryAfter().toMillis(), maxRetryAfter);
                    }
                    return Math.min(backoff.apply(attempt), maxBackoff);
                })
                .failAfterMaxAttempts(false)
                .build();
    }

    /** HTTP requests sent so far, retries and pages included. */
    long requestsMade() {
        return requests.get();
    }

    /** The configured host with {@code path} and no query. */
    HttpUrl.Builder url(String... pathSegments) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String segment : pathSegments) {
            b.addPathSegment(segment);
        }
        return b;
    }

    /** GETs {@code url} and every {@code next_url} after it; pages in order. */
    <T extends PolygonBody> List<T> getAllPages(HttpUrl url, Class<T> type) {
        List<T> pages = new ArrayList<>();
        Set<HttpUrl> seen = new HashSet<>();
        HttpUrl next = url;
        while (next != null) {
            if (!seen.add(next) || pages.size() >= MAX_PAGES) {
                throw new PolygonResponseException(url.encodedPath(), 0,
                        "next_url repeats or exceeds " + MAX_PAGES + " pages", null);
            }
            T page = get(next, type);
            pages.add(page);
            next = followUp(page.nextUrl(), next);
        }
        return pages;
    }

    /** One GET with rate limit and retries. */
    <T extends PolygonBody> T get(HttpUrl url, Class<T> type) {
        String endpoint = url.encodedPath();
        Retry.AsyncContext<Object> attempts = retry.asyncContext();
        int attempt = 0;
        while (true) {
            waitFor(reservePermit(endpoint), endpoint);
            attempt++;
            try {
                T body = attemptOnce(url, endpoint, type);
                attempts.onComplete();
                return body;
            } catch (TransientFailure failure) {
                long waitMillis = attempts.onError(failure);
                if (waitMillis < 0) {
                    PolygonException exhausted = failure.exhausted(attempt);
                    LOG.warn("{}", exhausted.getMessage());
                    throw exhausted;
                }
                LOG.warn("Polygon GET {}: {} (attempt {}); retrying in {} ms", endpoint, failure.reason(), attempt,
                        waitMillis);
                waitFor(Duration.ofMillis(waitMillis), endpoint);
            }
        }
    }

    private Duration reservePermit(String endpoint) {
        try {
            return limiter.reserve();
        } catch (IllegalStateException e) {
            throw new PolygonRateLimitException(endpoint, 0, e.getMessage(), e);
        }
    }

    private <T extends PolygonBody> T attemptOnce(HttpUrl url, String endpoint, Class<T> type) {
        Request request = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .get()
                .build();
        requests.incrementAndGet();
        long started = clock.monotonicNanos();
        try (Response response = client.newCall(request).execute()) {
            int code = response.code();
            LOG.debug("Polygon GET {} -> {} in {} ms", endpoint, code,
                    TimeUnit.NANOSECONDS.toMillis(clock.monotonicNanos() - started));
            ResponseBody body = response.body();
            if (code == 429 || code >= 500) {
                throw new TransientFailure(endpoint, code, ErrorResponses.reason(body, json, this::redact), ErrorResponses.retryAfter(response, clock.now()), null);
            }
            if (code == 401 || code == 403) {
                throw new PolygonAuthException(endpoint, code, ErrorResponses.reason(body, json, this::redact), null);
            }
            if (code < 200 || code >= 300 || body == null) {
                throw new PolygonResponseException(endpoint, code, ErrorResponses.reason(body, json, this::redact), null);
            }
            T parsed = parse(body, endpoint, code, type);
            checkStatus(parsed, endpoint, code);
            return parsed;
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new PolygonUnavailableException(endpoint, 0, "interrupted", e);
            }
            throw new TransientFailure(endpoint, 0, "timeout: " + redact(String.valueOf(e.getMessage())), null, e);
        } catch (IOException e) {
            throw new TransientFailure(endpoint, 0,
                    e.getClass().getSimpleName() + ": " + redact(String.valueOf(e.getMessage())), null, e);
        }
    }

    private <T extends PolygonBody> T parse(ResponseBody body, String endpoint, int code, Class<T> type)
            throws IOException {
        try {
            T parsed = json.readValue(body.byteStream(), type);
            if (parsed == null) {
                throw new PolygonResponseException(endpoint, code, "response body is JSON null", null);
            }
            return parsed;
        } catch (JsonProcessingException e) {
            IOException transport = ErrorResponses.transportCause(e);
            if (transport != null) {
                throw transport;
            }
            // A body that is not the documented JSON (truncated, wrong shape) is a failure, never an empty day.
            throw new PolygonResponseException(endpoint, code,
                    "response is not valid " + type.getSimpleName() + " JSON: " + redact(e.getOriginalMessage()),
                    null);
        }
    }

    private void checkStatus(PolygonBody body, String endpoint, int code) {
        String status = body.status();
        if (status == null ? body.error() == null : status.equals("OK") || status.equals("DELAYED")) {
            return;
        }
        String reason = redact(firstNonNull(body.error(), body.message(), "status " + status));
        if ("NOT_AUTHORIZED".equals(status)) {
            throw new PolygonAuthException(endpoint, code, reason, null);
        }
        throw new PolygonResponseException(endpoint, code, reason, null);
    }

    /**
     * The page after {@code current}: {@code next_url}'s path and query on the configured host, without any
     * {@code apiKey} parameter, so the bearer key only ever goes where it was configured to go.
     */
    private HttpUrl followUp(String nextUrl, HttpUrl current) {
        if (nextUrl == null || nextUrl.isBlank()) {
            return null;
        }
        HttpUrl next = current.resolve(nextUrl.trim());
        if (next == null) {
            throw new PolygonResponseException(current.encodedPath(), 200, "next_url is not a URL", null);
        }
        return baseUrl.newBuilder()
                .encodedPath(next.encodedPath())
                .encodedQuery(next.encodedQuery())
                .removeAllQueryParameters("apiKey")
                .build();
    }

    private void waitFor(Duration wait, String endpoint) {
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolygonUnavailableException(endpoint, 0, "interrupted while waiting", e);
        }
    }

    private String redact(String text) {
        return text == null ? null : text.replace(apiKey, "****");
    }

    private static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "PolygonHttp{" + baseUrl + ", limiter=" + limiter + "}";
    }
}
