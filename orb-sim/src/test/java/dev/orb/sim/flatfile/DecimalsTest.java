package dev.orb.sim.flatfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class DecimalsTest {
    private static long nanos(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return Decimals.parseNanos(b, 0, b.length, "open");
    }

    private static long whole(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return Decimals.parseWhole(b, 0, b.length, "volume");
    }

    @Test
    void parsesPlainDecimalsExactly() {
        assertThat(nanos("171.5")).isEqualTo(171_500_000_000L);
        assertThat(nanos("0.0001")).isEqualTo(100_000L);
        assertThat(nanos("12")).isEqualTo(12_000_000_000L);
        assertThat(nanos("12.")).isEqualTo(12_000_000_000L);
        assertThat(nanos(".5")).isEqualTo(500_000_000L);
        assertThat(nanos("0.123456789")).isEqualTo(123_456_789L);
        assertThat(nanos("-1.25")).isEqualTo(-1_250_000_000L);
    }

    @Test
    void zerosBeyondTheNinthDecimalAreExact_otherDigitsAreRejected() {
        assertThat(nanos("1.2300000000000")).isEqualTo(1_230_000_000L);
        assertThatThrownBy(() -> nanos("1.0000000001"))
                .isInstanceOf(MalformedField.class)
                .hasMessage("open '1.0000000001' has more than 9 decimals");
    }

    @Test
    void exponentNotationIsExact() {
        assertThat(nanos("1.5E-4")).isEqualTo(150_000L);
        assertThat(nanos("2e2")).isEqualTo(200_000_000_000L);
        assertThatThrownBy(() -> nanos("1E-10")).hasMessageContaining("more than 9 decimals");
        assertThat(whole("1.2E3")).isEqualTo(1200);
        assertThatThrownBy(() -> whole("1.25E1")).hasMessage("volume '1.25E1' is not a whole number in range");
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String bad : new String[] {"", "-", ".", "abc", "1.2.3", "1,5", " 1", "1 ", "0x10", "1e", "NaN"}) {
            assertThatThrownBy(() -> nanos(bad)).as(bad).isInstanceOf(MalformedField.class)
                    .hasMessageStartingWith("open '");
        }
        assertThatThrownBy(() -> nanos("9223372036.5")).hasMessage("open '9223372036.5' is too large");
    }

    @Test
    void wholeNumbersAcceptOnlyZeroFractions() {
        assertThat(whole("1200")).isEqualTo(1200);
        assertThat(whole("1200.000")).isEqualTo(1200);
        assertThat(whole("1704205800000000000")).isEqualTo(1_704_205_800_000_000_000L);
        assertThat(whole("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> whole("12.5")).hasMessage("volume '12.5' is not a whole number");
        assertThatThrownBy(() -> whole("9223372036854775808")).hasMessage("volume '9223372036854775808' is too large");
        assertThatThrownBy(() -> whole("")).hasMessage("volume '' is not a number");
    }

    @Test
    void formatsWithoutTrailingZeros() {
        assertThat(Decimals.formatNanos(171_500_000_000L)).isEqualTo("171.5");
        assertThat(Decimals.formatNanos(12_000_000_000L)).isEqualTo("12");
        assertThat(Decimals.formatNanos(123_000L)).isEqualTo("0.000123");
        assertThat(Decimals.formatNanos(-1_050_000_000L)).isEqualTo("-1.05");
    }

    /** The fast parser agrees with BigDecimal on every decimal text: same value, or rejection exactly when inexact. */
    @Property
    void parserAgreesWithBigDecimal(@ForAll("decimalTexts") String text) {
        BigDecimal exact = new BigDecimal(text);
        BigDecimal scaled = exact.movePointRight(9);
        boolean representable = scaled.stripTrailingZeros().scale() <= 0
                && scaled.abs().compareTo(BigDecimal.valueOf(Decimals.MAX_WHOLE + 1).movePointRight(9)) < 0;
        if (representable) {
            assertThat(nanos(text)).isEqualTo(scaled.longValueExact());
        } else {
            assertThatThrownBy(() -> nanos(text)).isInstanceOf(MalformedField.class);
        }
    }

    @Property
    void formatThenParseIsIdentity(@ForAll @LongRange(min = -9_000_000_000_000_000_000L,
            max = 9_000_000_000_000_000_000L) long value) {
        String text = Decimals.formatNanos(value);
        assertThat(nanos(text)).isEqualTo(value);
        assertThat(new BigDecimal(text)).isEqualByComparingTo(BigDecimal.valueOf(value, 9));
    }

    @Provide
    Arbitrary<String> decimalTexts() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers().between(BigInteger.valueOf(-10).pow(22),
                BigInteger.TEN.pow(22));
        Arbitrary<Integer> scale = Arbitraries.integers().between(-3, 14);
        Arbitrary<Boolean> scientific = Arbitraries.of(true, false);
        return Combinators.combine(unscaled, scale, scientific).as((u, s, sci) -> {
            BigDecimal d = new BigDecimal(u, s);
            return sci ? d.toString() : d.toPlainString();
        });
    }
}
