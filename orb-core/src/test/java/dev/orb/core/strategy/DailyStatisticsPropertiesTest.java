package dev.orb.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.orb.core.config.AtrMethod;
import dev.orb.core.config.OrbConfig;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DailyStatisticsPropertiesTest {
    private static final Symbol XYZ = Symbol.of("XYZ");
    private static final LocalDate FIRST = LocalDate.of(2023, 1, 2);
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-18");

    @Property
    void simpleAtr_equalsTheExactMeanOfTheLastTrueRanges(@ForAll("bars") List<DailyBar> bars,
                                                         @ForAll @IntRange(min = 1, max = 30) int period) {
        OrbConfig config = OrbConfig.builder().atrPeriod(period).build();
        LocalDate session = bars.get(bars.size() - 1).date().plusDays(1);
        var result = DailyStatistics.compute(XYZ, session, bars, config);
        if (bars.size() < period + 1) {
            assertThat(result).isEmpty();
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal volume = BigDecimal.ZERO;
        for (int i = bars.size() - period; i < bars.size(); i++) {
            sum = sum.add(DailyStatistics.trueRange(bars.get(i), bars.get(i - 1).close()));
            volume = volume.add(BigDecimal.valueOf(bars.get(i).volume()));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(period), new MathContext(60));
        DailyStats stats = result.orElseThrow();
        assertThat(stats.atr14().subtract(mean).abs()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(stats.avgVolume14().subtract(volume.divide(BigDecimal.valueOf(period), new MathContext(60))).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.00005"));
        assertThat(stats.prevClose()).isEqualTo(bars.get(bars.size() - 1).close());
    }

    @Property
    void wilderAtr_staysWithinTheRangeOfTheTrueRanges(@ForAll("bars") List<DailyBar> bars) {
        OrbConfig config = OrbConfig.builder().atrMethod(AtrMethod.WILDER).build();
        LocalDate session = bars.get(bars.size() - 1).date().plusDays(1);
        var result = DailyStatistics.compute(XYZ, session, bars, config);
        if (bars.size() < 15) {
            assertThat(result).isEmpty();
            return;
        }
        BigDecimal min = null;
        BigDecimal max = null;
        for (int i = 1; i < bars.size(); i++) {
            BigDecimal tr = DailyStatistics.trueRange(bars.get(i), bars.get(i - 1).close());
            min = min == null ? tr : min.min(tr);
            max = max == null ? tr : max.max(tr);
        }
        assertThat(result.orElseThrow().atr14()).isBetween(min.subtract(TOLERANCE), max.add(TOLERANCE));
    }

    @Provide
    Arbitrary<List<DailyBar>> bars() {
        Arbitrary<long[]> bar = Combinators.combine(
                Arbitraries.longs().between(1, 500_000_000_000L),   // low, nanos
                Arbitraries.longs().between(0, 50_000_000_000L),    // high − low
                Arbitraries.longs().between(0, 1_000_000),          // close position in the range, ppm
                Arbitraries.longs().between(0, 100_000_000_000L))   // volume
                .as((low, width, at, volume) -> new long[] {low, width, at, volume});
        return bar.list().ofMinSize(2).ofMaxSize(40).map(raw -> {
            List<DailyBar> bars = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                long[] r = raw.get(i);
                Price low = new Price(r[0]);
                Price high = new Price(r[0] + r[1]);
                Price close = new Price(r[0] + r[1] / 1_000_000 * r[2]);
                bars.add(new DailyBar(XYZ, FIRST.plusDays(i), low, high, low, close, r[3]));
            }
            return bars;
        });
    }
}
