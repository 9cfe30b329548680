package dev.orb.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import org.junit.jupiter.api.Test;

class PriceTest {
    @Test
    void parsesExactDecimalsAndPrintsThemPlainly() {
        assertThat(Price.of("10.25").nanos()).isEqualTo(10_250_000_000L);
        assertThat(Price.of("10.5")).hasToString("10.50");
        assertThat(Price.of("0.8512")).hasToString("0.8512");
        assertThat(Price.of("166.975")).hasToString("166.975");
        assertThat(Price.ofCents(1025)).isEqualTo(Price.of("10.25"));
    }

    @Test
    void rejectsNonPositiveTooPreciseAndGarbage_namingTheValue() {
        assertThatThrownBy(() -> Price.of("0")).hasMessageContaining("Price: 0 must be positive");
        assertThatThrownBy(() -> Price.of("-1.00")).hasMessageContaining("-1");
        assertThatThrownBy(() -> Price.of("1.0000000001")).hasMessageContaining("more than 9 decimals");
        assertThatThrownBy(() -> Price.of("abc")).hasMessageContaining("'abc' is not a decimal");
        assertThatThrownBy(() -> Price.ofVendorDouble(Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void tickIsACentFromOneDollarAndAHundredthOfACentBelow() {
        assertThat(Price.of("1.00").tick()).isEqualByComparingTo("0.01");
        assertThat(Price.of("0.9999").tick()).isEqualByComparingTo("0.0001");
        assertThat(Price.of("0.85").isOnTick()).isTrue();
        assertThat(Price.of("0.8512").isOnTick()).isTrue();
        assertThat(Price.of("0.85125").isOnTick()).isFalse();
        assertThat(Price.of("10.005").isOnTick()).isFalse();
    }

    @Test
    void roundsHalfUpToTheTickOfTheUnroundedValue() {
        assertThat(Price.roundToTick(new BigDecimal("10.005"), RoundingMode.HALF_UP)).isEqualTo(Price.of("10.01"));
        assertThat(Price.roundToTick(new BigDecimal("10.0049999"), RoundingMode.HALF_UP)).isEqualTo(Price.of("10.00"));
        assertThat(Price.roundToTick(new BigDecimal("0.84995"), RoundingMode.HALF_UP)).isEqualTo(Price.of("0.85"));
        assertThat(Price.roundToTick(new BigDecimal("0.99995"), RoundingMode.HALF_UP)).isEqualTo(Price.of("1.00"));
        assertThat(Price.roundToTick(new BigDecimal("166.975"), RoundingMode.CEILING)).isEqualTo(Price.of("166.98"));
        assertThatThrownBy(() -> Price.roundToTick(new BigDecimal("0.00004"), RoundingMode.HALF_UP))
                .hasMessageContaining("not a positive price");
    }

    @Property
    void toString_isThePlainDecimalOfToBigDecimal(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long nanos) {
        Price p = new Price(nanos);
        assertThat(p.toString()).isEqualTo(p.toBigDecimal().toPlainString());
    }

    @Test
    void toString_keepsTwoDecimalsAndDropsOtherTrailingZeros() {
        assertThat(Price.of("10.5").toString()).isEqualTo("10.50");
        assertThat(Price.of("0.8512").toString()).isEqualTo("0.8512");
        assertThat(new Price(1).toString()).isEqualTo("0.000000001");
        assertThat(Price.of("12").toString()).isEqualTo("12.00");
    }

    @Property
    void roundingAlwaysLandsOnTheTickWithinHalfATick(@ForAll @LongRange(min = 1_000_000, max = 900_000_000_000_000L) long nanos) {
        BigDecimal value = BigDecimal.valueOf(nanos, Price.SCALE);
        Price rounded = Price.roundToTick(value, RoundingMode.HALF_UP);
        assertThat(rounded.isOnTick()).isTrue();
        BigDecimal tick = Price.tickFor(value);
        assertThat(rounded.toBigDecimal().subtract(value).abs()).isLessThanOrEqualTo(tick.divide(BigDecimal.valueOf(2)));
    }

    @Property
    void textRoundTripsExactly(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long nanos) {
        Price p = new Price(nanos);
        assertThat(Price.of(p.toString())).isEqualTo(p);
        assertThat(Price.of(p.toBigDecimal())).isEqualTo(p);
    }
}
