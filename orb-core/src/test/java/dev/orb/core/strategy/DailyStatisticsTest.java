package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.d;
import static dev.orb.core.strategy.Fixtures.daily;
import static dev.orb.core.strategy.Fixtures.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.AtrMethod;
import dev.orb.core.config.OrbConfig;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;

class DailyStatisticsTest {
    private static final Symbol XYZ = Symbol.of("XYZ");
    private static final LocalDate FIRST = LocalDate.of(2024, 2, 1);
    private static final OrbConfig SIMPLE = OrbConfig.defaults();
    private static final OrbConfig WILDER = OrbConfig.builder().atrMethod(AtrMethod.WILDER).build();

    /**
     * 16 daily bars d0..d15 (high, low, close; open = low) with hand-computed true ranges against the previous
     * close: d1 0.50, d2 0.80, d3 0.90, d4 1.50 (gap up: |H − prevC|), d5 0.40, d6 0.40, d7 1.10 (gap down:
     * |L − prevC|), d8 0.60, d9 0.40, d10 0.50, d11 0.40, d12 0.40, d13 0.40, d14 0.60, d15 0.60.
     * Volume of d_i = 1,000,000 + 1,000 i.
     */
    private static final String[][] SERIES = {
            {"10.50", "9.50", "10.00"},
            {"10.40", "9.90", "10.20"},
            {"11.00", "10.30", "10.90"},
            {"10.80", "10.00", "10.10"},
            {"11.60", "11.20", "11.50"},
            {"11.70", "11.30", "11.40"},
            {"11.45", "11.05", "11.10"},
            {"10.50", "10.00", "10.40"},
            {"10.90", "10.30", "10.80"},
            {"11.00", "10.60", "10.70"},
            {"10.95", "10.45", "10.90"},
            {"11.20", "10.80", "11.00"},
            {"11.30", "10.90", "11.25"},
            {"11.50", "11.10", "11.20"},
            {"11.60", "11.00", "11.50"},
            {"12.00", "11.40", "11.90"},
    };

