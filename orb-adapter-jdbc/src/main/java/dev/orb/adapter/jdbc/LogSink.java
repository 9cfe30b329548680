package dev.orb.adapter.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.LogRecord;
import dev.orb.ports.LogStore;
import dev.orb.ports.OrbClock;

/**
 * Moves log lines into a {@link LogStore} without ever blocking the thread that logs: {@link #offer} puts the
 * line in a bounded queue and returns at once; one background thread writes the queue in batches with
 * {@link LogStore#appendLogs}.
 *
 * <p>Nothing is lost silently. A line offered to a full queue is dropped and counted ({@link #dropped()}); a
 * batch the store refuses (the database is down) is counted in {@link #failed()}. After the next batch that is
 * written, the sink writes one WARN line (component {@value #COMPONENT}) with how many lines were dropped or lost
 * since the last such report, timestamped by the given clock.
 *
 * <p>Wire it from the logging backend: {@link dev.orb.adapter.jdbc.logback.LogSinkAppender} does so for logback;
 * other backends call {@link #offer}. Lines logged by the writer thread itself (the database driver and pool
 * logging while a batch is written) are ignored, so a failing database cannot feed its own errors back in.
 * Safe for concurrent use.
 */
public final class LogSink implements AutoCloseable {
    /** Default capacity of the queue, in lines. */
    public static final int DEFAULT_CAPACITY = 10_000;
    /** Default largest batch written in one transaction. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** The component of the sink's own WARN lines about dropped lines. */
    public static final String COMPONENT = "dev.orb.adapter.jdbc.LogSink";

    private static final long IDLE_POLL_MILLIS = 200;
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final LogStore store;
    private final OrbClock clock;
    private final int capacity;
    private final int batchSize;
    private final BlockingQueue<LogRecord> queue;
    private final ConcurrentLinkedQueue<CountDownLatch> flushRequests = new ConcurrentLinkedQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;
    private long reportedDropped;
    private long reportedFailed;

    private LogSink(LogStore store, OrbClock clock, int capacity, int batchSize) {
        this.store = store;
        this.clock = clock;
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "orb-log-sink");
        this.writer.setDaemon(true);
    }

    /** Starts a sink with the default capacity and batch size. */
    public static LogSink start(LogStore store, OrbClock clock) {
        return start(store, clock, DEFAULT_CAPACITY, DEFAULT_BATCH_SIZE);
    }

    /**
     * Starts a sink and its writer thread.
     *
     * @param store     where lines go (usually the {@link JdbcStorage})
     * @param clock     stamps the sink's own WARN lines
     * @param capacity  lines the queue holds before new ones are dropped, ≥ 1
     * @param batchSize most lines written in one transaction, ≥ 1
     */
    public static LogSink start(LogStore store, OrbClock clock, int capacity, int batchSize) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new InvalidValueException("LogSink.capacity: " + capacity + " must be at least 1");
        }
        if (batchSize < 1) {
            throw new InvalidValueException("LogSink.batchSize: " + batchSize + " must be at least 1");
        }
        LogSink sink = new LogSink(store, clock, capacity, batchSize);
        sink.writer.start();
        return sink;
    }

    /**
     * Queues a line for writing; never blocks.
     *
     * @return true when queued; false when dropped (queue full or sink closed, counted in {@link #dropped()}) or
     *     ignored (logged by the writer thread itself, not counted)
     */
    public boolean offer(LogRecord record) {
        Objects.requireNonNull(record, "record");
        if (Thread.currentThread() == writer) {
            return false;
        }
        if (closed || !queue.offer(record)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Lines dropped because the queue was full or the sink closed, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Lines lost because the store failed to write their batch, since start. */
    public long failed() {
        return failed.get();
    }

    /** Lines written to the store since start, including the sink's own reports. */
    public long written() {
        return written.get();
    }

    /** Lines waiting in the queue now. */
    public int queued() {
        return queue.size();
    }

    /**
     * Waits until the queue has been emptied (every line offered before this call is written or counted as
     * failed), at most {@code timeout}.
     *
     * @return true when emptied in time
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (!writer.isAlive()) {
            return queue.isEmpty();
        }
        CountDownLatch done = new CountDownLatch(1);
        flushRequests.add(done);
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops accepting lines, writes what is queued (waiting up to 10 s for the store) and stops the writer.
     * Idempotent.
     */
    @Override
    public void close() {
        // Never interrupt the writer: an interrupt during file I/O can close an embedded database's file.
        closed = true;
        try {
            writer.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<LogRecord> batch = new ArrayList<>(batchSize);
        while (true) {
            LogRecord first;
            try {
                first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = queue.poll();
            }
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
                batch.clear();
            }
            if (queue.isEmpty()) {
                reportLosses();
            }
            releaseFlushesIfEmpty();
            if (closed && queue.isEmpty()) {
                releaseFlushesIfEmpty();
                return;
            }
        }
    }

    private void write(List<LogRecord> batch) {
        try {
            store.appendLogs(batch);
            written.addAndGet(batch.size());
        } catch (RuntimeException e) {
            // The store is unavailable; the lines are lost, counted and reported once it is back.
            failed.addAndGet(batch.size());
        }
    }

    private void reportLosses() {
        long d = dropped.get();
        long f = failed.get();
        if (d == reportedDropped && f == reportedFailed) {
            return;
        }
        String message = "log sink lost lines: " + (d - reportedDropped) + " dropped (queue of " + capacity
                + " full) and " + (f - reportedFailed) + " not written (store failed) since the last report; totals "
                + d + " dropped, " + f + " failed";
        try {
            store.appendLogs(List.of(new LogRecord(clock.now(), "WARN", COMPONENT, message, writer.getName())));
            written.incrementAndGet();
            reportedDropped = d;
            reportedFailed = f;
        } catch (RuntimeException e) {
            // Still failing: report later, together with whatever else gets lost meanwhile.
        }
    }

    private void releaseFlushesIfEmpty() {
        // Take the waiting flushes before looking at the queue: a line offered before a flush call is then
        // either still queued (the flush keeps waiting) or already written.
        List<CountDownLatch> waiting = new ArrayList<>();
        CountDownLatch latch;
        while ((latch = flushRequests.poll()) != null) {
            waiting.add(latch);
        }
        if (queue.isEmpty()) {
            waiting.forEach(CountDownLatch::countDown);
        } else {
            flushRequests.addAll(waiting);
        }
    }

    @Override
    public String toString() {
        return "LogSink[queued=" + queue.size() + "/" + capacity + ", written=" + written + ", dropped=" + dropped
                + ", failed=" + failed + "]";
    }
}
