package dev.orb.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Price;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The nano-dollar fast paths against {@link Price#roundToTick}, the decimal reference. */
class TickMathTest {
    @Property
    void ceilingAndFloor_agreeWithPriceRoundToTick(@ForAll("prices") long nanos) {
        Price price = new Price(nanos);
        assertThat(TickMath.ceiling(price)).isEqualTo(price.roundToTick(RoundingMode.CEILING));
        if (nanos >= 100_000) {
            assertThat(TickMath.floor(price)).isEqualTo(price.roundToTick(RoundingMode.FLOOR));
        } else {
            assertThatThrownBy(() -> TickMath.floor(price)).isInstanceOf(InvalidValueException.class);
        }
    }

    @Property
    void halfUpStop_agreesWithDecimalRounding(@ForAll @LongRange(min = 1, max = 10_000_000) long entryHundredthCents,
                                              @ForAll Direction direction, @ForAll("offsets") BigDecimal offset) {
        Price entry = Price.of(BigDecimal.valueOf(entryHundredthCents, 4)).roundToTick(RoundingMode.FLOOR);
        BigDecimal raw = direction == Direction.LONG ? entry.toBigDecimal().subtract(offset)
                : entry.toBigDecimal().add(offset);
        long expected = raw.signum() > 0 && raw.divide(Price.tickFor(raw), 0, RoundingMode.HALF_UP).signum() > 0
                ? Price.roundToTick(raw, RoundingMode.HALF_UP).nanos() : 0;
        long actual = TickMath.halfUpStopNanos(entry.nanos(), direction, offset);
        assertThat(Math.max(actual, 0)).isEqualTo(expected);
    }

    @Test
    void halfUpStop_aroundTheDollarBoundary() {
        // 1.00 − 0.00005: raw 0.99995 has the 0.0001 tick → 1.0000 (half up)
        assertThat(TickMath.halfUpStopNanos(Price.of("1.00").nanos(), Direction.LONG, new BigDecimal("0.00005")))
                .isEqualTo(Price.of("1.00").nanos());
        // 1.00 − 0.000051 → 0.999949 → 0.9999
        assertThat(TickMath.halfUpStopNanos(Price.of("1.00").nanos(), Direction.LONG, new BigDecimal("0.000051")))
                .isEqualTo(Price.of("0.9999").nanos());
        // 0.9999 + 0.005 → 1.0049 has the cent tick → 1.00
        assertThat(TickMath.halfUpStopNanos(Price.of("0.9999").nanos(), Direction.SHORT, new BigDecimal("0.005")))
                .isEqualTo(Price.of("1.00").nanos());
        // a fraction of a nano below a half cent rounds down, at it rounds up
        assertThat(TickMath.halfUpStopNanos(Price.of("10.00").nanos(), Direction.LONG,
                new BigDecimal("0.0050000000001"))).isEqualTo(Price.of("9.99").nanos());
        assertThat(TickMath.halfUpStopNanos(Price.of("10.00").nanos(), Direction.SHORT,
                new BigDecimal("0.0049999999999"))).isEqualTo(Price.of("10.00").nanos());
        assertThat(TickMath.halfUpStopNanos(Price.of("10.00").nanos(), Direction.SHORT,
                new BigDecimal("0.005"))).isEqualTo(Price.of("10.01").nanos());
    }

    @Test
    void hugeOffsets_areNotPositiveForLongsAndRejectedForShorts() {
        BigDecimal huge = new BigDecimal("1E+30");
        assertThat(TickMath.halfUpStopNanos(Price.of("10").nanos(), Direction.LONG, huge)).isLessThanOrEqualTo(0);
        assertThatThrownBy(() -> TickMath.halfUpStopNanos(Price.of("10").nanos(), Direction.SHORT, huge))
                .isInstanceOf(InvalidValueException.class);
    }

    @Provide
    Arbitrary<Long> prices() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 2_000_000_000L),
                Arbitraries.longs().between(1, 10_000_000_000_000L),
                Arbitraries.longs().between(900_000_000L, 1_100_000_000L));
    }

    /** Offsets of every scale from −3 to 30, with small and large unscaled values. */
    @Provide
    Arbitrary<BigDecimal> offsets() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(100_000)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(25)));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-3, 30))
                .as(BigDecimal::new)
                .filter(d -> d.compareTo(new BigDecimal("2000")) < 0);
    }
}
