package dev.orb.adapter.alpaca;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.orb.domain.OrderUpdate;
import dev.orb.ports.OrderUpdateListener;

/** Records what the broker delivers; {@link #await} polls for a condition. */
final class RecordingListener implements OrderUpdateListener {
    final List<OrderUpdate> updates = new CopyOnWriteArrayList<>();
    final List<String> disconnects = new CopyOnWriteArrayList<>();
    final AtomicInteger reconnects = new AtomicInteger();
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        updates.add(update);
        calls.add(update.type().name());
    }

    @Override
    public void onDisconnected(String reason) {
        disconnects.add(reason);
        calls.add("DISCONNECTED");
    }

    @Override
    public void onReconnected() {
        reconnects.incrementAndGet();
        calls.add("RECONNECTED");
    }

    List<OrderUpdate> fills() {
        return updates.stream().filter(u -> u.type().isFill()).toList();
    }

    long filledShares(String brokerOrderId) {
        return fills().stream().filter(u -> u.fill().brokerOrderId().equals(brokerOrderId))
                .mapToLong(u -> u.fill().quantity()).sum();
    }

    void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; calls so far: " + calls);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
