package dev.orb.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class EventBusProperties {
    private static final Instant T = Instant.parse("2024-03-12T14:00:00Z");

    @Property
    void replayHoldsExactlyTheBufferedEventsAfterTheId(@ForAll @IntRange(min = 1, max = 40) int capacity,
                                                      @ForAll @IntRange(min = 0, max = 120) int published,
                                                      @ForAll @IntRange(min = 0, max = 130) int after) {
        EventBus bus = new EventBus(capacity);
        for (int i = 0; i < published; i++) {
            bus.publish("log", T, "{\"n\":" + i + "}");
        }
        EventBus.Replay r = bus.since(after);
        long oldest = Math.max(1, published - capacity + 1);
        List<Long> expected = new ArrayList<>();
        for (long id = Math.max(after + 1, oldest); id <= published; id++) {
            expected.add(id);
        }
        assertThat(r.events()).extracting(LiveEvent::id).containsExactlyElementsOf(expected);
        assertThat(r.gap()).isEqualTo(published > 0 && after + 1 < oldest);
        assertThat(r.lastId()).isEqualTo(published);
    }

    @Test
    void snapshotsAreDeliveredButNeverReplayed() {
        EventBus bus = new EventBus(8);
        List<LiveEvent> seen = new ArrayList<>();
        bus.subscribe(seen::add);
        bus.snapshot("positions", T, "{}");
        bus.publish("alert", T, "{}");
        assertThat(seen).extracting(LiveEvent::id).containsExactly(0L, 1L);
        assertThat(bus.since(0).events()).extracting(LiveEvent::type).containsExactly("alert");
        assertThat(new String(seen.get(0).sseFrame(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("event: positions\ndata: {}\n\n");
        assertThat(new String(seen.get(1).sseFrame(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("id: 1\nevent: alert\ndata: {}\n\n");
    }

    /** A client joining while events are published receives every later event once, in order. */
    @Test
    void clientsJoiningDuringPublication_getEachEventOnceInOrder() throws Exception {
        EventBus bus = new EventBus(10_000);
        try (LiveHub hub = new LiveHub(bus)) {
            List<Recorder> clients = new CopyOnWriteArrayList<>();
            Thread publisher = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    bus.publish("log", T, "{}");
                }
            });
            publisher.start();
            for (int i = 0; i < 20; i++) {
                Recorder c = new Recorder();
                clients.add(c);
                hub.add(c, i % 2 == 0 ? -1 : Math.max(0, bus.lastId() - 5));
                Thread.sleep(1);
            }
            publisher.join();
            for (int i = 0; i < 100; i++) {
                bus.publish("log", T, "{}");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (clients.stream().anyMatch(c -> c.last() < 2100) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            for (Recorder c : clients) {
                List<Long> ids = c.ids;
                assertThat(ids).isNotEmpty();
                assertThat(ids.get(ids.size() - 1)).isEqualTo(2100L);
                for (int i = 1; i < ids.size(); i++) {
                    assertThat(ids.get(i)).as("consecutive ids").isEqualTo(ids.get(i - 1) + 1);
                }
            }
        }
    }

    private static final class Recorder extends LiveClient {
        final List<Long> ids = new CopyOnWriteArrayList<>();

        long last() {
            return ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
        }

        @Override
        protected boolean offer(LiveEvent event) {
            ids.add(event.id());
            return true;
        }

        @Override
        protected boolean offerReset(String json, Instant at) {
            return true;
        }

        @Override
        protected void flush() {
        }

        @Override
        protected void close() {
        }

        @Override
        protected boolean isClosed() {
            return false;
        }
    }
}
