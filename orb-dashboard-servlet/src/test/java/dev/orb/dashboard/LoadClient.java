package dev.orb.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A lean HTTP/1.1 load client for {@link DashboardLoad}, run in its own JVM so that its JIT, GC and threads are
 * not the server's. It uses nothing but the JDK: plain sockets with keep-alive, the request bytes built once per
 * endpoint, a fixed set of connections, one thread each, and no allocation per request beyond what a socket read
 * needs.
 *
 * <p><b>Open loop without coordinated omission</b> (the wrk2 method): request {@code i} is due at
 * {@code start + i / rate}; whichever connection is free takes the next due request, waits until it is due and
 * sends it, and its latency is measured from the due time, not from the send. A slow server therefore cannot slow
 * the schedule down: if every connection is busy, the requests that fall due meanwhile are sent late and their
 * waiting counts in their latency.
 *
 * <p>Driven line by line on stdin by the server's JVM (so that it can read its own CPU time around each phase):
 * <ul>
 *   <li>{@code open <rate> <seconds> <connections> <report 0|1>}: an open-loop phase, round-robin over the
 *   endpoints; prints the latency table when asked, then {@code done};</li>
 *   <li>{@code closed <endpoint index> <requests>}: that many requests one after the other on one connection;
 *   prints {@code done <errors>};</li>
 *   <li>{@code quit}.</li>
 * </ul>
 *
 * <p>Usage (started by {@link DashboardLoad}): {@code LoadClient <port> <path prefix> <Authorization value>
 * <endpoint>...}. With the environment variable {@code ORB_LOAD_RAW=<prefix>} each open-loop phase also writes every
 * request's due time and latency to {@code <prefix>-<n>.csv}.
 */
public final class LoadClient {
    private static final byte[] CRLFCRLF = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int port;
    private final List<String> endpoints;
    private final byte[][] requests;

