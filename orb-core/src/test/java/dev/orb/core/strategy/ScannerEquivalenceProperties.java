package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.RvolMethod;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link Scanner#scan} of {@link ScanInput#of} gives exactly what {@link ReferenceScanner} gives (same records, ranks, notes, selections,
 * plans, missing symbols; or the same exception with the same message) on random universes with ties and near ties
 * in RVOL, dojis, missing bars and histories, ineligible symbols, sub-dollar prices, decimals at every scale the
 * code handles specially, volumes near the long range, both RVOL methods and every opening-range length.
 */
class ScannerEquivalenceProperties {
    private static final long NANOS = Price.NANOS_PER_DOLLAR;
    private static final BigDecimal[] MIN_RVOLS = {new BigDecimal("1.0"), BigDecimal.ZERO, new BigDecimal("0.5"),
        new BigDecimal("1.25"), new BigDecimal("2"), new BigDecimal("0.33333333333333333333333"),
        new BigDecimal("1E+1"), new BigDecimal("1.0000000000001")};
    private static final BigDecimal[] FRACTIONS = {new BigDecimal("0.10"), new BigDecimal("0.1"),
        new BigDecimal("0.25"), new BigDecimal("1"), new BigDecimal("0.123456789"), new BigDecimal("0.0001"),
        new BigDecimal("10"), new BigDecimal("0.3333333333333333333"), new BigDecimal("1E+1")};
    private static final BigDecimal[] MIN_PRICES = {new BigDecimal("5.00"), BigDecimal.ZERO, new BigDecimal("1"),
        new BigDecimal("0.5"), new BigDecimal("0.0000000001")};
    private static final BigDecimal[] MIN_VOLUMES = {new BigDecimal("1000000"), BigDecimal.ZERO,
        new BigDecimal("123.4567"), new BigDecimal("1E+3")};
    private static final BigDecimal[] MIN_ATRS = {new BigDecimal("0.50"), BigDecimal.ZERO, new BigDecimal("0.01")};
    private static final BigDecimal[] EQUITIES = {new BigDecimal("100000"), new BigDecimal("5000"), BigDecimal.ZERO,
        new BigDecimal("1000000000.55")};
    private static final int[] MINUTES = {5, 15, 30, 60};

    /** What a scan did: its result, or the exception it threw. */
    private record Outcome(Scanner.Result result, Class<?> thrown, String message) {
        static Outcome of(Supplier<Scanner.Result> scan) {
            try {
                return new Outcome(scan.get(), null, null);
            } catch (RuntimeException e) {
                return new Outcome(null, e.getClass(), e.getMessage());
            }
        }
    }

