package dev.orb.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
import dev.orb.ports.OrbClock;

/**
 * The dashboard's figures on loopback: API latency under an open-loop load of 1,000 requests per second, the
 * server's CPU time per request, and the push latency of the live stream to 1,000 concurrent SSE clients. The
 * servlet runs in Jetty on H2 with a real session's data (the tests' fixture), HTTP Basic on every request, with
 * the production push and broker-refresh intervals (1 s, 5 s).
 *
 * <p>Usage: {@code mvn -o -q -B -pl orb-dashboard-servlet -am -Pload -DskipTests verify
 * [-Dload.args="apiSeconds rate sseClients sseSeconds connections"]} (defaults 20 1000 1000 20 8; each phase is
 * capped at 120 s). The API load comes from {@link LoadClient} in a separate JVM (see there for the open-loop
 * method); this JVM is the server's, so its process CPU time around a phase is the server's cost of that phase.
 * The API phases run twice: with the response micro-cache off, then with it on (the default TTL), so that a
 * cache's hit rate is never mistaken for the server's speed. Push latency is measured in this JVM, from
 * {@code LiveFeed.onAlert} to the client's parsing of the event.
 */
public final class DashboardLoad {
    static final List<String> ENDPOINTS = List.of("api/positions", "api/account", "api/trades?limit=50",
            "api/signals?date=2024-03-14", "api/metrics?from=2024-03-01&to=2024-03-14", "api/logs?limit=100");
    /** Requests per endpoint to warm the server up, and to measure its CPU time per request. */
    private static final int WARM_UP = 15_000;
    private static final int PER_ENDPOINT = 5_000;
    private static final int OPEN_WARM_UP_SECONDS = 15;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private DashboardLoad() {
    }

