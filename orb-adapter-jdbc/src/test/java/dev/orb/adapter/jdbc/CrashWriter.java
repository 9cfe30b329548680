package dev.orb.adapter.jdbc;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyBar;
import dev.orb.domain.Direction;
import dev.orb.domain.JournalEntry;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.SignalStatus;
import dev.orb.domain.Symbol;

/**
 * The child process of {@link CrashSafetyTest}: writes signal → order chains, journal entries and batches of
 * daily bars to an H2 file in an endless loop, printing each write to stdout only after it returned (was
 * acknowledged), until it is killed. Every {@value #BIG_EVERY}th loop also upserts a large batch of several dates,
 * which H2 writes in several transactions.
 *
 * <p>Arguments: the database directory and the first loop index.
 */
public final class CrashWriter {
    static final LocalDate SESSION = Samples.SESSION;
    static final int BARS_PER_BATCH = 2_000;
    static final int JOURNAL_BATCH = 10;
    static final int BIG_EVERY = 4;
    static final int BIG_DATES = 3;
    static final int BIG_BARS_PER_DATE = 5_000;

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        JdbcStorage storage = JdbcStorage.create(JdbcConfig.h2File(dir));
        Instant at = Samples.DECIDED;
        for (int i = first; ; i++) {
            Symbol symbol = symbol(i);
            ClientOrderId id = ClientOrderId.of(SESSION, symbol, OrderPurpose.ENTRY, 1);
            SignalRecord signal = new SignalRecord(SESSION, symbol, Direction.LONG, 2.0, 1 + i % 20, Samples.p("10.01"),
                    Samples.p("9.51"), 100, at, SignalStatus.SUBMITTED, id, "");
            OrderRecord order = new OrderRecord(id, SESSION, symbol, OrderPurpose.ENTRY, OrderSide.BUY, OrderType.STOP,
                    100, Samples.p("10.01"), Samples.p("9.51"), null, OrderStatus.PENDING_NEW, 0, null, at, null, at, null);
            storage.saveSignal(signal, Optional.of(order));
            ack("CHAIN " + i);

            JournalEntry e = storage.append(new JournalEntry(0, SESSION, at, "Chain", Integer.toString(i)));
            ack("SEQ " + e.sequence());

            List<DailyBar> bars = new ArrayList<>(BARS_PER_BATCH);
            LocalDate date = batchDate(i);
            for (int b = 0; b < BARS_PER_BATCH; b++) {
                bars.add(Samples.bar("B" + b, date, "20.00"));
            }
            storage.upsertDailyBars(bars);
            ack("BARS " + i);

            List<JournalEntry> batch = new ArrayList<>();
            for (int j = 0; j < JOURNAL_BATCH; j++) {
                batch.add(new JournalEntry(0, SESSION, at, "Batch", i + "/" + j));
            }
            List<JournalEntry> stored = storage.appendAll(batch);
            ack("SEQS " + stored.stream().map(x -> Long.toString(x.sequence())).collect(Collectors.joining(",")));

            if (i % BIG_EVERY == 0) {
                List<DailyBar> big = new ArrayList<>(BIG_DATES * BIG_BARS_PER_DATE);
                for (LocalDate d : bigDates(i)) {
                    for (int b = 0; b < BIG_BARS_PER_DATE; b++) {
                        big.add(Samples.bar("G" + b, d, "30.00"));
                    }
                }
                storage.upsertDailyBars(big);
                ack("BIG " + i);
            }
        }
    }

    static Symbol symbol(int i) {
        return Symbol.of("C" + i);
    }

    static LocalDate batchDate(int i) {
        return LocalDate.of(2000, 1, 1).plusDays(i);
    }

    /** The dates of loop {@code i}'s large batch: apart from every small batch's date. */
    static List<LocalDate> bigDates(int i) {
        List<LocalDate> dates = new ArrayList<>();
        for (int d = 0; d < BIG_DATES; d++) {
            dates.add(LocalDate.of(1980, 1, 1).plusDays((long) i * BIG_DATES + d));
        }
        return dates;
    }

    private static void ack(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
