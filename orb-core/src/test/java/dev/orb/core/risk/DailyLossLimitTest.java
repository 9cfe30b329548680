package dev.orb.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.OrbConfig;

class DailyLossLimitTest {
    private static final OrbConfig CONFIG = OrbConfig.defaults();
    private static final BigDecimal START = new BigDecimal("100000.00");

    @Test
    void lossOfExactlyFivePercent_isNotABreach() {
        assertThat(DailyLossLimit.isBreached(START, new BigDecimal("95000.00"), CONFIG)).isFalse();
    }

    @Test
    void lossOfFivePercentAndOneCent_isABreach() {
        assertThat(DailyLossLimit.isBreached(START, new BigDecimal("94999.99"), CONFIG)).isTrue();
    }

    @Test
    void gainsAndSmallLosses_areNotBreaches() {
        assertThat(DailyLossLimit.isBreached(START, new BigDecimal("120000"), CONFIG)).isFalse();
        assertThat(DailyLossLimit.isBreached(START, new BigDecimal("95000.01"), CONFIG)).isFalse();
    }

    @Test
    void threshold_isStartTimesOneMinusMaxLoss() {
        assertThat(DailyLossLimit.threshold(START, CONFIG)).isEqualByComparingTo("95000");
        OrbConfig tenPercent = CONFIG.toBuilder().maxDailyLoss(new BigDecimal("0.10")).build();
        assertThat(DailyLossLimit.threshold(new BigDecimal("12345.67"), tenPercent)).isEqualByComparingTo("11111.103");
        assertThat(DailyLossLimit.isBreached(START, new BigDecimal("91000"), tenPercent)).isFalse();
        assertThat(DailyLossLimit.isBreached(START, new BigDecimal("89999.99"), tenPercent)).isTrue();
    }

    @Test
    void disabledLimit_isNeverBreached() {
        OrbConfig off = CONFIG.toBuilder().dailyLossLimitEnabled(false).build();
        assertThat(DailyLossLimit.isBreached(START, BigDecimal.ZERO, off)).isFalse();
    }
}
