/**
 * A logback appender that hands every log event to a {@link dev.orb.adapter.jdbc.LogSink}. Optional: logback is
 * not a dependency of orb-adapter-jdbc for applications (it is declared {@code optional}); use this package only
 * when the application logs with logback, otherwise call {@link dev.orb.adapter.jdbc.LogSink#offer} from the
 * backend in use.
 */
package dev.orb.adapter.jdbc.logback;
