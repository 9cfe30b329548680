package dev.orb.adapter.jdbc;

import static dev.orb.adapter.jdbc.Samples.DECIDED;
import static dev.orb.adapter.jdbc.Samples.SESSION;
import static dev.orb.adapter.jdbc.Samples.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.orb.domain.JournalEntry;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.TradingMode;

/** JournalStore and SystemStateStore. */
abstract class JournalAndStateContract extends StorageContract {

    @Test
    void append_assignsIncreasingSequences_andJournalReturnsTheSessionInSequenceOrder() {
        JournalEntry a = storage.append(event(SESSION, "Tick", "{\"t\":1}", DECIDED));
        JournalEntry other = storage.append(event(SESSION.plusDays(1), "Tick", "{\"t\":9}", DECIDED));
        JournalEntry b = storage.append(event(SESSION, "BarReceived", "{\"bar\":\"AAPL 101.5\"}", DECIDED.plusMillis(5)));

        assertThat(a.sequence()).isPositive();
        assertThat(other.sequence()).isGreaterThan(a.sequence());
        assertThat(b.sequence()).isGreaterThan(other.sequence());
        assertThat(storage.journal(SESSION)).containsExactly(a, b);
        assertThat(storage.journal(SESSION.plusDays(1))).containsExactly(other);
        assertThat(storage.journal(SESSION.minusDays(1))).isEmpty();
    }

    @Test
    void append_ignoresTheGivenSequence_andRoundTripsPayloadExactly() {
        String payload = "{\"unicode\":\"é ü 株 \\u0000\",\"big\":\"" + "x".repeat(100_000) + "\"}";
        JournalEntry stored = storage.append(new JournalEntry(77, SESSION, DECIDED, "OperatorCommand", payload));

        assertThat(stored.sequence()).isNotEqualTo(77);
        assertThat(stored).isEqualTo(new JournalEntry(stored.sequence(), SESSION, DECIDED, "OperatorCommand", payload));
        assertThat(storage.journal(SESSION)).containsExactly(stored);
    }

    @Test
    void instants_areKeptToTheMicrosecond() {
        Instant withNanos = Instant.parse("2024-03-11T13:35:00.123456789Z");
        JournalEntry stored = storage.append(event(SESSION, "Tick", "{}", withNanos));

        assertThat(stored.recordedAt()).isEqualTo(Instant.parse("2024-03-11T13:35:00.123456Z"));
        assertThat(storage.journal(SESSION).get(0).recordedAt()).isEqualTo(stored.recordedAt());
    }

