package dev.orb.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orb.ports.OrbClock;

/** The terminal progress line: sessions done/total, bars per second, ETA; redrawn at most every 100 ms. */
class ProgressBarTest {
    private long nanos;
    private final OrbClock clock = new OrbClock() {
        @Override
        public Instant now() {
            return Instant.EPOCH;
        }

        @Override
        public long monotonicNanos() {
            return nanos;
        }
    };

    @Test
    void showsSessionsRateAndEta_andEndsWithANewLine() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), clock);
        LocalDate d = LocalDate.of(2024, 3, 12);
        bar.onStart(List.of(d, d, d, d), 2);
        nanos = 1_000_000_000L;
        bar.onSessionDone(1, 4, d, 2_000_000, 0);
        assertThat(out.toString()).contains("1/4 sessions 2024-03-12").contains("2.0 M bars/s").contains("ETA 3s");
        nanos += 10_000_000L;
        bar.onSessionDone(2, 4, d, 3_000_000, 1);
        assertThat(out.toString()).doesNotContain("2/4"); // too soon to redraw
        nanos = 4_000_000_000L;
        bar.onSessionDone(4, 4, d, 8_000_000, 7);
        assertThat(out.toString()).contains("[" + "#".repeat(30) + "] 4/4 sessions").contains("7 trades")
                .contains("ETA 0s").endsWith(System.lineSeparator());
    }
}
