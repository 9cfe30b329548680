package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The scan's integer fast paths against the decimal code they replace. */
class ScanFastPathsProperties {
    /** What a computation did: its value, or the exception it threw. */
    private record Outcome(Object value, Class<?> thrown, String message) {
        static Outcome of(Supplier<Object> computation) {
            try {
                return new Outcome(computation.get(), null, null);
            } catch (RuntimeException e) {
                return new Outcome(null, e.getClass(), e.getMessage());
            }
        }
    }

    private static BigInteger randomUnscaled(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> BigInteger.valueOf(r.nextInt(1000));
            case 1 -> BigInteger.valueOf(r.nextLong() >>> 1);
            case 2 -> new BigInteger(64 + r.nextInt(8), r);
            case 3 -> new BigInteger(1 + r.nextInt(118), r);
            default -> BigInteger.valueOf(r.nextInt(100_000_000));
        };
    }

    @Property(tries = 3000)
    void stopOffset_splitsLikeTheSnappedDecimalOffset(@ForAll long seed) {
        Random r = new Random(seed);
        BigDecimal fraction = switch (r.nextInt(4)) {
            case 0 -> new BigDecimal("0.10");
            case 1 -> BigDecimal.ONE.scaleByPowerOfTen(-r.nextInt(4));
            case 2 -> new BigDecimal(BigInteger.valueOf(1 + r.nextInt(1_000_000)), r.nextInt(12));
            default -> new BigDecimal(BigInteger.ONE.add(new BigInteger(1 + r.nextInt(62), r)), r.nextInt(25) - 3);
        };
        BigDecimal atr;
        int scale = r.nextInt(27) - 3;
        if (r.nextInt(4) == 0 && fraction.unscaledValue().equals(BigInteger.ONE)) {
            // an exact half at the 19th decimal of the offset: half-even decides
            int total = fraction.scale() + Math.max(scale, 19 - fraction.scale());
            int dropped = total - OrderPlanner.OFFSET_SCALE;
            BigInteger q = BigInteger.valueOf(r.nextInt(1_000_000));
            BigInteger unscaled = q.multiply(BigInteger.TEN.pow(dropped))
                    .add(BigInteger.valueOf(5).multiply(BigInteger.TEN.pow(dropped - 1)));
            atr = new BigDecimal(unscaled, total - fraction.scale());
        } else {
            atr = new BigDecimal(randomUnscaled(r), scale);
        }
        BigDecimal offset = fraction.multiply(atr);
        if (offset.scale() > OrderPlanner.OFFSET_SCALE) {
            offset = offset.setScale(OrderPlanner.OFFSET_SCALE, RoundingMode.HALF_EVEN);
        }
        long actual = new StopOffset(fraction).split(atr);
        int total = fraction.scale() + atr.scale();
        if (total >= 0 && total <= 36 && atr.unscaledValue().bitLength() + fraction.unscaledValue().bitLength() <= 125
                && fraction.unscaledValue().bitLength() <= 62) {
            // the scales orb uses (ATR at 2, 4 or 20 decimals; fractions of a few decimals) take the fast path
            assertThat(actual).isNotEqualTo(StopOffset.NOT_FAST);
        }
        if (actual != StopOffset.NOT_FAST) {
            assertThat(actual).as("%s × %s", fraction, atr).isEqualTo(TickMath.splitOffset(offset));
        }
    }

    @Property(tries = 3000)
    void decimalText_isPriceToStringAndStrippedPlainString(@ForAll long seed) {
        Random r = new Random(seed);
        long nanos = switch (r.nextInt(4)) {
            case 0 -> 1 + r.nextInt(1000);
            case 1 -> (r.nextLong() >>> 1) | 1;
            case 2 -> (1 + r.nextInt(1_000_000)) * 10_000_000L;
            default -> 1 + (r.nextLong() >>> 20);
        };
        assertThat(new Price(nanos).toString()).isEqualTo(new Price(nanos).toBigDecimal().toPlainString());
        BigInteger unscaled = randomUnscaled(r);
        BigDecimal value = new BigDecimal(r.nextInt(10) == 0 ? unscaled.negate() : unscaled, r.nextInt(45) - 20);
        if (r.nextInt(5) == 0) {
            value = value.setScale(Math.max(0, value.scale()) + r.nextInt(6));
        }
        StringBuilder b = new StringBuilder("x");
        DecimalText.appendStripped(b, value);
        assertThat(b.toString()).isEqualTo("x" + (value.signum() == 0 ? "0"
                : value.stripTrailingZeros().toPlainString()));
    }

    @Property(tries = 3000)
    void filterBounds_decideAndExplainLikeUniverseFilter(@ForAll long seed) {
        Random r = new Random(seed);
        BigDecimal minPrice = switch (r.nextInt(4)) {
            case 0 -> new BigDecimal("5.00");
            case 1 -> BigDecimal.ZERO;
            case 2 -> new BigDecimal(BigInteger.valueOf(r.nextInt(100_000)), r.nextInt(14));
            default -> new BigDecimal("1E+20");
        };
        BigDecimal minVolume = new BigDecimal(randomUnscaled(r), r.nextInt(8) - 2);
        BigDecimal minAtr = new BigDecimal(BigInteger.valueOf(r.nextInt(200)), r.nextInt(4));
        OrbConfig config = OrbConfig.builder().universeMinPrice(minPrice).universeMinAvgVolume(minVolume)
                .universeMinAtr(minAtr).build();
        long priceAtBound = minPrice.movePointRight(Price.SCALE).setScale(0, RoundingMode.CEILING)
                .min(BigDecimal.valueOf(Long.MAX_VALUE)).max(BigDecimal.ONE).longValue();
        long prevClose = switch (r.nextInt(3)) {
            case 0 -> Math.max(1, priceAtBound + r.nextInt(3) - 1);
            case 1 -> 1 + r.nextInt(1_000_000_000);
            default -> 1 + (r.nextLong() >>> 1) % 1_000_000_000_000L;
        };
        BigDecimal avgVolume = r.nextInt(3) == 0 ? minVolume.abs().add(BigDecimal.valueOf(r.nextInt(3) - 1))
                .max(BigDecimal.ZERO) : new BigDecimal(randomUnscaled(r), r.nextInt(6));
        BigDecimal atr = r.nextInt(3) == 0 ? minAtr : new BigDecimal(randomUnscaled(r), r.nextInt(23));
        DailyStats stats = new DailyStats(Symbol.of("A"), DAY, atr, avgVolume, new Price(prevClose));

        UniverseFilter.Bounds bounds = UniverseFilter.bounds(config);
        assertThat(bounds.isEligible(stats)).isEqualTo(UniverseFilter.isEligible(stats, config));
        Optional<String> rejection = UniverseFilter.rejection(stats, config);
        if (rejection.isPresent()) {
            assertThat(bounds.rejection(new StringBuilder("junk"), "not eligible: ", stats))
                    .isEqualTo("not eligible: " + rejection.get());
        }
    }

    @Property(tries = 3000)
    void scanRvol_isRelativeVolume(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int lookback,
                                   @ForAll @LongRange(min = 0, max = 20) long minTenths) {
        Random r = new Random(seed);
        long today = switch (r.nextInt(5)) {
            case 0 -> 0;
            case 1 -> r.nextLong() >>> 1;
            case 2 -> (r.nextLong() >>> 1) / 390 + r.nextInt(3);
            case 3 -> -r.nextInt(3);
            default -> r.nextInt(100_000);
        };
        long[] history = new long[lookback];
        int kind = r.nextInt(6);
        for (int i = 0; i < lookback; i++) {
            history[i] = switch (kind) {
                case 0 -> 0;
                case 1 -> Long.MAX_VALUE / (1 + r.nextInt(lookback + 1));
                case 2 -> today;                                    // RVOL exactly 1
                case 3 -> r.nextInt(50) == 0 ? -1 : r.nextInt(100_000);
                default -> r.nextInt(100_000);
            };
        }
        int minutes = new int[] {5, 15, 30, 60, 1, 390}[r.nextInt(6)];
        BigDecimal avgVolume = switch (r.nextInt(5)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> new BigDecimal(randomUnscaled(r), r.nextInt(24) - 2);
            // RVOL exactly 1: today × 390 / minutes
            case 2 -> BigDecimal.valueOf(Math.max(0, today)).multiply(BigDecimal.valueOf(390))
                    .divide(BigDecimal.valueOf(minutes), 20, RoundingMode.DOWN);
            default -> BigDecimal.valueOf(r.nextInt(2_000_000_000), DailyStatistics.VOLUME_SCALE);
        };
        Ratio minimum = r.nextInt(4) == 0 ? Ratio.of(r.nextLong() >>> 1, 1 + (r.nextLong() >>> 1))
                : Ratio.ofDecimal(BigDecimal.valueOf(minTenths, 1));
        ScanRvol rvol = new ScanRvol(minimum);

        Outcome expected = Outcome.of(() -> RelativeVolume.openingRange(today, history));
        Outcome actual = Outcome.of(() -> rvol.computeOpeningRange(today, history) ? Optional.of(rvol.ratio())
                : Optional.empty());
        assertThat(actual).isEqualTo(expected);
        check(rvol, expected, minimum);

        expected = Outcome.of(() -> RelativeVolume.dailyApprox(today, minutes, avgVolume));
        actual = Outcome.of(() -> rvol.computeDailyApprox(today, minutes, avgVolume) ? Optional.of(rvol.ratio())
                : Optional.empty());
        assertThat(actual).isEqualTo(expected);
        check(rvol, expected, minimum);
    }

    private static void check(ScanRvol rvol, Outcome expected, Ratio minimum) {
        if (expected.value() instanceof Optional<?> value && value.isPresent()) {
            Ratio ratio = (Ratio) value.get();
            assertThat(rvol.isAtLeastMinimum()).isEqualTo(ratio.compareTo(minimum) >= 0);
            assertThat(rvol.toDouble()).isEqualTo(ratio.toDouble());
        }
    }
}