    private static List<DailyBar> series(int count) {
        List<DailyBar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] hlc = SERIES[i];
            bars.add(daily("XYZ", FIRST.plusDays(i), hlc[1], hlc[0], hlc[1], hlc[2], 1_000_000 + 1_000L * i));
        }
        return bars;
    }

    private static LocalDate sessionAfter(int count) {
        return FIRST.plusDays(count);
    }

    @Test
    void trueRange_gapUp_usesDistanceFromPreviousCloseToHigh() {
        DailyBar bar = daily("XYZ", FIRST, "11.20", "11.60", "11.20", "11.50", 1);
        assertThat(DailyStatistics.trueRange(bar, p("10.10"))).isEqualByComparingTo("1.50");
    }

    @Test
    void trueRange_gapDown_usesDistanceFromPreviousCloseToLow() {
        DailyBar bar = daily("XYZ", FIRST, "10.00", "10.50", "10.00", "10.40", 1);
        assertThat(DailyStatistics.trueRange(bar, p("11.10"))).isEqualByComparingTo("1.10");
    }

    @Test
    void trueRange_insideDay_isHighMinusLow() {
        DailyBar bar = daily("XYZ", FIRST, "9.90", "10.40", "9.90", "10.20", 1);
        assertThat(DailyStatistics.trueRange(bar, p("10.00"))).isEqualByComparingTo("0.50");
    }

    @Test
    void simpleAtr_isMeanOfLast14TrueRanges_atScale20() {
        DailyStats stats = DailyStatistics.compute(XYZ, sessionAfter(15), series(15), SIMPLE).orElseThrow();
        // Σ TR d1..d14 = 8.90; 8.90 / 14 = 0.635714285714285714285714…
        assertThat(stats.atr14()).isEqualTo(d("0.63571428571428571429"));
        assertThat(stats.prevClose()).isEqualTo(p("11.50"));
        // volumes of d1..d14: 14,000,000 + 1,000 × 105
        assertThat(stats.avgVolume14()).isEqualTo(d("1007500.0000"));
        assertThat(stats.symbol()).isEqualTo(XYZ);
        assertThat(stats.session()).isEqualTo(sessionAfter(15));
    }

    @Test
    void simpleAtr_usesOnlyTheMostRecentTrueRanges() {
        DailyStats stats = DailyStatistics.compute(XYZ, sessionAfter(16), series(16), SIMPLE).orElseThrow();
        // d2..d15: 8.90 − 0.50 + 0.60 = 9.00; 9.00 / 14 = 0.642857142857142857142857…
        assertThat(stats.atr14()).isEqualTo(d("0.64285714285714285714"));
        assertThat(stats.prevClose()).isEqualTo(p("11.90"));
        assertThat(stats.avgVolume14()).isEqualTo(d("1008500.0000"));
    }

    @Test
    void wilderAtr_seedsWithSimpleMeanThenSmooths() {
        DailyStats stats = DailyStatistics.compute(XYZ, sessionAfter(16), series(16), WILDER).orElseThrow();
        // (8.90/14 × 13 + 0.60) / 14 = 124.1 / 196 = 0.633163265306122448979591…
        assertThat(stats.atr14()).isEqualTo(d("0.63316326530612244898"));
    }

    @Test
    void wilderAtr_withExactlyPeriodPlusOneBars_equalsSimple() {
        DailyStats wilder = DailyStatistics.compute(XYZ, sessionAfter(15), series(15), WILDER).orElseThrow();
        DailyStats simple = DailyStatistics.compute(XYZ, sessionAfter(15), series(15), SIMPLE).orElseThrow();
        assertThat(wilder).isEqualTo(simple);
    }

    @Test
    void fewerThan15Bars_isEmpty() {
        assertThat(DailyStatistics.compute(XYZ, sessionAfter(14), series(14), SIMPLE)).isEmpty();
        assertThat(DailyStatistics.compute(XYZ, sessionAfter(14), series(14), WILDER)).isEmpty();
        assertThat(DailyStatistics.compute(XYZ, sessionAfter(0), List.of(), SIMPLE)).isEmpty();
    }

    @Test
    void shorterPeriod_needsPeriodPlusOneBars() {
        OrbConfig three = OrbConfig.builder().atrPeriod(3).build();
        assertThat(DailyStatistics.compute(XYZ, sessionAfter(3), series(3), three)).isEmpty();
        DailyStats stats = DailyStatistics.compute(XYZ, sessionAfter(4), series(4), three).orElseThrow();
        // d1..d3: (0.50 + 0.80 + 0.90) / 3 = 0.7333…
        assertThat(stats.atr14()).isEqualTo(d("0.73333333333333333333"));
        assertThat(stats.avgVolume14()).isEqualTo(d("1002000.0000"));
    }

    @Test
    void barOfAnotherSymbol_isRejectedNamingSymbolAndDate() {
        List<DailyBar> bars = series(15);
        bars.set(3, daily("ABC", FIRST.plusDays(3), "10.00", "10.80", "10.00", "10.10", 1));
        assertThatThrownBy(() -> DailyStatistics.compute(XYZ, sessionAfter(15), bars, SIMPLE))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("ABC").hasMessageContaining("XYZ").hasMessageContaining("2024-02-04");
    }

    @Test
    void datesNotStrictlyIncreasing_areRejected() {
        List<DailyBar> bars = series(15);
        bars.set(5, daily("XYZ", FIRST.plusDays(4), "11.30", "11.70", "11.30", "11.40", 1));
        assertThatThrownBy(() -> DailyStatistics.compute(XYZ, sessionAfter(15), bars, SIMPLE))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("XYZ").hasMessageContaining("2024-02-05");
    }

    @Test
    void barOnOrAfterTheSession_isRejected() {
        assertThatThrownBy(() -> DailyStatistics.compute(XYZ, sessionAfter(14), series(15), SIMPLE))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("XYZ").hasMessageContaining(sessionAfter(14).toString());
    }
}
