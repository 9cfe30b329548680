package dev.orb.adapter.jdbc;

import static dev.orb.adapter.jdbc.Samples.DECIDED;
import static dev.orb.adapter.jdbc.Samples.log;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orb.domain.LogRecord;
import dev.orb.ports.query.LogFilter;
import dev.orb.ports.query.LogLevel;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;

/** LogStore, log search and log retention. */
abstract class LogContract extends StorageContract {
    private final Instant t0 = DECIDED;
    private final LogRecord debug = log(t0, "DEBUG", "dev.orb.core.session.SessionEngine", "tick 09:35");
    private final LogRecord info = log(t0.plusSeconds(1), "INFO", "dev.orb.core.session.SessionEngine",
            "submitted orb-20240311-AAPL-E-1 for AAPL");
    private final LogRecord warn = log(t0.plusSeconds(2), "WARN", "dev.orb.adapter.alpaca.AlpacaBroker",
            "stream disconnected: 100% of retries_used");
    private final LogRecord error = log(t0.plusSeconds(3), "ERROR", "dev.orb.corex.Other", "Rejected AAPL order");
    private final LogRecord unknownLevel = log(t0.plusSeconds(4), "NOTICE-ish", "dev.orb.core", "custom level");

    private void storeAll() {
        storage.appendLogs(List.of(debug, info, warn, error, unknownLevel));
    }

    private List<LogRecord> search(LogFilter filter) {
        return storage.logs(filter, PageRequest.first(100)).items();
    }

    @Test
    void recentLogs_newestFirst_limited() {
        storeAll();

        assertThat(storage.recentLogs(2)).containsExactly(unknownLevel, error);
        assertThat(storage.recentLogs(100)).containsExactly(unknownLevel, error, warn, info, debug);
        assertThat(storage.recentLogs(0)).isEmpty();
    }

    @Test
    void recentLogs_keepArrivalOrderForEqualTimes() {
        LogRecord first = log(t0, "INFO", "c", "first");
        LogRecord second = log(t0, "INFO", "c", "second");
        storage.appendLogs(List.of(first));
        storage.appendLogs(List.of(second));

        assertThat(storage.recentLogs(2)).containsExactly(second, first);
    }

    @Test
    void logs_filterByMinimumSeverity() {
        storeAll();

        assertThat(search(LogFilter.all().withMinLevel(LogLevel.WARN))).containsExactly(error, warn);
        assertThat(search(LogFilter.all().withMinLevel(LogLevel.INFO))).containsExactly(unknownLevel, error, warn, info);
        assertThat(search(LogFilter.all().withMinLevel(LogLevel.TRACE))).hasSize(5);
    }

    @Test
    void logs_filterByComponentAndItsDescendants_only() {
        storeAll();

        assertThat(search(LogFilter.all().withComponent("dev.orb.core"))).containsExactly(unknownLevel, info, debug);
        assertThat(search(LogFilter.all().withComponent("dev.orb.adapter.alpaca.AlpacaBroker"))).containsExactly(warn);
        assertThat(search(LogFilter.all().withComponent("dev.orb.cor"))).isEmpty();
    }

    @Test
    void logs_textSearch_isCaseInsensitiveSubstring_withWildcardsTakenLiterally() {
        storeAll();

        assertThat(search(LogFilter.all().withText("aapl"))).containsExactly(error, info);
        assertThat(search(LogFilter.all().withText("100%"))).containsExactly(warn);
        assertThat(search(LogFilter.all().withText("%"))).containsExactly(warn);
        assertThat(search(LogFilter.all().withText("retries_used"))).containsExactly(warn);
        assertThat(search(LogFilter.all().withText("d_s"))).isEmpty();
        assertThat(search(LogFilter.all().withText("AAPL").withMinLevel(LogLevel.ERROR))).containsExactly(error);
    }

    @Test
    void logs_filterByTimeWindow_exclusive() {
        storeAll();

        assertThat(search(LogFilter.all().between(t0, t0.plusSeconds(3)))).containsExactly(warn, info);
        assertThat(search(LogFilter.all().between(null, t0.plusSeconds(1)))).containsExactly(debug);
        assertThat(search(LogFilter.all().between(t0.plusSeconds(3), null))).containsExactly(unknownLevel);
    }

    @Test
    void logs_arePaged_newestFirst_withTheTotal() {
        List<LogRecord> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(log(t0.plusMillis(i), "INFO", "c", "line " + i));
        }
        storage.appendLogs(many);

        Page<LogRecord> page = storage.logs(LogFilter.all(), new PageRequest(10, 10));
        assertThat(page.items()).extracting(LogRecord::message).first().isEqualTo("line 14");
        assertThat(page.items()).extracting(LogRecord::message).last().isEqualTo("line 5");
        assertThat(page.total()).isEqualTo(25);
        assertThat(page.hasNext()).isTrue();
        Page<LogRecord> past = storage.logs(LogFilter.all(), new PageRequest(30, 10));
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(25);
    }

    @Test
    void deleteLogsBefore_removesOnlyOlderLines() {
        storeAll();

        assertThat(storage.deleteLogsBefore(t0.plusSeconds(2))).isEqualTo(2);
        assertThat(storage.recentLogs(10)).containsExactly(unknownLevel, error, warn);
    }

    @Test
    void appendLogs_cutsOverlongMetadata_butKeepsTheMessage() {
        String longMessage = "m".repeat(50_000);
        storage.appendLogs(List.of(new LogRecord(t0, "INFORMATIONAL-LEVEL", "c".repeat(600), longMessage, "t".repeat(300))));

        LogRecord stored = storage.recentLogs(1).get(0);
        assertThat(stored.level()).hasSize(16);
        assertThat(stored.component()).hasSize(500);
        assertThat(stored.thread()).hasSize(200);
        assertThat(stored.message()).isEqualTo(longMessage);
    }

    @Test
    void aNulCharacterInALogLine_isReplaced_notFatalForTheBatch() {
        storage.appendLogs(List.of(log(t0, "INFO", "c", "before\u0000after"), log(t0, "INFO", "c", "fine")));

        assertThat(storage.recentLogs(2)).extracting(LogRecord::message).containsExactly("fine", "before\uFFFDafter");
    }
}
