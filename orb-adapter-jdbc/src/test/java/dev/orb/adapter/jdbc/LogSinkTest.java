package dev.orb.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orb.domain.LogRecord;

class LogSinkTest {
    private static final Instant NOW = Instant.parse("2024-03-11T14:00:00Z");
    private final RecordingLogStore store = new RecordingLogStore();
    private LogSink sink;

    @AfterEach
    void stop() {
        store.open();
        if (sink != null) {
            sink.close();
        }
    }

    private static LogRecord line(int i) {
        return Samples.log(NOW.plusMillis(i), "INFO", "test", "line " + i);
    }

    @Test
    void offeredLines_areWrittenInOrder_inBatchesOfAtMostTheBatchSize() throws Exception {
        sink = LogSink.start(store, new FixedClock(NOW), 1000, 7);
        List<LogRecord> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(line(i));
            assertThat(sink.offer(line(i))).isTrue();
        }

        assertThat(sink.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(store.lines()).containsExactlyElementsOf(lines);
        assertThat(store.batches()).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(7));
        assertThat(sink.written()).isEqualTo(100);
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void aFullQueue_dropsAndCounts_withoutBlocking_andReportsTheDropsOnceTheStoreIsBack() throws Exception {
        store.close();
        sink = LogSink.start(store, new FixedClock(NOW), 10, 5);
        sink.offer(line(0));
        store.awaitWriterBlocked();
        // The writer holds line 0; the queue takes 10 more; the other 20 are dropped at once.
        int accepted = 0;
        for (int i = 1; i <= 30; i++) {
            accepted += sink.offer(line(i)) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(sink.dropped()).isEqualTo(20);

        store.open();
        assertThat(sink.flush(Duration.ofSeconds(10))).isTrue();

        List<LogRecord> written = store.lines();
        assertThat(written).hasSize(12);
        LogRecord report = written.get(11);
        assertThat(report.level()).isEqualTo("WARN");
        assertThat(report.component()).isEqualTo(LogSink.COMPONENT);
        assertThat(report.time()).isEqualTo(NOW);
        assertThat(report.message()).contains("20 dropped (queue of 10 full)");
    }

    @Test
    void aFailingStore_losesLinesCountably_andTheLossIsReportedAfterRecovery() throws Exception {
        store.failing(true);
        sink = LogSink.start(store, new FixedClock(NOW), 100, 100);
        for (int i = 0; i < 3; i++) {
            sink.offer(line(i));
        }
        assertThat(sink.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.failed()).isEqualTo(3);
        assertThat(store.lines()).isEmpty();

        store.failing(false);
        sink.offer(line(3));
        assertThat(sink.flush(Duration.ofSeconds(10))).isTrue();

        // The report may come before or after line 3: the writer reports whenever its queue is empty.
        assertThat(store.lines()).hasSize(2).contains(line(3));
        assertThat(store.lines()).filteredOn(l -> l.component().equals(LogSink.COMPONENT)).singleElement()
                .satisfies(l -> assertThat(l.message()).contains("3 not written (store failed)"));
        assertThat(sink.failed()).isEqualTo(3);
    }

    @Test
    void linesLoggedWhileWriting_byTheWriterItself_areIgnored_notLooped() throws Exception {
        sink = LogSink.start(store, new FixedClock(NOW), 100, 100);
        store.duringWrite(() -> sink.offer(Samples.log(NOW, "DEBUG", "org.postgresql", "driver chatter")));
        sink.offer(line(1));
        assertThat(sink.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(store.lines()).containsExactly(line(1));
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void close_writesWhatIsQueued_thenRefusesAndCounts() throws Exception {
        sink = LogSink.start(store, new FixedClock(NOW), 100, 100);
        for (int i = 0; i < 50; i++) {
            sink.offer(line(i));
        }
        sink.close();

        assertThat(store.lines()).hasSize(50);
        assertThat(sink.offer(line(99))).isFalse();
        assertThat(sink.dropped()).isEqualTo(1);
    }
}
