package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.DailyStats;

class UniverseFilterTest {
    private static final OrbConfig CONFIG = OrbConfig.defaults();

    @Test
    void exactlyAtEveryMinimum_isEligible() {
        DailyStats stats = stats("XYZ", "0.50000000000000000000", "1000000.0000", "5.00");
        assertThat(UniverseFilter.isEligible(stats, CONFIG)).isTrue();
        assertThat(UniverseFilter.rejection(stats, CONFIG)).isEmpty();
    }

    @Test
    void prevCloseOneCentBelowMinimum_isRejectedWithValues() {
        DailyStats stats = stats("XYZ", "0.50", "1000000", "4.99");
        assertThat(UniverseFilter.isEligible(stats, CONFIG)).isFalse();
        assertThat(UniverseFilter.rejection(stats, CONFIG)).contains("prevClose 4.99 < 5.00");
    }

    @Test
    void averageVolumeOneShareBelowMinimum_isRejectedWithValues() {
        DailyStats stats = stats("XYZ", "0.50", "999999.0000", "5.00");
        assertThat(UniverseFilter.isEligible(stats, CONFIG)).isFalse();
        assertThat(UniverseFilter.rejection(stats, CONFIG)).contains("avgVolume14 999999 < 1000000");
    }

    @Test
    void averageVolumeAFractionBelowMinimum_isRejected() {
        DailyStats stats = stats("XYZ", "0.50", "999999.9286", "5.00");
        assertThat(UniverseFilter.isEligible(stats, CONFIG)).isFalse();
    }

    @Test
    void atrOneCentBelowMinimum_isRejectedWithValues() {
        DailyStats stats = stats("XYZ", "0.49000000000000000000", "1000000", "5.00");
        assertThat(UniverseFilter.isEligible(stats, CONFIG)).isFalse();
        assertThat(UniverseFilter.rejection(stats, CONFIG)).contains("atr14 0.49 < 0.50");
    }

    @Test
    void atrATinyBitBelowMinimum_isRejected() {
        DailyStats stats = stats("XYZ", "0.49999999999999999999", "1000000", "5.00");
        assertThat(UniverseFilter.isEligible(stats, CONFIG)).isFalse();
    }

    @Test
    void everyFailedRule_isNamed() {
        DailyStats stats = stats("XYZ", "0", "0", "1.00");
        assertThat(UniverseFilter.rejection(stats, CONFIG))
                .contains("prevClose 1.00 < 5.00; avgVolume14 0 < 1000000; atr14 0 < 0.50");
    }

    @Test
    void configuredMinimums_areUsed() {
        OrbConfig strict = OrbConfig.builder().universeMinPrice(Fixtures.d("10")).build();
        DailyStats stats = stats("XYZ", "1", "2000000", "9.99");
        assertThat(UniverseFilter.isEligible(stats, CONFIG)).isTrue();
        assertThat(UniverseFilter.rejection(stats, strict)).contains("prevClose 9.99 < 10");
    }
}
