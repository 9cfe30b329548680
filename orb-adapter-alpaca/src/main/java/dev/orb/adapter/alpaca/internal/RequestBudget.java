package dev.orb.adapter.alpaca.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.ports.OrbClock;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one request budget every REST call to Alpaca passes through (an OkHttp application interceptor), so that
 * orders, cancels, resynchronisation, bars and calendar calls share Alpaca's per-account limit.
 *
 * <p>Requests wait for a permit (queued in arrival order by resilience4j's {@link RateLimiter}) and are never
 * dropped unless they would wait longer than {@code maxQueueWait}; then {@link BudgetExhaustedException} says
 * the request was not sent. A 429 answer is not passed on at once: the request waits until the
 * {@code X-Ratelimit-Reset} instant (epoch seconds, compared with the injected {@link OrbClock}) and is sent
 * again, up to {@value #MAX_RATE_LIMITED_RETRIES} times — safe for any method, since Alpaca did not process it.
 *
 * <p>Permits come in cycles of {@link #CYCLE}; {@link #perMinute} sizes them so that no sliding minute ever
 * holds more than the per-minute limit (a minute overlaps at most five 15-second cycles). Thread-safe.
 */
public final class RequestBudget implements Interceptor {
    /** Length of one permit cycle. */
    public static final Duration CYCLE = Duration.ofSeconds(15);
    static final int MAX_RATE_LIMITED_RETRIES = 5;
    static final Duration LONGEST_RESET_WAIT = Duration.ofSeconds(65);
    static final Duration RESET_FALLBACK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(RequestBudget.class);

    private final RateLimiter limiter;
    private final OrbClock clock;
    private final Sleeper sleeper;
    private final Duration maxQueueWait;

    /**
     * A budget of {@code permitsPerCycle} requests per {@code cycle}.
     *
     * @param maxQueueWait longest wait for a permit before the request is refused unsent
     */
    public RequestBudget(int permitsPerCycle, Duration cycle, Duration maxQueueWait, OrbClock clock, Sleeper sleeper) {
        if (permitsPerCycle < 1) {
            throw new IllegalArgumentException("permitsPerCycle: " + permitsPerCycle + " must be ≥ 1");
        }
        this.maxQueueWait = Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.limiter = RateLimiter.of("alpaca-rest", RateLimiterConfig.custom()
                .limitForPeriod(permitsPerCycle)
                .limitRefreshPeriod(cycle)
                .timeoutDuration(maxQueueWait)
                .build());
    }

    /**
     * A budget that never exceeds {@code requestsPerMinute} in any sliding minute: {@code requestsPerMinute / 5}
     * permits per 15-second cycle (40 per cycle, 160 per minute sustained, for Alpaca's 200).
     */
    public static RequestBudget perMinute(int requestsPerMinute, Duration maxQueueWait, OrbClock clock, Sleeper sleeper) {
        int slidingMinuteCycles = (int) (Duration.ofMinutes(1).toMillis() / CYCLE.toMillis()) + 1;
        return new RequestBudget(Math.max(1, requestsPerMinute / slidingMinuteCycles), CYCLE, maxQueueWait, clock,
                sleeper);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (isWebSocketUpgrade(request)) {
            return chain.proceed(request);
        }
        for (int attempt = 0; ; attempt++) {
            acquire(request);
            Response response = chain.proceed(request);
            if (response.code() != 429 || attempt >= MAX_RATE_LIMITED_RETRIES) {
                return response;
            }
            Duration wait = waitUntilReset(response.header("X-Ratelimit-Reset"), clock.now(), attempt);
            response.close();
            LOG.warn("Alpaca answered 429 to {} {}; waiting {} ms for the rate-limit reset", request.method(),
                    request.url().encodedPath(), wait.toMillis());
            pause(wait);
        }
    }

    /**
     * How long to wait after a 429: until the reset instant, or {@link #RESET_FALLBACK} doubled per attempt when
     * the header is missing, unreadable or already past; never negative and at most {@link #LONGEST_RESET_WAIT}.
     */
    static Duration waitUntilReset(String resetHeader, Instant now, int attempt) {
        Duration fallback = Settings.exponential(RESET_FALLBACK, attempt, LONGEST_RESET_WAIT);
        if (resetHeader == null) {
            return fallback;
        }
        long resetEpochSeconds;
        try {
            resetEpochSeconds = Long.parseLong(resetHeader.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
        if (resetEpochSeconds < 0 || resetEpochSeconds > Instant.MAX.getEpochSecond()) {
            return fallback;
        }
        Duration untilReset = Duration.between(now, Instant.ofEpochSecond(resetEpochSeconds));
        if (untilReset.isNegative() || untilReset.isZero()) {
            return fallback;
        }
        return untilReset.compareTo(LONGEST_RESET_WAIT) > 0 ? LONGEST_RESET_WAIT : untilReset;
    }

    static boolean isWebSocketUpgrade(Request request) {
        return "websocket".equalsIgnoreCase(request.header("Upgrade"));
    }

    private void acquire(Request request) throws IOException {
        if (limiter.acquirePermission()) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while waiting for the Alpaca request budget");
        }
        throw new BudgetExhaustedException("not sent: " + request.method() + " " + request.url().encodedPath()
                + " waited more than " + maxQueueWait.toMillis() + " ms for the shared Alpaca request budget");
    }

    private void pause(Duration wait) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the Alpaca rate-limit reset");
        }
    }
}