    public static void main(String[] args) throws Exception {
        int apiSeconds = Math.min(120, args.length > 0 ? Integer.parseInt(args[0]) : 20);
        int rate = Math.min(5000, args.length > 1 ? Integer.parseInt(args[1]) : 1000);
        int clients = Math.min(5000, args.length > 2 ? Integer.parseInt(args[2]) : 1000);
        int sseSeconds = Math.min(120, args.length > 3 ? Integer.parseInt(args[3]) : 20);
        int connections = Math.min(256, args.length > 4 ? Integer.parseInt(args[4]) : 8);
        Path dir = Files.createTempDirectory("orb-dashboard-load");
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "orb dashboard load, loopback, %d cores, Java %s, server heap max "
                + "%d MB (%s), load average %.2f at the start%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                String.join("/", ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).toList()), OS.getSystemLoadAverage()));
        try (TradingFixture fixture = TradingFixture.onH2(dir)) {
            for (Duration ttl : List.of(Duration.ZERO, DashboardConfig.DEFAULT_RESPONSE_CACHE_TTL)) {
                DashboardConfig config = config(fixture).responseCacheTtl(ttl).build();
                try (TestServer server = TestServer.start(config, "/dash/*", false)) {
                    report.append(String.format(Locale.ROOT, "%n== response cache %s ==%n", ttl.isZero() ? "off"
                            : "on, TTL " + ttl.toMillis() + " ms"));
                    api(server, rate, apiSeconds, connections, report);
                    if (ttl.isZero()) {
                        sse(server, fixture, clients, sseSeconds, report);
                    }
                }
            }
        }
        System.out.print(report);
        Path out = Path.of(System.getProperty("orb.load.out", "target/dashboard-load.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
        System.exit(0);
    }

    /**
     * The tests' configuration with the production push and refresh intervals, on a clock that keeps the fixture's
     * time of day (10:15 New York, frozen) but whose monotonic time is real, so that the cache's TTL runs out as it
     * would in production.
     */
    private static DashboardConfig.Builder config(TradingFixture fixture) {
        OrbClock clock = new OrbClock() {
            @Override
            public Instant now() {
                return fixture.clock.now();
            }

            @Override
            public long monotonicNanos() {
                return System.nanoTime();
            }
        };
        SessionControls controls = SessionControls.builder(fixture.runner, fixture.broker, clock).build();
        return DashboardConfig.builder(clock, fixture.dashboardBroker, fixture.storage, fixture.audit)
                .liveFeed(fixture.feed)
                .controls(controls)
                .logStore(fixture.storage)
                .maintenance(fixture.maintenance, fixture.storage)
                .basicAuth(Setup.USER, Setup.PASSWORD)
                .pushInterval(DashboardConfig.DEFAULT_PUSH_INTERVAL)
                .brokerRefresh(DashboardConfig.DEFAULT_BROKER_REFRESH);
    }

    private static void api(TestServer server, int rate, int seconds, int connections, StringBuilder report)
            throws Exception {
        try (Client client = Client.start(server)) {
            // warm-up: the JIT compiles the server's paths (not measured)
            for (int e = 0; e < ENDPOINTS.size(); e++) {
                client.send("closed " + e + " " + WARM_UP);
                client.awaitDone();
            }
            report.append(String.format(Locale.ROOT, "%nServer CPU per request, closed loop (one connection, %d "
                    + "requests per endpoint after a warm-up of %d each):%n%-44s %12s %12s %12s%n", PER_ENDPOINT,
                    WARM_UP, "endpoint", "CPU µs/req", "wall µs/req", "alloc KB/req"));
            double sum = 0;
            for (int e = 0; e < ENDPOINTS.size(); e++) {
                int n = PER_ENDPOINT;
                long allocated = allocatedBytes();
                Cpu before = Cpu.now();
                client.send("closed " + e + " " + n);
                String done = client.awaitDone();
                Cpu after = Cpu.now();
                allocated = allocatedBytes() - allocated;
                double cpu = (double) before.cpuNanosTo(after) / n;
                sum += cpu;
                report.append(String.format(Locale.ROOT, "%-44s %12.1f %12.1f %12.1f%s%n", ENDPOINTS.get(e),
                        cpu / 1e3, before.wallNanosTo(after) / 1e3 / n, allocated / 1024.0 / n,
                        done.equals("done 0") ? "" : "  (" + done + " errors)"));
            }
            report.append(String.format(Locale.ROOT, "%-44s %12.1f%n", "mean of the mix", sum / ENDPOINTS.size() / 1e3));

            // the open loop's own warm-up (its concurrency takes paths the closed loop does not), then the
            // server's background (push loop, pool housekeeping) while no request comes
            client.send("open " + rate + " " + OPEN_WARM_UP_SECONDS + " " + connections + " 0");
            client.awaitDone();
            Cpu idle = Cpu.now();
            Thread.sleep(3000);
            Cpu idleEnd = Cpu.now();
            double idlePerSecond = idle.cpuNanosTo(idleEnd) / (idle.wallNanosTo(idleEnd) / 1e9);

            Map<String, long[]> threadsBefore = threadCpu();
            Cpu before = Cpu.now();
            long clientBefore = client.cpuNanos();
            client.send("open " + rate + " " + seconds + " " + connections + " 1");
            List<String> table = client.collectUntilDone();
            Cpu after = Cpu.now();
            Map<String, long[]> threadsAfter = threadCpu();
            long clientCpu = client.cpuNanos() - clientBefore;
            table.subList(0, table.size() - 1).forEach(l -> report.append(l).append('\n'));
            long requests = (long) rate * seconds;
            report.append(String.format(Locale.ROOT, "server: %.1f µs CPU per request (%.0f %% of one core; idle "
                    + "%.2f ms/s), GC: %d collections, %.1f ms in total; client JVM: %.1f µs CPU per request%n",
                    before.cpuNanosTo(after) / 1e3 / requests,
                    100.0 * before.cpuNanosTo(after) / before.wallNanosTo(after), idlePerSecond / 1e6,
                    after.gcCount - before.gcCount, (after.gcMillis - before.gcMillis) * 1.0,
                    clientCpu / 1e3 / requests));
            report.append(byThread(threadsBefore, threadsAfter, requests));
        }
    }

    /** Bytes allocated so far by this JVM's live threads (a thread that ended in between is missing). */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    /**
     * The CPU time of this JVM's threads by group, user and system (kernel) time apart, in clock ticks, from
     * {@code /proc/self/task} (Linux; empty elsewhere). Threads that ended in between are missing from the
     * difference.
     */
    private static Map<String, long[]> threadCpu() {
        Map<String, long[]> groups = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return groups;
        }
        try (var dirs = Files.list(tasks)) {
            for (Path t : dirs.toList()) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException e) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] f = stat.substring(close + 2).split(" ");
                long[] g = groups.computeIfAbsent(group(name), k -> new long[2]);
                g[0] += Long.parseLong(f[11]);
                g[1] += Long.parseLong(f[12]);
            }
        } catch (IOException e) {
            return groups;
        }
        return groups;
    }

    private static String group(String thread) {
        if (thread.startsWith("qtp")) {
            return "Jetty (requests, selector)";
        } else if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
            return "JIT";
        } else if (thread.startsWith("G1") || thread.startsWith("GC ") || thread.startsWith("VM Thread")) {
            return "GC and VM";
        }
        return "other";
    }

    private static String byThread(Map<String, long[]> before, Map<String, long[]> after, long requests) {
        double tickMicros = 1e6 / 100; // USER_HZ is 100 on Linux
        StringBuilder b = new StringBuilder();
        after.forEach((group, a) -> {
            long[] z = before.getOrDefault(group, new long[2]);
            b.append(b.length() == 0 ? "server CPU by thread group, µs per request (user + kernel): " : "; ")
                    .append(String.format(Locale.ROOT, "%s %.0f + %.0f", group, (a[0] - z[0]) * tickMicros / requests,
                            (a[1] - z[1]) * tickMicros / requests));
        });
        return b.length() == 0 ? "" : b.append('\n').toString();
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
                    new SseSubscriber(published, latencies, received, open))).whenComplete((r, t) -> {
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
        report.append(String.format(Locale.ROOT, "%nSSE (clients in the server's JVM, JDK HttpClient): %d clients "
                + "connected (%d failed), %d events at 10/s over %d s, plus positions every second; %d of %d "
                + "deliveries received%n%-44s %9s %9s %9s %9s %9s%n", open.get(), failed.get(), events, seconds,
                received.get(), (long) events * open.get(), "push latency (publish → client parsed)", "p50 ms",
                "p90 ms", "p99 ms", "p99.9 ms", "max ms"));
        report.append(LoadClient.line("alert events", l));
    }

    /** The process CPU time, the wall clock and the collections of this JVM at one moment. */
    private record Cpu(long cpuNanos, long wallNanos, long gcCount, long gcMillis) {
        static Cpu now() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            return new Cpu(OS.getProcessCpuTime(), System.nanoTime(), count, millis);
        }

        long cpuNanosTo(Cpu later) {
            return later.cpuNanos - cpuNanos;
        }

        long wallNanosTo(Cpu later) {
            return later.wallNanos - wallNanos;
        }
    }

    /** The {@link LoadClient} process, driven through its stdin and stdout. */
    private static final class Client implements AutoCloseable {
        private final Process process;
        private final PrintStream in;
        private final BufferedReader out;

        private Client(Process process) {
            this.process = process;
            this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** A client JVM of its own: only the JDK and {@link LoadClient}'s class directory on its class path. */
        static Client start(TestServer server) throws IOException {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classes;
            try {
                classes = Path.of(LoadClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toString();
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
            List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                    "-cp", classes, LoadClient.class.getName(), Integer.toString(server.port()),
                    server.uri("").getPath(), Http.basic(Setup.USER, Setup.PASSWORD)));
            cmd.addAll(ENDPOINTS);
            return new Client(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        void send(String command) {
            in.println(command);
        }

        String awaitDone() throws IOException {
            List<String> lines = collectUntilDone();
            return lines.get(lines.size() - 1);
        }

        /** The client's output up to its {@code done} line; the last element is that line. */
        List<String> collectUntilDone() throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("done")) {
                    return lines;
                }
            }
            throw new IOException("the load client ended early (exit " + process.exitValue() + ")");
        }

        long cpuNanos() {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        @Override
        public void close() throws InterruptedException {
            in.println("quit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** One SSE client: parses frames and records the latency of each load alert. */
    private static final class SseSubscriber implements Flow.Subscriber<String> {
        private final AtomicLongArray published;
        private final ConcurrentLinkedQueue<Long> latencies;
        private final AtomicLong received;
        private final AtomicInteger open;
        private boolean alert;

        SseSubscriber(AtomicLongArray published, ConcurrentLinkedQueue<Long> latencies, AtomicLong received,
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
}
