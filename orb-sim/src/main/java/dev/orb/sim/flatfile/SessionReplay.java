package dev.orb.sim.flatfile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.orb.domain.OrbException;
import dev.orb.domain.TradingSession;

/**
 * The sessions of a run, in order, each read from its flat files while the caller processes the previous
 * one ({@link FlatFileDataset#replay}). Close it to stop the background readers; sessions not yet taken are
 * discarded.
 *
 * <p>Not thread-safe: one consumer calls {@link #next()}. The reading threads are daemon threads named
 * {@code orb-flatfile-N}.
 */
public final class SessionReplay implements Iterator<SessionData>, AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final FlatFileDataset dataset;
    private final List<TradingSession> sessions;
    private final ExecutorService readers;
    private final Deque<Future<SessionData>> pending = new ArrayDeque<>();
    private int submitted;
    private int taken;
    private boolean closed;

    SessionReplay(FlatFileDataset dataset, List<TradingSession> sessions, int readAhead) {
        this.dataset = dataset;
        this.sessions = List.copyOf(sessions);
        this.readers = readAhead == 0 ? null : Executors.newFixedThreadPool(readAhead, task -> {
            Thread t = new Thread(task, "orb-flatfile-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < readAhead; i++) {
            submitNext();
        }
    }

    /** The sessions this replay delivers, in order. */
    public List<TradingSession> sessions() {
        return sessions;
    }

    @Override
    public boolean hasNext() {
        return !closed && taken < sessions.size();
    }

    /**
     * The next session's data.
     *
     * @throws FlatFileException if one of its files is missing or malformed
     * @throws NoSuchElementException after the last session
     * @throws OrbException after {@link #close()}
     */
    @Override
    public SessionData next() {
        if (closed) {
            throw new OrbException("SessionReplay: closed");
        }
        if (!hasNext()) {
            throw new NoSuchElementException("SessionReplay: all " + sessions.size() + " sessions were delivered");
        }
        if (readers == null) {
            return dataset.read(sessions.get(taken++));
        }
        Future<SessionData> head = pending.removeFirst();
        submitNext();
        taken++;
        try {
            return head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrbException("SessionReplay: interrupted while waiting for " + sessions.get(taken - 1).date(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FlatFileException) {
                throw new FlatFileException(cause.getMessage(), cause);
            }
            throw new OrbException("SessionReplay: reading " + sessions.get(taken - 1).date() + " failed: " + cause,
                    cause);
        } catch (CancellationException e) {
            throw new OrbException("SessionReplay: closed while reading " + sessions.get(taken - 1).date(), e);
        }
    }

    private void submitNext() {
        if (submitted < sessions.size()) {
            TradingSession session = sessions.get(submitted++);
            pending.addLast(readers.submit(() -> dataset.read(session)));
        }
    }

    /** Stops the background readers. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (readers != null) {
            pending.forEach(f -> f.cancel(true));
            pending.clear();
            readers.shutdownNow();
        }
    }
}
