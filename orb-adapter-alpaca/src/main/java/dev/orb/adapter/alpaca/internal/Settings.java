package dev.orb.adapter.alpaca.internal;

import java.time.Duration;
import java.util.Objects;

import dev.orb.ports.OrbClock;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.enums.BarFeed;

/**
 * The tuning values the internals need, copied from the public configuration.
 *
 * @param clock                 the only source of wall time
 * @param sleeper               waits between retries
 * @param feed                  market-data feed
 * @param maxRetries            retries of an idempotent GET/DELETE after a 5xx or I/O failure
 * @param retryBackoff          first pause between such retries (doubles, capped at 8 s)
 * @param submitAttempts        POST attempts of one order (each retry only after a by-client-order-id lookup)
 * @param symbolsPerBarsRequest symbols per multi-symbol bars request
 * @param orderLookback         how far before {@code since} order listings reach (Alpaca filters on submission)
 * @param resyncOverlap         how far before the last seen event a resynchronisation starts
 * @param pollInterval          REST polling period while the stream is down
 * @param reconnectBackoff      first pause before reconnecting the stream (doubles)
 * @param maxReconnectBackoff   longest pause between reconnection attempts
 * @param handshakeTimeout      time for the stream to authenticate and confirm listening
 */
public record Settings(OrbClock clock, Sleeper sleeper, BarFeed feed, int maxRetries, Duration retryBackoff,
                       int submitAttempts, int symbolsPerBarsRequest, Duration orderLookback, Duration resyncOverlap,
                       Duration pollInterval, Duration reconnectBackoff, Duration maxReconnectBackoff,
                       Duration handshakeTimeout) {
    public Settings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(orderLookback, "orderLookback");
        Objects.requireNonNull(resyncOverlap, "resyncOverlap");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(reconnectBackoff, "reconnectBackoff");
        Objects.requireNonNull(maxReconnectBackoff, "maxReconnectBackoff");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    }

    /** The pause before retry number {@code attempt} (0-based): {@code retryBackoff × 2^attempt}, at most 8 s. */
    public Duration retryPause(int attempt) {
        return exponential(retryBackoff, attempt, Duration.ofSeconds(8));
    }

    /** The pause before reconnection attempt {@code attempt} (0-based). */
    public Duration reconnectPause(int attempt) {
        return exponential(reconnectBackoff, attempt, maxReconnectBackoff);
    }

    static Duration exponential(Duration first, int attempt, Duration cap) {
        Duration d = first.multipliedBy(1L << Math.min(Math.max(attempt, 0), 20));
        return d.compareTo(cap) > 0 ? cap : d;
    }
}
