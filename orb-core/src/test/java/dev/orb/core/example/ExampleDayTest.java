package dev.orb.core.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.orb.domain.DailyMetrics;

/** The README's first command must keep working: the example day runs and ends flat with consistent metrics. */
class ExampleDayTest {
    @Test
    void exampleDayRunsToAFlatCloseWithConsistentMetrics() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DailyMetrics m = ExampleDay.run(LocalDate.of(2024, 11, 29), 7, 40, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("13:00 close").contains("trades:");
        assertThat(m.endEquity()).isEqualByComparingTo(m.startEquity().add(m.pnl()));
        assertThat(m.trades()).isGreaterThan(0);
    }
}
