package dev.orb.dashboard;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a Server-Sent Events response into events, on a background thread. */
final class SseReader implements AutoCloseable {
    /** One event as the browser's EventSource would see it ({@code id} is null when the frame had none). */
    record Event(String id, String type, String data) {
    }

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final int status;
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final Thread reader;

    SseReader(Http http, String lastEventId) throws Exception {
        HttpRequest.Builder b = http.request("api/stream").header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(5));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        response = http.client.sendAsync(b.GET().build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = response.get(10, TimeUnit.SECONDS);
        status = r.statusCode();
        reader = new Thread(() -> {
            String id = null;
            String type = "message";
            StringBuilder data = new StringBuilder();
            try (Stream<String> lines = r.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(id, type, data.toString()));
                        }
                        id = null;
                        type = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        type = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    }
                }
            } catch (RuntimeException e) {
                // closed by the test
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next event matching {@code filter}, skipping others; fails after {@code timeout}. */
    Event next(Predicate<Event> filter, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            Event e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError("no matching event within " + timeout);
            }
            if (filter.test(e)) {
                return e;
            }
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        reader.interrupt();
    }
}
