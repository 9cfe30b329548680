package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

import dev.orb.domain.InvalidValueException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class RatioTest {
    /** Enough digits to separate any two distinct ratios of the generated sizes (≤ 2^100). */
    private static final MathContext PRECISE = new MathContext(200);

    @Test
    void negativeNumeratorOrNonPositiveDenominator_isRejected() {
        assertThatThrownBy(() -> Ratio.of(-1, 2)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("numerator").hasMessageContaining("-1");
        assertThatThrownBy(() -> Ratio.of(1, 0)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("denominator").hasMessageContaining("0");
        assertThatThrownBy(() -> Ratio.of(1, -3)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Ratio(null, BigInteger.ONE)).isInstanceOf(NullPointerException.class)
                .hasMessage("numerator");
    }

    @Test
    void equalValuesWithDifferentTerms_compareEqual() {
        assertThat(Ratio.of(1, 2).compareTo(Ratio.of(2, 4))).isZero();
        assertThat(Ratio.of(1, 3).compareTo(Ratio.of(1, 2))).isNegative();
        assertThat(Ratio.of(0, 7).compareTo(Ratio.of(0, 1))).isZero();
    }

    @Test
    void isAtLeast_decidesExactlyAtTheThreshold() {
        assertThat(Ratio.of(14_000, 14_000).isAtLeast(d("1.0"))).isTrue();
        assertThat(Ratio.of(13_999, 14_000).isAtLeast(d("1.0"))).isFalse();
        // 1/3 is below 0.3334 and above 0.3333
        assertThat(Ratio.of(1, 3).isAtLeast(d("0.3333"))).isTrue();
        assertThat(Ratio.of(1, 3).isAtLeast(d("0.3334"))).isFalse();
        assertThat(Ratio.of(20, 1).isAtLeast(d("2E+1"))).isTrue();
        assertThat(Ratio.of(19, 1).isAtLeast(d("2E+1"))).isFalse();
        assertThat(Ratio.of(0, 1).isAtLeast(d("-1"))).isTrue();
    }

    @Test
    void ofDecimal_keepsTheExactValue() {
        assertThat(Ratio.ofDecimal(d("1.25"))).isEqualTo(Ratio.of(125, 100));
        assertThat(Ratio.ofDecimal(d("3E+2"))).isEqualTo(Ratio.of(300, 1));
        assertThatThrownBy(() -> Ratio.ofDecimal(d("-0.5"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void toDouble_isTheNearestDouble() {
        assertThat(Ratio.of(1, 3).toDouble()).isEqualTo(1.0 / 3);
        assertThat(Ratio.of(Long.MAX_VALUE, 1).toDouble()).isEqualTo((double) Long.MAX_VALUE);
        Ratio huge = new Ratio(BigInteger.TWO.pow(200), BigInteger.TWO.pow(199).multiply(BigInteger.valueOf(3)));
        assertThat(huge.toDouble()).isEqualTo(2.0 / 3);
    }

    @Property
    void compareTo_agreesWithExactDecimalDivision_smallTerms(@ForAll @LongRange(min = 0, max = 30) long a,
                                                             @ForAll @LongRange(min = 1, max = 30) long b,
                                                             @ForAll @LongRange(min = 0, max = 30) long c,
                                                             @ForAll @LongRange(min = 1, max = 30) long d) {
        assertAgreesWithDecimal(Ratio.of(a, b), Ratio.of(c, d));
    }

    @Property
    void compareTo_agreesWithExactDecimalDivision_longTerms(@ForAll @LongRange(min = 0) long a,
                                                            @ForAll @LongRange(min = 1) long b,
                                                            @ForAll @LongRange(min = 0) long c,
                                                            @ForAll @LongRange(min = 1) long d) {
        assertAgreesWithDecimal(Ratio.of(a, b), Ratio.of(c, d));
        // scaled copies of one value compare equal, also across the long/BigInteger boundary
        assertThat(Ratio.of(a, b).compareTo(new Ratio(BigInteger.valueOf(a).shiftLeft(40),
                BigInteger.valueOf(b).shiftLeft(40)))).isZero();
    }

    @Property
    void compareTo_agreesWithExactDecimalDivision_bigTerms(@ForAll("big") BigInteger a, @ForAll("big") BigInteger b,
                                                           @ForAll("big") BigInteger c, @ForAll("big") BigInteger d) {
        assertAgreesWithDecimal(new Ratio(a, b.add(BigInteger.ONE)), new Ratio(c, d.add(BigInteger.ONE)));
    }

    @Property
    void isAtLeast_agreesWithExactDecimalComparison(@ForAll @LongRange(min = 0, max = 1_000_000) long a,
                                                    @ForAll @LongRange(min = 1, max = 1_000_000) long b,
                                                    @ForAll @LongRange(min = 0, max = 100_000) long unscaled,
                                                    @ForAll @LongRange(min = -2, max = 6) long scale) {
        BigDecimal threshold = BigDecimal.valueOf(unscaled, (int) scale);
        BigDecimal value = new BigDecimal(a).divide(new BigDecimal(b), PRECISE);
        boolean expected = new BigDecimal(a).compareTo(threshold.multiply(new BigDecimal(b))) >= 0;
        assertThat(Ratio.of(a, b).isAtLeast(threshold)).isEqualTo(expected);
        if (value.compareTo(threshold) != 0) {
            assertThat(expected).isEqualTo(value.compareTo(threshold) > 0);
        }
    }

    @Property
    void compareProducts_isA128BitComparison(@ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b,
                                             @ForAll @LongRange(min = 0) long c, @ForAll @LongRange(min = 0) long d) {
        int expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
        assertThat(Integer.signum(Ratio.compareProducts(a, b, c, d))).isEqualTo(expected);
    }

    @Provide
    Arbitrary<BigInteger> big() {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TWO.pow(100));
    }

    private static void assertAgreesWithDecimal(Ratio x, Ratio y) {
        BigDecimal dx = new BigDecimal(x.numerator()).divide(new BigDecimal(x.denominator()), PRECISE);
        BigDecimal dy = new BigDecimal(y.numerator()).divide(new BigDecimal(y.denominator()), PRECISE);
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(dx.compareTo(dy));
        assertThat(Integer.signum(y.compareTo(x))).isEqualTo(dy.compareTo(dx));
    }
}
