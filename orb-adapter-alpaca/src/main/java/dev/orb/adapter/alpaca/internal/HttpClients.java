package dev.orb.adapter.alpaca.internal;

import java.time.Duration;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/** Builds the one OkHttp client an adapter instance uses for REST and the stream. */
public final class HttpClients {
    /** Websocket ping period: a half-open stream connection is detected within about this long. */
    public static final Duration STREAM_PING_INTERVAL = Duration.ofSeconds(15);

    private HttpClients() {
    }

    /**
     * A client with the retry and budget interceptors. No call timeout: waiting for the budget or a rate-limit
     * reset is not a failure; connect/read/write timeouts bound each exchange. OkHttp's silent connection retry
     * is off so that each POST the adapter makes reaches Alpaca at most once.
     *
     * @param transport an innermost interceptor (tests route alpaca.markets to a mock server), or null
     */
    public static OkHttpClient build(Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
                                     IdempotentRetry retry, RequestBudget budget, Interceptor transport) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .cache(null)
                .retryOnConnectionFailure(false)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(writeTimeout)
                .pingInterval(STREAM_PING_INTERVAL)
                .addInterceptor(retry)
                .addInterceptor(budget);
        if (transport != null) {
            b.addInterceptor(transport);
        }
        return b.build();
    }
}
