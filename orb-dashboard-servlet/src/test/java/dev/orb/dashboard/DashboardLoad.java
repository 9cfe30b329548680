package dev.orb.dashboard;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.orb.core.session.Command;
import dev.orb.domain.TradingMode;

/**
 * The dashboard's figures on loopback: API latency under an open-loop load of 1,000 requests per second, and the
 * push latency of the live stream to 1,000 concurrent SSE clients. The servlet runs in Jetty on H2 with a real
 * session's data (the tests' fixture), HTTP Basic on every request.
 *
 * <p>Usage: {@code mvn -o -q -B -pl orb-dashboard-servlet -am -Pload -DskipTests verify
 * [-Dload.args="apiSeconds rate sseClients sseSeconds"]} (defaults 20 1000 1000 20; each phase is capped at 120 s).
 * Latency of a request is measured from the moment it was due (not when it was sent), so a stalled server cannot
 * hide its queue (no coordinated omission). Push latency is from {@code LiveFeed.onAlert} to the client's parsing
 * of the event.
 */
public final class DashboardLoad {
    private static final List<String> ENDPOINTS = List.of("api/positions", "api/account", "api/trades?limit=50",
            "api/signals?date=2024-03-14", "api/metrics?from=2024-03-01&to=2024-03-14", "api/logs?limit=100");

    private DashboardLoad() {
    }

    public static void main(String[] args) throws Exception {
        int apiSeconds = Math.min(120, args.length > 0 ? Integer.parseInt(args[0]) : 20);
        int rate = Math.min(5000, args.length > 1 ? Integer.parseInt(args[1]) : 1000);
        int clients = Math.min(5000, args.length > 2 ? Integer.parseInt(args[2]) : 1000);
        int sseSeconds = Math.min(120, args.length > 3 ? Integer.parseInt(args[3]) : 20);
        Path dir = Files.createTempDirectory("orb-dashboard-load");
        StringBuilder report = new StringBuilder();
        try (TradingFixture fixture = TradingFixture.onH2(dir);
             TestServer server = TestServer.start(Setup.config(fixture, new ArrayList<TradingMode>()).build(),
                     "/dash/*", false)) {
            report.append(String.format(Locale.ROOT, "orb dashboard load, loopback, %d cores, Java %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
            api(server, rate, 5, false, report);
            api(server, rate, apiSeconds, true, report);
            sse(server, fixture, clients, sseSeconds, report);
        }
        System.out.print(report);
        Path out = Path.of(System.getProperty("orb.load.out", "target/dashboard-load.txt"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.exit(0);
    }

    private static void api(TestServer server, int rate, int seconds, boolean record, StringBuilder report)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();
        String auth = Http.basic(Setup.USER, Setup.PASSWORD);
        int total = rate * seconds;
        long[][] latencies = new long[ENDPOINTS.size()][total];
        AtomicInteger[] counts = new AtomicInteger[ENDPOINTS.size()];
        Arrays.setAll(counts, i -> new AtomicInteger());
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        List<HttpRequest> requests = ENDPOINTS.stream().map(e -> HttpRequest.newBuilder(server.uri(e))
                .header("Authorization", auth).timeout(Duration.ofSeconds(10)).GET().build()).toList();
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int endpoint = i % ENDPOINTS.size();
            client.sendAsync(requests.get(endpoint), HttpResponse.BodyHandlers.discarding()).whenComplete((r, t) -> {
                long latency = System.nanoTime() - due;
                if (t != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    latencies[endpoint][counts[endpoint].getAndIncrement()] = latency;
                }
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        if (!record) {
            return;
        }
        report.append(String.format(Locale.ROOT, "%nAPI at %d requests/s for %d s (%d requests, %d errors), "
                + "latency from the due time:%n%-44s %9s %9s %9s %9s%n", rate, seconds, total, errors.get(),
                "endpoint", "p50 ms", "p99 ms", "p99.9 ms", "max ms"));
        long[] all = new long[0];
        for (int e = 0; e < ENDPOINTS.size(); e++) {
            long[] l = Arrays.copyOf(latencies[e], counts[e].get());
            all = concat(all, l);
            report.append(line(ENDPOINTS.get(e), l));
        }
        report.append(line("all", all));
    }

    private static void sse(TestServer server, TradingFixture fixture, int clients, int seconds, StringBuilder report)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        String auth = Http.basic(Setup.USER, Setup.PASSWORD);
        int events = seconds * 10;
        AtomicLongArray published = new AtomicLongArray(events);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong received = new AtomicLong();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        HttpRequest request = HttpRequest.newBuilder(server.uri("api/stream")).header("Authorization", auth)
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(5)).GET().build();
        for (int i = 0; i < clients; i++) {
            client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                    new Client(published, latencies, received, open))).whenComplete((r, t) -> {
                        if (t != null) {
                            failed.incrementAndGet();
                        }
                    });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (open.get() + failed.get() < clients && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1500);
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger seq = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(1);
        publisher.scheduleAtFixedRate(() -> {
            int n = seq.getAndIncrement();
            if (n >= events) {
                all.countDown();
                return;
            }
            published.set(n, System.nanoTime());
            fixture.feed.onAlert(new Command.Alert(Command.Severity.INFO, "load #" + n + "#"));
        }, 0, 100, TimeUnit.MILLISECONDS);
        all.await(seconds + 30L, TimeUnit.SECONDS);
        publisher.shutdownNow();
        Thread.sleep(2000);
        long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
        report.append(String.format(Locale.ROOT, "%nSSE: %d clients connected (%d failed), %d events at 10/s over "
                + "%d s, plus positions every second; %d of %d deliveries received%n%-44s %9s %9s %9s %9s%n",
                open.get(), failed.get(), events, seconds, received.get(), (long) events * open.get(),
                "push latency (publish → client parsed)", "p50 ms", "p99 ms", "p99.9 ms", "max ms"));
        report.append(line("alert events", l));
    }

    /** One SSE client: parses frames and records the latency of each load alert. */
    private static final class Client implements Flow.Subscriber<String> {
        private final AtomicLongArray published;
        private final ConcurrentLinkedQueue<Long> latencies;
        private final AtomicLong received;
        private final AtomicInteger open;
        private boolean alert;

        Client(AtomicLongArray published, ConcurrentLinkedQueue<Long> latencies, AtomicLong received,
               AtomicInteger open) {
            this.published = published;
            this.latencies = latencies;
            this.received = received;
            this.open = open;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            open.incrementAndGet();
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event: ")) {
                alert = line.equals("event: alert");
            } else if (alert && line.startsWith("data: ")) {
                int a = line.indexOf("load #");
                if (a >= 0) {
                    int n = Integer.parseInt(line.substring(a + 6, line.indexOf('#', a + 6)));
                    latencies.add(System.nanoTime() - published.get(n));
                    received.incrementAndGet();
                }
                alert = false;
            }
        }

        @Override
        public void onError(Throwable t) {
            open.decrementAndGet();
        }

        @Override
        public void onComplete() {
            open.decrementAndGet();
        }
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static String line(String name, long[] nanos) {
        if (nanos.length == 0) {
            return String.format(Locale.ROOT, "%-44s %9s%n", name, "no samples");
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%-44s %9.2f %9.2f %9.2f %9.2f%n", name, ms(s, 0.50), ms(s, 0.99),
                ms(s, 0.999), s[s.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
