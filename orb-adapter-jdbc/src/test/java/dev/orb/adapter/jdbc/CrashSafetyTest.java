package dev.orb.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orb.domain.JournalEntry;

/**
 * Crash safety on H2: a child JVM writing in a loop is killed with SIGKILL ({@link Process#destroyForcibly()} on
 * Linux) at a random moment, three times over; after each kill the database must open and hold every write the
 * child acknowledged, and no half-written chain or batch — also of the large upserts H2 writes in several
 * transactions: through the port, all of such a batch's dates or none.
 */
class CrashSafetyTest {
    private static final int ROUNDS = 3;
    private final Path base = newTempDir();
    private final Path dir = base.resolve("db");
    private final Random random = new Random(20240311L);

    @AfterEach
    void cleanUp() {
        H2Backend.deleteRecursively(base);
    }

    @Test
    void killedMidWrite_losesNoAcknowledgedWrite_andLeavesNoHalfChainOrBatch() throws Exception {
        Acks acks = new Acks();
        int next = 1;
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 40 + random.nextInt(80);
            next = runAndKill(next, killAfter, acks, round) + 1;

            try (JdbcStorage storage = JdbcStorage.create(JdbcConfig.h2File(dir))) {
                assertEveryAckIsStored(storage, acks);
                assertNoHalfWrites();
                assertNoHalfBigBatch(storage, next);
                long highest = acks.sequences.stream().mapToLong(Long::longValue).max().orElse(0);
                JournalEntry probe = storage.append(new JournalEntry(0, CrashWriter.SESSION, Samples.DECIDED, "Probe", ""));
                assertThat(probe.sequence()).isGreaterThan(highest);
                acks.sequences.add(probe.sequence());
            }
        }
        assertThat(acks.chains).hasSizeGreaterThanOrEqualTo(ROUNDS * 40);
    }

    /** Starts the child at loop index {@code first}, kills it after {@code killAfter} chains; returns the last index seen. */
    private int runAndKill(int first, int killAfter, Acks acks, int round) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString(), Integer.toString(first));
        pb.redirectError(base.resolve("child-" + round + ".err").toFile());
        Process child = pb.start();
        int last = first;
        int chainsThisRound = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean killed = false;
            while ((line = out.readLine()) != null) {
                last = Math.max(last, acks.record(line));
                if (line.startsWith("CHAIN ")) {
                    chainsThisRound++;
                }
                if (!killed && chainsThisRound >= killAfter) {
                    // Kill while the child is inside its next writes; whatever it printed before is acknowledged.
                    Thread.sleep(random.nextInt(5));
                    // Through the handle: Process.destroyForcibly() would also close our end of its stdout, losing
                    // acknowledgements still in the pipe.
                    child.toHandle().destroyForcibly();
                    killed = true;
                }
            }
            assertThat(killed).as("child wrote %s chains before it ended by itself: %s", chainsThisRound,
                    Files.readString(base.resolve("child-" + round + ".err"))).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        return last;
    }

    private static void assertEveryAckIsStored(JdbcStorage storage, Acks acks) {
        Set<Long> journal = new HashSet<>();
        for (JournalEntry e : storage.journal(CrashWriter.SESSION)) {
            journal.add(e.sequence());
        }
        assertThat(journal).containsAll(acks.sequences);
        Set<String> signals = new HashSet<>();
        storage.signals(CrashWriter.SESSION).forEach(s -> signals.add(s.symbol().value()));
        for (int i : acks.chains) {
            assertThat(signals).contains(CrashWriter.symbol(i).value());
        }
        for (int i : acks.barBatches) {
            assertThat(storage.dailyBars(CrashWriter.batchDate(i), CrashWriter.batchDate(i))).hasSize(CrashWriter.BARS_PER_BATCH);
        }
        for (int i : acks.bigBatches) {
            for (LocalDate d : CrashWriter.bigDates(i)) {
                assertThat(storage.dailyBars(d, d)).hasSize(CrashWriter.BIG_BARS_PER_DATE);
            }
        }
    }

    /** Each large batch, read through the port: every one of its dates complete, or none of them. */
    private static void assertNoHalfBigBatch(JdbcStorage storage, int lastIndex) {
        for (int i = 0; i <= lastIndex; i += CrashWriter.BIG_EVERY) {
            List<LocalDate> dates = CrashWriter.bigDates(i);
            List<LocalDate> listed = storage.dailyBarDates(dates.get(0), dates.get(dates.size() - 1));
            assertThat(listed.isEmpty() || listed.equals(dates)).as("dates of large batch %s: %s", i, listed).isTrue();
            for (LocalDate d : listed) {
                assertThat(storage.dailyBars(d, d)).as("bars of %s", d).hasSize(CrashWriter.BIG_BARS_PER_DATE);
            }
        }
    }

    private void assertNoHalfWrites() throws Exception {
        try (Connection c = DriverManager.getConnection(JdbcConfig.h2File(dir).jdbcUrl(), "sa", "");
             Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT COUNT(*) FROM signals s LEFT JOIN orders o ON o.client_order_id = s.client_order_id"
                    + " WHERE o.client_order_id IS NULL")).as("signals without their order").isZero();
            assertThat(single(s, "SELECT COUNT(*) FROM orders o LEFT JOIN signals s ON s.client_order_id = o.client_order_id"
                    + " WHERE s.id IS NULL")).as("orders without their signal").isZero();
            // Small batches are one transaction each: not even an unlisted row of them may exist.
            try (ResultSet rs = s.executeQuery("SELECT bar_date, COUNT(*) FROM daily_bars WHERE bar_date >= DATE"
                    + " '2000-01-01' GROUP BY bar_date")) {
                while (rs.next()) {
                    assertThat(rs.getLong(2)).as("bars of batch %s", rs.getObject(1)).isEqualTo(CrashWriter.BARS_PER_BATCH);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT payload FROM journal WHERE event_type = 'Batch'")) {
                List<String> payloads = new ArrayList<>();
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
                assertThat(payloads.size() % CrashWriter.JOURNAL_BATCH).as("journal batches are all-or-nothing").isZero();
            }
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path newTempDir() {
        try {
            return Files.createTempDirectory("orb-crash-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the child acknowledged, over all rounds. */
    private static final class Acks {
        final List<Integer> chains = new ArrayList<>();
        final List<Integer> barBatches = new ArrayList<>();
        final List<Integer> bigBatches = new ArrayList<>();
        final Set<Long> sequences = new HashSet<>();

        /** Records one line; returns the loop index it names, or 0. */
        int record(String line) {
            String[] parts = line.split(" ", 2);
            if (parts.length != 2) {
                return 0;
            }
            switch (parts[0]) {
                case "CHAIN" -> {
                    chains.add(Integer.parseInt(parts[1]));
                    return Integer.parseInt(parts[1]);
                }
                case "BARS" -> {
                    barBatches.add(Integer.parseInt(parts[1]));
                    return Integer.parseInt(parts[1]);
                }
                case "BIG" -> bigBatches.add(Integer.parseInt(parts[1]));
                case "SEQ" -> sequences.add(Long.parseLong(parts[1]));
                case "SEQS" -> {
                    for (String seq : parts[1].split(",")) {
                        sequences.add(Long.parseLong(seq));
                    }
                }
                default -> {
                    return 0;
                }
            }
            return 0;
        }
    }
}
