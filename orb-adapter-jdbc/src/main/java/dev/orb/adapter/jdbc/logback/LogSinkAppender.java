package dev.orb.adapter.jdbc.logback;

import java.util.Objects;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

import dev.orb.adapter.jdbc.LogSink;
import dev.orb.domain.LogRecord;

/**
 * Appends logback events to a {@link LogSink}: never blocks the logging thread (the sink drops and counts when
 * its queue is full). A logged exception's stack trace is appended to the message. Level filtering is logback's
 * business: attach it to the logger whose events the dashboard should show.
 *
 * <pre>{@code
 * LogSink sink = LogSink.start(storage, OrbClock.system());
 * LogSinkAppender.attachToRoot(sink);
 * }</pre>
 */
public final class LogSinkAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** The name of the appender that {@link #attachToRoot} installs. */
    public static final String NAME = "ORB_LOG_SINK";

    private final LogSink sink;

    /** An appender, not yet started, feeding {@code sink}. */
    public LogSinkAppender(LogSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        setName(NAME);
    }

    /**
     * Creates, starts and attaches an appender feeding {@code sink} to the root logger of the logback context
     * bound to slf4j.
     *
     * @throws IllegalStateException when slf4j is not bound to logback
     */
    public static LogSinkAppender attachToRoot(LogSink sink) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("slf4j is bound to " + LoggerFactory.getILoggerFactory().getClass().getName()
                    + ", not logback; call LogSink.offer from that backend instead");
        }
        return attachToRoot(sink, context);
    }

    /** Creates, starts and attaches an appender feeding {@code sink} to the root logger of {@code context}. */
    public static LogSinkAppender attachToRoot(LogSink sink, LoggerContext context) {
        Objects.requireNonNull(context, "context");
        LogSinkAppender appender = new LogSinkAppender(sink);
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = Objects.requireNonNullElse(event.getFormattedMessage(), "");
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            message = message + System.lineSeparator() + ThrowableProxyUtil.asString(thrown);
        }
        sink.offer(new LogRecord(event.getInstant(), event.getLevel().toString(),
                Objects.requireNonNullElse(event.getLoggerName(), ""), message,
                Objects.requireNonNullElse(event.getThreadName(), "")));
    }
}
