package dev.orb.adapter.alpaca.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries idempotent requests (GET, DELETE) after a 5xx answer or an I/O failure, with exponential backoff,
 * a bounded number of times (an OkHttp application interceptor placed outside {@link RequestBudget}, so every
 * retry spends a permit). POSTs are never retried here: order submission resolves an unknown outcome itself by
 * looking the client order id up ({@link OrderSubmitter}).
 */
public final class IdempotentRetry implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRetry.class);
    private final Settings settings;

    /** Retries per {@link Settings#maxRetries()} with {@link Settings#retryPause}. */
    public IdempotentRetry(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!isIdempotent(request) || RequestBudget.isWebSocketUpgrade(request)) {
            return chain.proceed(request);
        }
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= settings.maxRetries();
            try {
                Response response = chain.proceed(request);
                if (response.code() < 500 || last) {
                    return response;
                }
                LOG.warn("Alpaca answered {} to {} {}; retry {} of {}", response.code(), request.method(),
                        request.url().encodedPath(), attempt + 1, settings.maxRetries());
                response.close();
            } catch (BudgetExhaustedException e) {
                throw e;
            } catch (IOException e) {
                if (last || chain.call().isCanceled() || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.warn("no answer from Alpaca to {} {} ({}); retry {} of {}", request.method(),
                        request.url().encodedPath(), e.toString(), attempt + 1, settings.maxRetries());
            }
            try {
                settings.sleeper().sleep(settings.retryPause(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted between retries of " + request.url().encodedPath());
            }
        }
    }

    static boolean isIdempotent(Request request) {
        return "GET".equals(request.method()) || "DELETE".equals(request.method());
    }
}
