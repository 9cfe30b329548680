package dev.orb.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.Direction;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class OrderPlannerPropertiesTest {
    @Property
    void entryAndStop_areOnTheTick_onTheCorrectSide_andRoundedHalfUp(
            @ForAll @LongRange(min = 100_000, max = 2_000_000_000_000L) long lowNanos,
            @ForAll @LongRange(min = 0, max = 20_000_000_000L) long widthNanos,
            @ForAll Direction direction,
            @ForAll("atrs") BigDecimal atr,
            @ForAll("fractions") BigDecimal fraction) {
        Price low = new Price(lowNanos);
        Price high = new Price(lowNanos + widthNanos);
        Price open = direction == Direction.LONG ? low : high;
        Price close = direction == Direction.LONG ? high : low;
        OpeningRange range = new OpeningRange(Symbol.of("X"), Fixtures.DAY, 5, open, high, low, close, 1);
        OrbConfig config = OrbConfig.builder().stopAtrFraction(fraction).build();

        Price entry = OrderPlanner.entryPrice(range, direction);
        assertThat(entry.isOnTick()).isTrue();
        BigDecimal e = entry.toBigDecimal();
        if (direction == Direction.LONG) {
            assertThat(entry.compareTo(high)).isGreaterThanOrEqualTo(0);
            assertThat(e.subtract(Price.tickFor(high.toBigDecimal()))).isLessThan(high.toBigDecimal());
        } else {
            assertThat(entry.compareTo(low)).isLessThanOrEqualTo(0);
            assertThat(e.add(Price.tickFor(low.toBigDecimal()))).isGreaterThan(low.toBigDecimal());
        }

        // the documented offset: fraction × atr snapped to 18 decimals (restores exact half ticks behind a
        // rounded ATR)
        BigDecimal offset = fraction.multiply(atr);
        if (offset.scale() > 18) {
            offset = offset.setScale(18, RoundingMode.HALF_EVEN);
        }
        BigDecimal raw = direction == Direction.LONG ? e.subtract(offset) : e.add(offset);
        Optional<Price> stop = OrderPlanner.protectiveStop(entry, direction, atr, config);
        if (stop.isEmpty()) {
            boolean notPositive = raw.compareTo(Price.tickFor(raw).divide(BigDecimal.valueOf(2))) < 0;
            boolean ontoEntry = !notPositive && Price.roundToTick(raw, RoundingMode.HALF_UP).equals(entry);
            assertThat(notPositive || ontoEntry).as("empty stop for raw %s, entry %s", raw, entry).isTrue();
            return;
        }
        Price s = stop.get();
        assertThat(s.isOnTick()).isTrue();
        if (direction == Direction.LONG) {
            assertThat(s.isBelow(entry)).isTrue();
        } else {
            assertThat(s.isAbove(entry)).isTrue();
        }
        BigDecimal halfTick = Price.tickFor(raw).divide(BigDecimal.valueOf(2));
        BigDecimal error = s.toBigDecimal().subtract(raw);
        assertThat(error.abs()).isLessThanOrEqualTo(halfTick);
        if (error.abs().compareTo(halfTick) == 0) {
            assertThat(error.signum()).as("an exact half tick rounds up").isPositive();
        }
    }

    /**
     * With a SIMPLE ATR (Σ TR / period, stored at scale 20) the stop equals the half-up rounding of the exact
     * rational {@code entry ∓ fraction × ΣTR / period}, computed here without any rounding.
     */
    @Property
    void stopFromARoundedSimpleAtr_equalsTheStopOfTheExactRational(
            @ForAll @LongRange(min = 1, max = 1_000_000) long entryCents,
            @ForAll("sumsOfTrueRanges") long sumOfTrueRangesNanos,
            @ForAll("periods") int period,
            @ForAll Direction direction,
            @ForAll("fractions") BigDecimal fraction) {
        Price entry = Price.ofCents(entryCents);
        BigDecimal sum = BigDecimal.valueOf(sumOfTrueRangesNanos, 9);
        BigDecimal atr = sum.divide(BigDecimal.valueOf(period), DailyStatistics.ATR_SCALE, RoundingMode.HALF_EVEN);
        OrbConfig config = OrbConfig.builder().stopAtrFraction(fraction).build();

        // period × raw, exact
        BigDecimal p = BigDecimal.valueOf(period);
        BigDecimal scaledOffset = fraction.multiply(sum);
        BigDecimal scaledRaw = direction == Direction.LONG ? entry.toBigDecimal().multiply(p).subtract(scaledOffset)
                : entry.toBigDecimal().multiply(p).add(scaledOffset);
        Optional<Price> expected = Optional.empty();
        if (scaledRaw.signum() > 0) {
            BigDecimal tick = scaledRaw.compareTo(p) >= 0 ? Price.TICK_AT_OR_ABOVE_ONE_DOLLAR
                    : Price.TICK_BELOW_ONE_DOLLAR;
            // floor(raw / tick + 1/2) = floor((2 × period × raw + period × tick) / (2 × period × tick))
            BigDecimal units = scaledRaw.multiply(BigDecimal.valueOf(2)).add(p.multiply(tick))
                    .divide(p.multiply(tick).multiply(BigDecimal.valueOf(2)), 0, RoundingMode.FLOOR);
            if (units.signum() > 0 && !units.multiply(tick).equals(entry.toBigDecimal().setScale(tick.scale()))) {
                expected = Optional.of(Price.of(units.multiply(tick)));
            }
        }
        assertThat(OrderPlanner.protectiveStop(entry, direction, atr, config)).isEqualTo(expected);
    }

    @Property
    void shares_respectBothBounds_andAreMaximal(
            @ForAll @LongRange(min = -100, max = 1_000_000_000L) long equityCents,
            @ForAll @LongRange(min = 1, max = 1_000_000) long entryTicks,
            @ForAll @LongRange(min = 1, max = 1_000_000) long stopTicks,
            @ForAll boolean subDollarGrid,
            @ForAll("risks") BigDecimal risk,
            @ForAll("leverages") BigDecimal leverage,
            @ForAll @IntRange(min = 1, max = 50) int topN) {
        // on the 0.0001 grid below $1.00, else on the cent grid
        Price entry = subDollarGrid && entryTicks < 10_000 ? Price.of(BigDecimal.valueOf(entryTicks, 4))
                : Price.ofCents(entryTicks);
        Price stop = subDollarGrid && stopTicks < 10_000 ? Price.of(BigDecimal.valueOf(stopTicks, 4))
                : Price.ofCents(stopTicks);
        BigDecimal equity = BigDecimal.valueOf(equityCents, 2);
        OrbConfig config = OrbConfig.builder().riskPerTrade(risk).maxLeverage(leverage).scanTopN(topN).build();

        long shares = OrderPlanner.shares(equity, entry, stop, config);

        if (equity.signum() <= 0 || entry.equals(stop)) {
            assertThat(shares).isZero();
            return;
        }
        assertThat(shares).isNotNegative();
        BigDecimal distance = entry.toBigDecimal().subtract(stop.toBigDecimal()).abs();
        BigDecimal riskBudget = risk.multiply(equity);
        BigDecimal leverageBudget = leverage.multiply(equity);
        BigDecimal perShareNotional = entry.toBigDecimal().multiply(BigDecimal.valueOf(topN));
        assertThat(BigDecimal.valueOf(shares).multiply(distance)).isLessThanOrEqualTo(riskBudget);
        assertThat(BigDecimal.valueOf(shares).multiply(perShareNotional)).isLessThanOrEqualTo(leverageBudget);
        BigDecimal more = BigDecimal.valueOf(shares + 1);
        boolean oneMoreBreaks = more.multiply(distance).compareTo(riskBudget) > 0
                || more.multiply(perShareNotional).compareTo(leverageBudget) > 0;
        assertThat(oneMoreBreaks).as("shares + 1 breaks a bound").isTrue();
    }

    @Provide
    Arbitrary<BigDecimal> atrs() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50")).ofScale(20),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50")).ofScale(2),
                Arbitraries.integers().between(1, 5000).map(sum -> BigDecimal.valueOf(sum, 2)
                        .divide(BigDecimal.valueOf(14), 20, RoundingMode.HALF_EVEN)));
    }

    @Provide
    Arbitrary<BigDecimal> fractions() {
        return Arbitraries.oneOf(
                Arbitraries.of(new BigDecimal("0.10"), new BigDecimal("0.07"), new BigDecimal("0.05"),
                        new BigDecimal("0.25"), new BigDecimal("1")),
                Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), BigDecimal.TEN).ofScale(4));
    }

    /** Whole dollars and whole cents often, so that exact half-tick offsets behind a rounded ATR occur. */
    @Provide
    Arbitrary<Long> sumsOfTrueRanges() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 2_000).map(dollars -> dollars * 1_000_000_000L),
                Arbitraries.longs().between(0, 200_000).map(cents -> cents * 10_000_000L),
                Arbitraries.longs().between(0, 2_000_000_000_000L));
    }

    @Provide
    Arbitrary<Integer> periods() {
        return Arbitraries.oneOf(Arbitraries.just(14), Arbitraries.just(15), Arbitraries.integers().between(1, 250));
    }

    @Provide
    Arbitrary<BigDecimal> risks() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("0.05")).ofScale(4);
    }

    @Provide
    Arbitrary<BigDecimal> leverages() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("4")).ofScale(2);
    }
}