    @Test
    void appendAll_storesTheBatchInListOrder() {
        List<JournalEntry> batch = List.of(event(SESSION, "A", "1", DECIDED), event(SESSION, "B", "2", DECIDED),
                event(SESSION, "C", "3", DECIDED));
        List<JournalEntry> stored = storage.appendAll(batch);

        assertThat(stored).extracting(JournalEntry::type).containsExactly("A", "B", "C");
        assertThat(stored).extracting(JournalEntry::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(storage.journal(SESSION)).isEqualTo(stored);
    }

    @Test
    void appendAll_isAllOrNothing_aBadEntryStoresNoneOfTheBatch() {
        JournalEntry before = storage.append(event(SESSION, "Before", "0", DECIDED));
        List<JournalEntry> batch = List.of(event(SESSION, "A", "1", DECIDED),
                event(SESSION, "T".repeat(300), "2", DECIDED), event(SESSION, "C", "3", DECIDED));

        assertThatThrownBy(() -> storage.appendAll(batch)).isInstanceOf(StorageException.class);

        assertThat(storage.journal(SESSION)).containsExactly(before);
        JournalEntry after = storage.append(event(SESSION, "After", "4", DECIDED));
        assertThat(after.sequence()).isGreaterThan(before.sequence());
        assertThat(storage.journal(SESSION)).containsExactly(before, after);
    }

    @Test
    void appendAll_ignoresTheGivenSequences_followsEarlierAppends_andSpansSessions() {
        JournalEntry first = storage.append(event(SESSION, "First", "0", DECIDED));
        List<JournalEntry> stored = storage.appendAll(List.of(
                new JournalEntry(999, SESSION, DECIDED, "A", "1"),
                new JournalEntry(1, SESSION.plusDays(1), DECIDED, "B", "2"),
                new JournalEntry(0, SESSION, DECIDED.plusMillis(1), "C", "3")));

        assertThat(stored).extracting(JournalEntry::type).containsExactly("A", "B", "C");
        assertThat(stored.get(0).sequence()).isGreaterThan(first.sequence());
        assertThat(stored).extracting(JournalEntry::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(storage.journal(SESSION)).containsExactly(first, stored.get(0), stored.get(2));
        assertThat(storage.journal(SESSION.plusDays(1))).containsExactly(stored.get(1));
        assertThat(storage.appendAll(List.of())).isEmpty();
        assertThat(storage.journal(SESSION)).hasSize(3);
    }

    @Test
    void concurrentAppendAlls_storeEveryBatchWhole_inListOrder() throws Exception {
        int threads = 6;
        int batches = 20;
        int size = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<List<JournalEntry>>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String type = "T" + t;
                futures.add(pool.submit(() -> {
                    List<List<JournalEntry>> out = new ArrayList<>();
                    for (int b = 0; b < batches; b++) {
                        List<JournalEntry> batch = new ArrayList<>();
                        for (int i = 0; i < size; i++) {
                            batch.add(event(SESSION, type, b + "/" + i, DECIDED));
                        }
                        out.add(storage.appendAll(batch));
                    }
                    return out;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<List<JournalEntry>>> f : futures) {
                long previous = 0;
                for (List<JournalEntry> stored : f.get()) {
                    assertThat(stored).hasSize(size);
                    assertThat(stored).extracting(JournalEntry::sequence).isSorted().doesNotHaveDuplicates();
                    assertThat(stored.get(0).sequence()).as("a later batch of the same thread").isGreaterThan(previous);
                    previous = stored.get(size - 1).sequence();
                    stored.forEach(e -> all.add(e.sequence()));
                }
            }
            Collections.sort(all);
            assertThat(storage.journal(SESSION)).extracting(JournalEntry::sequence).containsExactlyElementsOf(all);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentAppends_getUniqueSequences_strictlyIncreasingPerThread() throws Exception {
        int threads = 8;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String type = "T" + t;
                Callable<List<Long>> task = () -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seqs.add(storage.append(event(SESSION, type, Integer.toString(i), DECIDED)).sequence());
                    }
                    return seqs;
                };
                futures.add(pool.submit(task));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                List<Long> seqs = f.get();
                assertThat(seqs).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
                all.addAll(seqs);
            }
            Collections.sort(all);
            List<JournalEntry> journal = storage.journal(SESSION);
            assertThat(journal).extracting(JournalEntry::sequence).containsExactlyElementsOf(all);
            // Within a thread the journal keeps the order of the appends.
            for (int t = 0; t < threads; t++) {
                String type = "T" + t;
                assertThat(journal.stream().filter(e -> e.type().equals(type)).map(JournalEntry::payload).toList())
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perThread).mapToObj(Integer::toString).toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingAppend_failsOnlyItsCaller_evenWhenItsCommitIsShared() throws Exception {
        String tooLong = "T".repeat(300);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> good = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String type = "Good" + t;
                good.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        storage.append(event(SESSION, type, Integer.toString(i), DECIDED));
                    }
                    return 50;
                }));
            }
            Future<Integer> bad = pool.submit(() -> {
                int failures = 0;
                for (int i = 0; i < 50; i++) {
                    try {
                        storage.append(event(SESSION, tooLong, Integer.toString(i), DECIDED));
                    } catch (StorageException e) {
                        failures++;
                    }
                }
                return failures;
            });
            for (Future<Integer> f : good) {
                assertThat(f.get()).isEqualTo(50);
            }
            assertThat(bad.get()).isEqualTo(50);
            assertThat(storage.journal(SESSION)).hasSize(200).allSatisfy(e -> assertThat(e.type()).startsWith("Good"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void journal_survivesReopen_andNewSequencesContinueAboveTheOldOnes() {
        JournalEntry before = storage.append(event(SESSION, "Tick", "1", DECIDED));
        reopen();
        JournalEntry after = storage.append(event(SESSION, "Tick", "2", DECIDED));

        assertThat(after.sequence()).isGreaterThan(before.sequence());
        assertThat(storage.journal(SESSION)).containsExactly(before, after);
    }

    @Test
    void freshStore_hasTheInitialKillSwitch_andPaperMode() {
        assertThat(storage.killSwitch()).isEqualTo(KillSwitchState.initial());
        assertThat(storage.tradingMode()).isEqualTo(TradingMode.PAPER);
        assertThat(storage.killSwitchHistory(10)).isEmpty();
    }

    @Test
    void killSwitch_persistsAcrossReopen_withWhoWhenWhy() {
        KillSwitchState engaged = new KillSwitchState(true, "daily-loss-limit", DECIDED, "equity 5.2% below start of day");
        storage.saveKillSwitch(engaged);
        storage.saveTradingMode(TradingMode.LIVE);

        reopen();

        assertThat(storage.killSwitch()).isEqualTo(engaged);
        assertThat(storage.tradingMode()).isEqualTo(TradingMode.LIVE);
    }

    @Test
    void killSwitchHistory_listsEveryChange_newestFirst() {
        KillSwitchState on = new KillSwitchState(true, "operator:alice", DECIDED, "news");
        KillSwitchState off = new KillSwitchState(false, "operator:bob", DECIDED.plusSeconds(60), "all clear");
        storage.saveKillSwitch(on);
        storage.saveKillSwitch(off);

        assertThat(storage.killSwitch()).isEqualTo(off);
        assertThat(storage.killSwitchHistory(10)).containsExactly(off, on);
        assertThat(storage.killSwitchHistory(1)).containsExactly(off);
    }
}
