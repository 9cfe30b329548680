package dev.orb.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.strategy.DailyStatistics;
import dev.orb.core.strategy.UniverseFilter;
import dev.orb.domain.DailyBar;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figure of docs/data.md: real time to compute the statistics and universe of 8,000 symbols × 30 sessions.
 * A measurement, not a test of speed: it asserts only that the work was done, and prints medians. Off by default:
 * {@code mvn -o -q -B -pl orb-core -am verify -Dtest=StatsTimingTest -Dorb.figures=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "orb.figures", matches = "true")
class StatsTimingTest {
    private static final int SYMBOLS = 8_000;
    private static final LocalDate TARGET = LocalDate.of(2024, 3, 12);

    @Test
    void statisticsAndUniverseOf8000SymbolsTimes30Sessions() {
        WeekdayCalendar calendar = new WeekdayCalendar(LocalDate.of(2024, 2, 19));
        List<TradingSession> window = calendar.sessionsBefore(TARGET, 30);
        InMemoryMarketStore store = new InMemoryMarketStore();
        Map<Symbol, List<DailyBar>> bySymbol = new TreeMap<>();
        for (TradingSession s : window) {
            List<DailyBar> day = new ArrayList<>(SYMBOLS);
            for (int i = 0; i < SYMBOLS; i++) {
                Symbol symbol = Symbol.of("S" + i);
                long cents = 300 + (i % 997) * 10 + (s.date().getDayOfMonth() * 7L + i) % 50;
                DailyBar bar = new DailyBar(symbol, s.date(), Price.ofCents(cents), Price.ofCents(cents + 60 + i % 40),
                        Price.ofCents(cents - 20 - i % 30), Price.ofCents(cents + 5), 200_000L * (1 + i % 20));
                day.add(bar);
                bySymbol.computeIfAbsent(symbol, k -> new ArrayList<>()).add(bar);
            }
            store.upsertDailyBars(day);
        }
        OrbConfig config = OrbConfig.defaults();
        ManualClock clock = new ManualClock(ZonedDateTime.of(2024, 3, 11, 20, 0, 0, 0, MarketTime.NEW_YORK)
                .toInstant());
        NightlySync sync = NightlySync.builder(new ScriptedMarketData(clock, Duration.ZERO), store, calendar, clock)
                .openingVolumes(false).build();

        long[] pure = new long[15];
        long[] whole = new long[15];
        int eligible = 0;
        for (int run = 0; run < pure.length; run++) {
            long t0 = System.nanoTime();
            eligible = 0;
            for (Map.Entry<Symbol, List<DailyBar>> e : bySymbol.entrySet()) {
                var stats = DailyStatistics.compute(e.getKey(), TARGET, e.getValue(), config);
                if (stats.isPresent() && UniverseFilter.rejection(stats.get(), config).isEmpty()) {
                    eligible++;
                }
            }
            pure[run] = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            SyncReport report = sync.run(TARGET);
            whole[run] = System.nanoTime() - t1;
            assertThat(report.universe().eligible()).isEqualTo(eligible);
            assertThat(report.dailyBars().fetched()).isZero();
        }
        assertThat(eligible).isPositive();
        System.out.printf(Locale.ROOT, "FIGURE stats of %d x 30 bars: DailyStatistics+UniverseFilter median %.1f ms; "
                        + "NightlySync universe phase on the in-memory store median %.1f ms (%d eligible; first runs "
                        + "%.1f / %.1f ms)%n", SYMBOLS, median(pure), median(whole), eligible, pure[0] / 1e6,
                whole[0] / 1e6);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
