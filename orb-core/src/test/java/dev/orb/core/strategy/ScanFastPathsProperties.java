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
        // the ATR as the scan reads it: ScanInput's columns
        ScanInput input = ScanInput.builder(1).symbol(new DailyStats(Symbol.of("A"), DAY, atr, BigDecimal.ZERO,
                new Price(1)), null).build();
        long actual = new StopOffset(fraction).split(input.atrUnscaledLo(0), input.atrUnscaledHi(0),
                input.atrBits(0), input.atrScale(0));
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
    void filterBounds_decideFromTheColumnsLikeUniverseFilter(@ForAll long seed) {
        Random r = new Random(seed);
        BigDecimal minPrice = switch (r.nextInt(4)) {
            case 0 -> new BigDecimal("5.00");
            case 1 -> BigDecimal.ZERO;
            case 2 -> new BigDecimal(BigInteger.valueOf(r.nextInt(100_000)), r.nextInt(14));
            default -> new BigDecimal("1E+20");
        };
        // bounds with more than 9 decimals are compared as decimals, the others through the nano columns
        BigDecimal minVolume = new BigDecimal(randomUnscaled(r), r.nextInt(14) - 2);
        BigDecimal minAtr = new BigDecimal(BigInteger.valueOf(r.nextInt(200)), r.nextInt(13));
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
        ScanInput input = ScanInput.builder(1).symbol(stats, null).build();
        assertThat(bounds.isEligible(input, 0)).as("%s", stats).isEqualTo(UniverseFilter.isEligible(stats, config));
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
        // the history as the scan reads it: its sum from ScanInput's column
        Outcome actual = Outcome.of(() -> rvol.computeOpeningRange(today, ScanInput.sum(history), history.length,
                history) ? Optional.of(rvol.ratio()) : Optional.empty());
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

    /**
     * The ranking's radix sort: keys whose low bits are their index, in index order, sorted by the bits above the
     * index, come out as a full sort would put them (equal high parts stay in index order).
     */
    @Property(tries = 300)
    void radixSort_ofIndexedKeys_isTheFullSort(@ForAll long seed) {
        Random r = new Random(seed);
        int n = r.nextInt(4) == 0 ? r.nextInt(300) : 256 + r.nextInt(12_000);
        int indexBits = Math.max(1, Integer.SIZE - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
        long indexMask = (1L << indexBits) - 1;
        long[] common = {0, 1L << 40, Long.MAX_VALUE >> 1, Long.MAX_VALUE - (1L << 52), r.nextLong() >>> 1};
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long high = switch (r.nextInt(4)) {
                case 0 -> common[r.nextInt(common.length)];                           // ties
                case 1 -> Long.MAX_VALUE - Double.doubleToRawLongBits(0.5 + r.nextDouble() * 3); // one exponent
                default -> r.nextLong() >>> 1;
            };
            keys[i] = high & ~indexMask | i;
        }
        long[] expected = keys.clone();
        java.util.Arrays.sort(expected);
        RankedCandidates.sortStablyAbove(keys, indexBits);
        assertThat(keys).isEqualTo(expected);
    }
}
