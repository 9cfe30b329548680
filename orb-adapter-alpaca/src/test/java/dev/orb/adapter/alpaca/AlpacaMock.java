package dev.orb.adapter.alpaca;

import static dev.orb.adapter.alpaca.AlpacaJson.PAPER_KEY;
import static dev.orb.adapter.alpaca.AlpacaJson.PAPER_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javax.net.ServerSocketFactory;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for every {@code *.alpaca.markets} host: an OkHttp application interceptor
 * rewrites alpaca-java's hard-coded https URLs (REST and the stream) to the mock and keeps the original host in
 * {@code X-Test-Host}. Also holds the manual clock and the recording sleeper the adapter is built with.
 */
final class AlpacaMock implements AutoCloseable {
    static final Instant START = Instant.parse("2024-03-11T13:35:00Z");
    final MockWebServer server = new MockWebServer();
    final TestClock clock = new TestClock(START);
    final RecordingSleeper sleeper = new RecordingSleeper(clock);

    AlpacaMock() {
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    AlpacaMock(Dispatcher dispatcher) {
        this();
        server.setDispatcher(dispatcher);
    }

    /**
     * A mock whose accepted sockets have TCP_NODELAY. MockWebServer flushes a response's headers before its body;
     * with Nagle's algorithm on, the body then waits for the client's delayed ACK (~40 ms on Linux) — a mock
     * artefact that would dominate a latency figure.
     */
    static AlpacaMock withoutNagle(Dispatcher dispatcher) {
        return new AlpacaMock(dispatcher, new NoDelayServerSockets());
    }

    private AlpacaMock(Dispatcher dispatcher, ServerSocketFactory sockets) {
        server.setServerSocketFactory(sockets);
        server.setDispatcher(dispatcher);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class NoDelayServerSockets extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket s = super.accept();
                    s.setTcpNoDelay(true);
                    return s;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
        }
    }

    Interceptor transport() {
        HttpUrl base = server.url("/");
        return chain -> {
            Request r = chain.request();
            HttpUrl url = r.url();
            if (!url.host().endsWith(".alpaca.markets")) {
                return chain.proceed(r);
            }
            HttpUrl target = url.newBuilder().scheme(base.scheme()).host(base.host()).port(base.port()).build();
            return chain.proceed(r.newBuilder().url(target).header("X-Test-Host", url.host()).build());
        };
    }

    /** Paper keys, the mock transport, manual time, short timeouts and a budget that never binds. */
    AlpacaConfig.Builder config() {
        return AlpacaConfig.builder()
                .paper(PAPER_KEY, PAPER_SECRET)
                .clock(clock)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(3))
                .requestsPerMinute(10_000)
                .pollInterval(Duration.ofMillis(100))
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .handshakeTimeout(Duration.ofSeconds(3))
                .transport(transport())
                .sleeper(sleeper);
    }

    AlpacaBroker broker() {
        return AlpacaBroker.create(config().build());
    }

    void enqueue(int code, String body) {
        server.enqueue(new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(body));
    }

    RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(r).as("a request reached the mock").isNotNull();
            return r;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
