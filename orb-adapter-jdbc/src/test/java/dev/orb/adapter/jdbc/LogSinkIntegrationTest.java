package dev.orb.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.orb.adapter.jdbc.logback.LogSinkAppender;
import dev.orb.domain.LogRecord;
import dev.orb.ports.query.LogFilter;
import dev.orb.ports.query.LogLevel;
import dev.orb.ports.query.PageRequest;

/** slf4j/logback → LogSinkAppender → LogSink → JdbcStorage (H2) → log search. */
class LogSinkIntegrationTest {
    private final H2Backend backend = new H2Backend();
    private final JdbcStorage storage = JdbcStorage.create(backend.config());
    private final LogSink sink = LogSink.start(storage, new FixedClock(Instant.parse("2024-03-11T14:00:00Z")));
    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void tearDown() {
        context.stop();
        sink.close();
        storage.close();
        backend.destroy();
    }

    @Test
    void loggedEvents_landInTheLogsTable_withLevelComponentThreadAndStackTrace() throws Exception {
        LogSinkAppender.attachToRoot(sink, context);
        Logger log = context.getLogger("dev.orb.core.session.SessionEngine");
        log.info("submitted {} shares of {}", 150, "AAPL");
        log.warn("broker timeout", new IllegalStateException("no answer in 5 s"));
        context.getLogger("org.other").debug("another component");

        assertThat(sink.flush(Duration.ofSeconds(10))).isTrue();

        List<LogRecord> engine = storage.logs(LogFilter.all().withComponent("dev.orb.core"), PageRequest.first(10)).items();
        assertThat(engine).extracting(LogRecord::level).containsExactly("WARN", "INFO");
        assertThat(engine.get(1).message()).isEqualTo("submitted 150 shares of AAPL");
        assertThat(engine.get(1).thread()).isEqualTo(Thread.currentThread().getName());
        assertThat(engine.get(0).message()).contains("broker timeout", "IllegalStateException", "no answer in 5 s");
        assertThat(storage.logs(LogFilter.all().withMinLevel(LogLevel.WARN).withText("NO ANSWER"), PageRequest.first(10))
                .items()).hasSize(1);
        assertThat(sink.dropped()).isZero();
    }
}
