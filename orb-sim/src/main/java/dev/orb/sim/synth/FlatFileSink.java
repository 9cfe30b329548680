package dev.orb.sim.synth;

import java.nio.file.Path;

import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.sim.EpochNanos;
import dev.orb.sim.flatfile.FlatFileLayout;
import dev.orb.sim.flatfile.FlatFileWriter;

/** Writes a generated market as flat files: one day file and one minute file per session, committed together. */
final class FlatFileSink implements SessionSink {
    private final Path root;
    private final int gzipLevel;
    private FlatFileWriter minutes;
    private FlatFileWriter days;
    private long regularFrom;
    private long regularUntil;
    private long minuteRows;
    private long regularBars;
    private long dailyRows;

    FlatFileSink(Path root, int gzipLevel) {
        this.root = root;
        this.gzipLevel = gzipLevel;
    }

    @Override
    public void beginSession(TradingSession session) {
        minutes = FlatFileWriter.create(FlatFileLayout.minuteFile(root, session.date()), gzipLevel);
        days = FlatFileWriter.create(FlatFileLayout.dayFile(root, session.date()), gzipLevel);
        regularFrom = EpochNanos.of(session.openInstant());
        regularUntil = EpochNanos.of(session.closeInstant());
    }

    @Override
    public void minuteBar(Symbol symbol, long start, long open, long high, long low, long close, long volume,
                          long transactions) {
        minutes.write(symbol, volume, open, close, high, low, start, transactions);
        minuteRows++;
        if (start >= regularFrom && start < regularUntil) {
            regularBars++;
        }
    }

    @Override
    public void dailyBar(Symbol symbol, long windowStart, long open, long high, long low, long close, long volume,
                         long transactions) {
        days.write(symbol, volume, open, close, high, low, windowStart, transactions);
        dailyRows++;
    }

    @Override
    public void endSession(TradingSession session) {
        // The minute file first: a dataset lists sessions by their day file, which must never lack its minutes.
        minutes.commit();
        days.commit();
        minutes = null;
        days = null;
    }

    /** Discards the files of a session that did not end. */
    void close() {
        if (minutes != null) {
            minutes.close();
        }
        if (days != null) {
            days.close();
        }
    }

    GenerationSummary summary(int sessions, int symbols) {
        return new GenerationSummary(sessions, symbols, minuteRows, regularBars, dailyRows);
    }
}