    private LoadClient(int port, String prefix, String authorization, List<String> endpoints) {
        this.port = port;
        this.endpoints = endpoints;
        this.requests = new byte[endpoints.size()][];
        for (int e = 0; e < endpoints.size(); e++) {
            requests[e] = ("GET " + prefix + endpoints.get(e) + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: " + authorization + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    public static void main(String[] args) throws Exception {
        LoadClient client = new LoadClient(Integer.parseInt(args[0]), args[1], args[2],
                List.of(Arrays.copyOfRange(args, 3, args.length)));
        PrintStream out = System.out;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cmd = line.trim().split(" ");
            switch (cmd[0]) {
                case "open" -> {
                    String table = client.open(Integer.parseInt(cmd[1]), Integer.parseInt(cmd[2]),
                            Integer.parseInt(cmd[3]));
                    if (cmd[4].equals("1")) {
                        out.print(table);
                    }
                    out.println("done");
                }
                case "closed" -> out.println("done " + client.closed(Integer.parseInt(cmd[1]),
                        Integer.parseInt(cmd[2])));
                case "quit" -> {
                    out.flush();
                    return;
                }
                default -> out.println("error unknown command " + line);
            }
            out.flush();
        }
    }

    /** The open-loop phase; returns its latency table. */
    private String open(int rate, int seconds, int connections) throws InterruptedException {
        int total = rate * seconds;
        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        AtomicInteger next = new AtomicInteger();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 20_000_000L;
        List<Thread> threads = new ArrayList<>();
        int[] errors = new int[connections];
        int[] hits = new int[connections];
        for (int c = 0; c < connections; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                Connection conn = new Connection(port);
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * period;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    int status = conn.exchange(requests[i % requests.length]);
                    long end = System.nanoTime();
                    if (status == 200) {
                        latency[i] = end - due;
                        if (conn.cacheHit) {
                            hits[id]++;
                        }
                    } else {
                        errors[id]++;
                    }
                }
                conn.close();
            }, "load-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        String raw = System.getenv("ORB_LOAD_RAW");
        if (raw != null) {
            // a diagnostic: each request's due time (ms from the start) and latency (ms), to see when the slow ones came
            StringBuilder csv = new StringBuilder("due_ms,endpoint,latency_ms\n");
            for (int i = 0; i < total; i++) {
                csv.append(String.format(Locale.ROOT, "%.3f,%d,%.3f%n", i * period / 1e6, i % requests.length,
                        latency[i] / 1e6));
            }
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(raw + "-" + System.nanoTime() + ".csv"), csv);
            } catch (IOException e) {
                System.err.println("could not write " + raw + ": " + e);
            }
        }
        int errorCount = Arrays.stream(errors).sum();
        int hitCount = Arrays.stream(hits).sum();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nAPI at %d requests/s for %d s (%d requests,"
                + " %d errors, %d connections, %d answers from the cache), latency from the due time:%n"
                + "%-44s %9s %9s %9s %9s %9s%n", rate, seconds, total, errorCount, connections, hitCount, "endpoint",
                "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms"));
        List<long[]> per = new ArrayList<>();
        for (int e = 0; e < requests.length; e++) {
            int n = 0;
            long[] l = new long[total / requests.length + 1];
            for (int i = e; i < total; i += requests.length) {
                if (latency[i] >= 0) {
                    l[n++] = latency[i];
                }
            }
            per.add(Arrays.copyOf(l, n));
            b.append(line(endpoints.get(e), per.get(e)));
        }
        b.append(line("all", Arrays.stream(latency).filter(l -> l >= 0).toArray()));
        return b.toString();
    }

    /** Closed loop on one connection; returns the number of errors. */
    private int closed(int endpoint, int n) {
        Connection conn = new Connection(port);
        int errors = 0;
        for (int i = 0; i < n; i++) {
            if (conn.exchange(requests[endpoint]) != 200) {
                errors++;
            }
        }
        conn.close();
        return errors;
    }

    static String line(String name, long[] nanos) {
        if (nanos.length == 0) {
            return String.format(Locale.ROOT, "%-44s %9s%n", name, "no samples");
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%-44s %9.2f %9.2f %9.2f %9.2f %9.2f%n", name, ms(s, 0.50), ms(s, 0.90),
                ms(s, 0.99), ms(s, 0.999), s[s.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /**
     * One keep-alive connection: writes a request, reads the status line and headers, then the body by its
     * {@code Content-Length} (or chunks), and discards it. Reconnects after an error or {@code Connection: close}.
     */
    private static final class Connection {
        private final int port;
        private final byte[] buf = new byte[64 * 1024];
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private int start;
        private int end;
        /** Whether the last answer said {@code X-Orb-Cache: hit}. */
        boolean cacheHit;

        Connection(int port) {
            this.port = port;
        }

        /** Sends {@code request}; returns the response's status, or -1 on an I/O error. */
        int exchange(byte[] request) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(10_000);
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    in = socket.getInputStream();
                    out = socket.getOutputStream();
                    start = 0;
                    end = 0;
                }
                out.write(request);
                out.flush();
                return response();
            } catch (IOException | RuntimeException e) {
                close();
                return -1;
            }
        }

        private int response() throws IOException {
            int headEnd;
            while ((headEnd = indexOf(CRLFCRLF)) < 0) {
                fill();
            }
            String head = new String(buf, start, headEnd - start, StandardCharsets.ISO_8859_1);
            start = headEnd + 4;
            int status = Integer.parseInt(head.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            cacheHit = false;
            for (String h : head.split("\r\n")) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                } else if (name.equalsIgnoreCase("X-Orb-Cache")) {
                    cacheHit = value.equals("hit");
                }
            }
            if (chunked) {
                while (true) {
                    int lineEnd;
                    while ((lineEnd = indexOf(CRLFCRLF, 2)) < 0) {
                        fill();
                    }
                    int size = Integer.parseInt(new String(buf, start, lineEnd - start, StandardCharsets.ISO_8859_1)
                            .split(";")[0].trim(), 16);
                    start = lineEnd + 2;
                    skip(size + 2L);
                    if (size == 0) {
                        break;
                    }
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                throw new IOException("a response without a length");
            }
            if (close) {
                close();
            }
            return status;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                if (start == end) {
                    fill();
                }
                int k = (int) Math.min(n, end - start);
                start += k;
                n -= k;
            }
        }

        private void fill() throws IOException {
            if (start == end) {
                start = 0;
                end = 0;
            } else if (end == buf.length) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                throw new IOException("response head larger than " + buf.length + " bytes");
            }
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                throw new IOException("connection closed by the server");
            }
            end += r;
        }

        private int indexOf(byte[] pattern) {
            return indexOf(pattern, pattern.length);
        }

        /** The index of the first {@code length} bytes of {@code pattern} in the buffered bytes, or -1. */
        private int indexOf(byte[] pattern, int length) {
            outer:
            for (int i = start; i <= end - length; i++) {
                for (int j = 0; j < length; j++) {
                    if (buf[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing after an error: nothing more to do
                }
                socket = null;
            }
        }
    }
}
