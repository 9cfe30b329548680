package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.orb.domain.InvalidValueException;

class RelativeVolumeTest {
    private static long[] fourteen(long each) {
        long[] v = new long[14];
        Arrays.fill(v, each);
        return v;
    }

    @Test
    void openingRange_isTodayOverTheMeanOfPreviousSessions() {
        Ratio rvol = RelativeVolume.openingRange(3_000, fourteen(1_000)).orElseThrow();
        assertThat(rvol.compareTo(Ratio.of(3, 1))).isZero();
        assertThat(rvol.toDouble()).isEqualTo(3.0);
    }

    @Test
    void openingRange_exactlyOne_passesTheDefaultMinimum() {
        assertThat(RelativeVolume.openingRange(1_000, fourteen(1_000)).orElseThrow().isAtLeast(d("1.0"))).isTrue();
        assertThat(RelativeVolume.openingRange(999, fourteen(1_000)).orElseThrow().isAtLeast(d("1.0"))).isFalse();
    }

    @Test
    void openingRange_aPreviousSessionWithoutBars_countsAsZero() {
        long[] previous = fourteen(1_400);
        previous[6] = 0;
        // mean = 13 × 1,400 / 14 = 1,300 (not 1,400: the empty session is part of the mean)
        Ratio rvol = RelativeVolume.openingRange(1_300, previous).orElseThrow();
        assertThat(rvol.compareTo(Ratio.of(1, 1))).isZero();
    }

    @Test
    void openingRange_meanZero_isEmpty() {
        assertThat(RelativeVolume.openingRange(5_000, fourteen(0))).isEmpty();
        assertThat(RelativeVolume.openingRange(5_000, new long[0])).isEmpty();
    }

    @Test
    void openingRange_negativeVolume_isRejected() {
        long[] previous = fourteen(10);
        previous[3] = -1;
        assertThatThrownBy(() -> RelativeVolume.openingRange(5, previous)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> RelativeVolume.openingRange(-5, fourteen(10)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("-5");
    }

    @Test
    void openingRange_hugeVolumes_stayExact() {
        long[] previous = fourteen(Long.MAX_VALUE / 4);
        Ratio rvol = RelativeVolume.openingRange(Long.MAX_VALUE / 2, previous).orElseThrow();
        BigInteger sum = BigInteger.valueOf(Long.MAX_VALUE / 4).multiply(BigInteger.valueOf(14));
        BigInteger today = BigInteger.valueOf(Long.MAX_VALUE / 2).multiply(BigInteger.valueOf(14));
        assertThat(rvol).isEqualTo(new Ratio(today, sum));
        assertThat(rvol.compareTo(Ratio.of(2, 1))).isPositive();
    }

    @Test
    void dailyApprox_scalesTheRangeVolumeToAFullDay() {
        // 100,000 × 390 / 5 = 7,800,000; / 1,500,000 = 5.2
        Ratio rvol = RelativeVolume.dailyApprox(100_000, 5, d("1500000.0000")).orElseThrow();
        assertThat(rvol.compareTo(Ratio.of(52, 10))).isZero();
        // 100,000 × 390 / 15 = 2,600,000; / 1,500,000 = 26/15
        assertThat(RelativeVolume.dailyApprox(100_000, 15, d("1500000")).orElseThrow()
                .compareTo(Ratio.of(26, 15))).isZero();
    }

    @Test
    void dailyApprox_usesTheFractionalAverageExactly() {
        // 10,000 × 78 = 780,000 against an average of 780,000.5: just below 1
        Ratio below = RelativeVolume.dailyApprox(10_000, 5, d("780000.5000")).orElseThrow();
        assertThat(below.isAtLeast(d("1.0"))).isFalse();
        assertThat(RelativeVolume.dailyApprox(10_000, 5, d("780000.0000")).orElseThrow().isAtLeast(d("1.0")))
                .isTrue();
    }

    @Test
    void dailyApprox_averageZero_isEmpty() {
        assertThat(RelativeVolume.dailyApprox(10_000, 5, d("0.0000"))).isEmpty();
    }

    @Test
    void dailyApprox_invalidArguments_areRejected() {
        assertThatThrownBy(() -> RelativeVolume.dailyApprox(-1, 5, d("1"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> RelativeVolume.dailyApprox(1, 0, d("1"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> RelativeVolume.dailyApprox(1, 5, d("-1"))).isInstanceOf(InvalidValueException.class);
    }
}
