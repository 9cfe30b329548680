package dev.orb.adapter.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.orb.domain.LogRecord;
import dev.orb.ports.LogStore;

/** A LogStore that records batches, and can be made to hold every write (gate) or to fail. */
final class RecordingLogStore implements LogStore {
    private final List<List<LogRecord>> batches = new ArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile boolean failing;
    private volatile Runnable duringWrite = () -> { };

    /** Makes the next writes wait until {@link #open()}. */
    void close() {
        gate = new CountDownLatch(1);
        entered = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    /** Waits until a write is waiting at the closed gate. */
    void awaitWriterBlocked() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the writer never reached the store");
        }
    }

    void failing(boolean fail) {
        failing = fail;
    }

    void duringWrite(Runnable action) {
        duringWrite = action;
    }

    synchronized List<List<LogRecord>> batches() {
        return List.copyOf(batches);
    }

    synchronized List<LogRecord> lines() {
        return batches.stream().flatMap(List::stream).toList();
    }

    @Override
    public void appendLogs(List<LogRecord> records) {
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        duringWrite.run();
        if (failing) {
            throw new StorageException("appending logs failed: database down", null, null);
        }
        synchronized (this) {
            batches.add(List.copyOf(records));
        }
    }

    @Override
    public synchronized List<LogRecord> recentLogs(int limit) {
        List<LogRecord> all = new ArrayList<>(lines());
        java.util.Collections.reverse(all);
        return all.subList(0, Math.min(limit, all.size()));
    }
}