    @Property(tries = 1500)
    void scan_isExactlyTheReferenceScan(@ForAll long seed) {
        Random r = new Random(seed);
        OrbConfig config = OrbConfig.builder()
                .openingRangeMinutes(MINUTES[r.nextInt(MINUTES.length)])
                .rvolMethod(r.nextInt(3) == 0 ? RvolMethod.DAILY_APPROX : RvolMethod.OPENING_RANGE)
                .rvolLookback(r.nextInt(4) == 0 ? 1 + r.nextInt(20) : 14)
                .scanMinRvol(pick(r, MIN_RVOLS))
                .scanTopN(1 + r.nextInt(8))
                .stopAtrFraction(pick(r, FRACTIONS))
                .universeMinPrice(pick(r, MIN_PRICES))
                .universeMinAvgVolume(pick(r, MIN_VOLUMES))
                .universeMinAtr(pick(r, MIN_ATRS))
                .build();
        BigDecimal equity = pick(r, EQUITIES);
        boolean badInput = r.nextInt(8) == 0;
        ReferenceScanner.Input input = new Generator(r, config, badInput).input();

        Outcome expected = Outcome.of(() -> ReferenceScanner.scan(input, equity, config));
        Outcome actual = Outcome.of(() -> Scanner.scan(input.session(),
                ScanInput.of(input.universe(), input.bars(), input.orVolumeHistory()), equity, config));

        Statistics.label("outcome").collect(expected.thrown() == null ? "result" : "exception");
        if (expected.result() != null) {
            Statistics.label("ranked").collect(expected.result().records().stream()
                    .filter(x -> x.rank() > 0).count() > 3 ? "> 3 ranked" : "≤ 3 ranked");
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** A random scan input around {@link Fixtures#SESSION}. */
    private static final class Generator {
        private final Random r;
        private final OrbConfig config;
        private final int minutes;
        private final Instant open = SESSION.openInstant();
        /** Volumes and price levels shared by several symbols, so that RVOLs tie. */
        private final long[] commonVolumes;
        private final boolean badInput;
        private int badLeft = 1;
        /** The opening-range volume of the symbol generated last. */
        private long windowVolume;

        Generator(Random r, OrbConfig config, boolean badInput) {
            this.r = r;
            this.config = config;
            this.minutes = config.openingRangeMinutes();
            this.badInput = badInput;
            commonVolumes = new long[] {0, 1_000, 2_000, 3_000, 1_000 + r.nextInt(5_000), 7_000};
        }

        ReferenceScanner.Input input() {
            int n = r.nextInt(45);
            List<Symbol> symbols = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Symbol s = Symbol.of(r.nextBoolean() ? "S" + r.nextInt(60) : "" + (char) ('A' + r.nextInt(26))
                        + (char) ('A' + r.nextInt(26)));
                if (!symbols.contains(s)) {
                    symbols.add(s);
                }
            }
            Collections.shuffle(symbols, r);
            Map<Symbol, DailyStats> universe = r.nextBoolean() ? new TreeMap<>() : new LinkedHashMap<>();
            Map<Symbol, List<Bar>> bars = new HashMap<>();
            Map<Symbol, long[]> history = new HashMap<>();
            for (Symbol s : symbols) {
                long level = priceLevel();
                universe.put(s, stats(s, level));
                List<Bar> b = bars(s, level);
                if (b != null) {
                    bars.put(s, b);
                }
                long[] h = history();
                if (h != null) {
                    history.put(s, h);
                }
            }
            return new ReferenceScanner.Input(SESSION, universe, bars, history);
        }

        private boolean bad() {
            if (badInput && badLeft > 0 && r.nextInt(20) == 0) {
                badLeft--;
                return true;
            }
            return false;
        }

        /** A price in nanos: usually cents around $3–$300, sometimes sub-dollar, sub-penny, at $5, or tiny. */
        private long priceLevel() {
            return switch (r.nextInt(10)) {
                case 0 -> 1 + r.nextInt(999_999_999);                       // sub-dollar, any nano
                case 1 -> (r.nextInt(3) + 499) * NANOS / 100;                // 4.99, 5.00, 5.01
                case 2 -> 1 + r.nextInt(200_000);                            // below $0.0002
                case 3 -> (300 + r.nextInt(30_000)) * NANOS / 100 + r.nextInt(10) * 1_000_000L; // sub-penny
                default -> (300 + r.nextInt(30_000)) * NANOS / 100;
            };
        }

        private DailyStats stats(Symbol s, long level) {
            Symbol owner = s;
            java.time.LocalDate date = SESSION.date();
            if (bad()) {
                if (r.nextBoolean()) {
                    owner = Symbol.of("ZZZ");
                } else {
                    date = date.minusDays(1);
                }
            }
            return new DailyStats(owner, date, atr(), avgVolume(), new Price(Math.max(1, level + r.nextInt(3) - 1)));
        }

        /** ATRs at the scales of vendor data (2, 4) and of DailyStatistics (20), zero, tiny and huge. */
        private BigDecimal atr() {
            BigDecimal dollars = switch (r.nextInt(12)) {
                case 0 -> BigDecimal.ZERO;
                case 1 -> BigDecimal.valueOf(1 + r.nextInt(1000), 6);
                case 2 -> BigDecimal.valueOf(1 + r.nextInt(1_000_000), 0);
                case 3 -> BigDecimal.valueOf(1 + r.nextInt(1000), -8);       // ≈ $10^11: offsets past the long range
                default -> BigDecimal.valueOf(1 + r.nextInt(2_000), 2);
            };
            return switch (r.nextInt(4)) {
                case 0 -> dollars;
                case 1 -> dollars.setScale(Math.max(dollars.scale(), 4));
                // a mean of 14 true ranges as DailyStatistics stores it
                default -> dollars.multiply(BigDecimal.valueOf(1 + r.nextInt(27)))
                        .divide(BigDecimal.valueOf(14), DailyStatistics.ATR_SCALE, RoundingMode.HALF_EVEN);
            };
        }

        private BigDecimal avgVolume() {
            return switch (r.nextInt(8)) {
                case 0 -> BigDecimal.ZERO;
                case 1 -> BigDecimal.valueOf(r.nextLong() >>> 1);                       // huge
                case 2 -> BigDecimal.valueOf(r.nextInt(50_000_000), 0);
                case 3 -> BigDecimal.valueOf(r.nextLong() >>> 1, 4).setScale(8);        // 19+ digits
                default -> BigDecimal.valueOf(500_000L * 10_000 + r.nextInt(2_000_000_000),
                        DailyStatistics.VOLUME_SCALE);
            };
        }

        /** The symbol's bars of the day; null for no entry. */
        private List<Bar> bars(Symbol s, long level) {
            int kind = r.nextInt(40);
            if (kind == 0) {
                return null;
            }
            if (kind == 1) {
                return List.of();
            }
            boolean openBar = kind != 2;
            int barMinutes = r.nextInt(3) == 0 && minutes % 5 == 0 ? 5 : 1;
            if (r.nextInt(10) == 0) {
                barMinutes = minutes;
            }
            List<Bar> bars = new ArrayList<>();
            // before the window and after it: ignored
            if (r.nextBoolean()) {
                bars.add(bar(s, open.minusSeconds(60L * (1 + r.nextInt(30))), Timeframe.ONE_MINUTE, level, level,
                        r.nextInt(5_000)));
            }
            long price = level;
            long firstOpen = level;
            int slots = minutes / barMinutes;
            long volumeKind = r.nextInt(12);
            List<Bar> window = new ArrayList<>();
            for (int k = 0; k < slots; k++) {
                if (k == 0 ? !openBar : r.nextInt(4) == 0) {
                    continue;
                }
                long o = price;
                long c = Math.max(1, o + (r.nextInt(41) - 20) * tick(o) + (r.nextInt(8) == 0 ? r.nextInt(1000) : 0));
                if (k == 0) {
                    firstOpen = o;
                }
                window.add(bar(s, open.plusSeconds(60L * barMinutes * k), Timeframe.ofMinutes(barMinutes), o, c,
                        volume(volumeKind)));
                price = c;
            }
            if (!window.isEmpty() && r.nextInt(6) == 0) {
                // a doji: the last close equals the first open
                Bar last = window.get(window.size() - 1);
                window.set(window.size() - 1, bar(s, last.start(), last.timeframe(), last.open().nanos(), firstOpen,
                        last.volume()));
            }
            bars.addAll(window);
            windowVolume = 0;
            for (Bar b : window) {
                windowVolume = Math.addExact(windowVolume, b.volume());
            }
            if (r.nextBoolean()) {
                bars.add(bar(s, open.plusSeconds(60L * minutes + 60L * r.nextInt(100)), Timeframe.ONE_MINUTE, level,
                        level, r.nextInt(5_000)));
            }
            if (bad() && !window.isEmpty()) {
                switch (r.nextInt(5)) {
                    case 0 -> bars.add(window.get(0));                                          // duplicate
                    case 1 -> bars.add(bar(Symbol.of("ZZZ"), open, Timeframe.ONE_MINUTE, level, level, 1));
                    case 2 -> bars.add(bar(s, open.plusSeconds(60L * (minutes - 1)), Timeframe.ofMinutes(2), level,
                            level, 1));                                                         // past the end
                    case 3 -> bars.add(bar(s, open.plusSeconds(60L * (minutes - 1)), Timeframe.ONE_MINUTE, level,
                            level, Long.MAX_VALUE));                                    // overflow or duplicate
                    default -> bars.add(bar(s, open.plusSeconds(60L * minutes), Timeframe.ONE_MINUTE, level,
                            level, Long.MAX_VALUE));                                            // ignored
                }
            }
            Collections.shuffle(bars, r);
            return r.nextInt(5) == 0 ? new LinkedList<>(bars) : r.nextBoolean() ? List.copyOf(bars) : bars;
        }

        private long volume(long kind) {
            return switch ((int) kind) {
                case 0 -> 0;
                case 1 -> (Long.MAX_VALUE / 64) + r.nextInt(1000);                            // huge, no overflow
                case 2 -> 1_000_000_000_000L + r.nextInt(3);                                // near ties
                case 3 -> r.nextInt(1_000_000);
                default -> commonVolumes[r.nextInt(commonVolumes.length)];
            };
        }

        private long[] history() {
            int kind = r.nextInt(30);
            if (kind == 0) {
                return null;
            }
            int length = config.rvolLookback();
            if (bad()) {
                if (r.nextBoolean()) {
                    length = length + 1;
                } else {
                    long[] v = new long[length];
                    v[r.nextInt(length)] = -1;
                    return v;
                }
            }
            long[] v = new long[length];
            Ratio min = Ratio.ofDecimal(config.scanMinRvol());
            if (kind % 5 == 0 && min.numerator().signum() > 0) {
                // RVOL exactly scan.minRvol when the volumes divide: today × n / Σ = p / q ⟸ each = today × q / p
                BigInteger[] each = BigInteger.valueOf(windowVolume).multiply(min.denominator())
                        .divideAndRemainder(min.numerator());
                if (each[1].signum() == 0 && each[0].bitLength() < 50) {
                    java.util.Arrays.fill(v, each[0].longValue());
                    return v;
                }
            }
            for (int i = 0; i < length; i++) {
                v[i] = switch (kind % 6) {
                    case 1 -> 0;
                    case 2 -> Long.MAX_VALUE / 3;                                             // the sum overflows
                    case 3 -> 1_000_000_000_000L;                                             // near ties
                    case 4 -> r.nextInt(300_000);
                    default -> commonVolumes[r.nextInt(commonVolumes.length)] * 5;
                };
            }
            return v;
        }

        private static long tick(long nanos) {
            return nanos >= NANOS ? NANOS / 100 : NANOS / 10_000;
        }

        private Bar bar(Symbol s, Instant start, Timeframe timeframe, long openNanos, long closeNanos, long volume) {
            long high = Math.max(openNanos, closeNanos) + r.nextInt(3) * tick(openNanos) + (r.nextInt(6) == 0 ? 7 : 0);
            long low = Math.max(1, Math.min(openNanos, closeNanos) - r.nextInt(3) * tick(openNanos)
                    - (r.nextInt(6) == 0 ? 3 : 0));
            return new Bar(s, start, timeframe, new Price(openNanos), new Price(high), new Price(low),
                    new Price(closeNanos), volume);
        }
    }
}
