package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.SESSION;
import static dev.orb.core.strategy.Fixtures.bar;
import static dev.orb.core.strategy.Fixtures.minuteBar;
import static dev.orb.core.strategy.Fixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ScanInputTest {
    private static final Symbol AAA = Symbol.of("AAA");
    private static final Symbol BBB = Symbol.of("BBB");

    @Test
    void symbolsComeOutInAscendingOrder_barsInTheOrderGiven() {
        Bar late = minuteBar("BBB", SESSION, "09:31", "10.00", "10.10", "9.90", "10.05", 100);
        Bar early = minuteBar("BBB", SESSION, "09:30", "10.00", "10.20", "9.95", "10.00", 200);
        ScanInput input = ScanInput.builder(0)
                .symbol(stats("BBB", "1.00", "2000000", "10.00"), new long[] {1, 2})
                .bar(late).bar(early)
                .symbol(stats("AAA", "1.00", "2000000", "20.00"), null)
                .build();

        assertThat(input.size()).isEqualTo(2);
        assertThat(input.symbol(0)).isEqualTo(AAA);
        assertThat(input.symbol(1)).isEqualTo(BBB);
        assertThat(input.bars(0)).isEmpty();
        assertThat(input.bars(1)).containsExactly(late, early);
        assertThat(input.orVolumeHistory(0)).isNull();
        assertThat(input.orVolumeHistory(1)).containsExactly(1, 2);
        assertThat(input.universe().keySet()).containsExactly(AAA, BBB);
        assertThat(input.bars()).containsOnlyKeys(BBB);
        assertThat(input.symbolsWithBars()).isEqualTo(1);
    }

    @Test
    void ofMaps_andBuilder_giveEqualInputs() {
        Map<Symbol, DailyStats> universe = new LinkedHashMap<>();
        universe.put(BBB, stats("BBB", "1.00", "2000000", "10.00"));
        universe.put(AAA, stats("AAA", "0.50", "1000000", "20.00"));
        Bar b = bar("BBB", SESSION, "09:30", Timeframe.FIVE_MINUTES, "10.00", "10.20", "9.95", "10.10", 500);
        Map<Symbol, List<Bar>> bars = Map.of(BBB, List.of(b), Symbol.of("ZZZ"), List.of());
        ScanInput fromMaps = ScanInput.of(universe, bars, Map.of(AAA, new long[] {7}));

        ScanInput built = ScanInput.builder(2)
                .symbol(universe.get(AAA), new long[] {7})
                .symbol(universe.get(BBB), null)
                .bar(b.start().getEpochSecond(), 0, 5, b.open().nanos(), b.high().nanos(), b.low().nanos(),
                        b.close().nanos(), 500)
                .build();

        assertThat(built).isEqualTo(fromMaps).hasSameHashCodeAs(fromMaps);
        assertThat(fromMaps.bars()).containsOnlyKeys(BBB);
        assertThat(fromMaps.bars().get(BBB)).containsExactly(b);
    }

    @Test
    void historiesAreCopied() {
        long[] history = {1, 2, 3};
        ScanInput input = ScanInput.builder(1).symbol(stats("AAA", "1", "1", "1"), history).build();
        history[0] = 99;
        input.orVolumeHistory(0)[1] = 99;
        assertThat(input.orVolumeHistory(0)).containsExactly(1, 2, 3);
    }

    @Test
    void aSymbolListedTwice_isRefused() {
        ScanInput.Builder builder = ScanInput.builder(2)
                .symbol(stats("AAA", "1", "1", "1"), null)
                .symbol(stats("AAA", "2", "2", "2"), null);
        assertThatThrownBy(builder::build).isInstanceOf(InvalidValueException.class)
                .hasMessage("ScanInput.universe: AAA is listed twice");
    }

    @Test
    void statisticsOfAnotherSymbol_orNone_areRefusedByOf() {
        assertThatThrownBy(() -> ScanInput.of(Map.of(AAA, stats("BBB", "1", "1", "1")), Map.of(), Map.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("ScanInput.universe: statistics of BBB under AAA");
        Map<Symbol, DailyStats> withNull = new HashMap<>();
        withNull.put(AAA, null);
        assertThatThrownBy(() -> ScanInput.of(withNull, Map.of(), Map.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("ScanInput.universe: no statistics for AAA");
    }

    @Test
    void aBarOfAnotherSymbol_isRefused_namingBothAndTheTime() {
        Bar other = minuteBar("BBB", SESSION, "09:30", "10.00", "10.20", "9.95", "10.00", 200);
        assertThatThrownBy(() -> ScanInput.of(Map.of(AAA, stats("AAA", "1", "1", "1")), Map.of(AAA, List.of(other)),
                Map.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("ScanInput.bars: bar of BBB at 2024-03-11T13:30:00Z among the bars of AAA");
    }

    @Test
    void aBarBeforeAnySymbol_isRefused() {
        Bar bar = minuteBar("AAA", SESSION, "09:30", "10.00", "10.20", "9.95", "10.00", 200);
        assertThatThrownBy(() -> ScanInput.builder(1).bar(bar))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("ScanInput.bars: a bar before the first symbol");
    }

    @Test
    void aBarFromPartsIsCheckedLikeABar() {
        ScanInput.Builder builder = ScanInput.builder(1).symbol(stats("AAA", "1", "1", "1"), null);
        long second = SESSION.openInstant().getEpochSecond();
        long ten = 10 * Price.NANOS_PER_DOLLAR;
        assertThatThrownBy(() -> builder.bar(second, 0, 1, ten, ten - 1, ten, ten, 1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("ScanInput.bars: bar of AAA at 2024-03-11T13:30:00Z: Bar.high: 9.999999999");
        assertThatThrownBy(() -> builder.bar(second, 0, 1, ten, ten, ten, ten, -1))
                .hasMessageContaining("Bar.volume: -1 must not be negative");
        assertThatThrownBy(() -> builder.bar(second, 0, 1, 0, ten, ten, ten, 1))
                .hasMessageContaining("Price: 0 must be positive");
        assertThatThrownBy(() -> builder.bar(second, 0, 391, ten, ten, ten, ten, 1))
                .hasMessageContaining("Timeframe.minutes: 391 must be in 1..390");
        assertThatThrownBy(() -> builder.bar(second, 1_000_000_000, 1, ten, ten, ten, ten, 1))
                .hasMessageContaining("nanoseconds must be in 0..999999999");
        // nothing of the refused bars was kept
        assertThat(builder.build().bars(0)).isEmpty();
    }

    @Test
    void aBuilderBuildsOnce() {
        ScanInput.Builder builder = ScanInput.builder(1);
        builder.build();
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyInput_scansToNothing() {
        Scanner.Result result = Scanner.scan(SESSION, ScanInput.empty(), BigDecimal.TEN, OrbConfig.defaults());
        assertThat(result.records()).isEmpty();
        assertThat(result.selected()).isEmpty();
        assertThat(result.missingOpeningBar()).isEmpty();
    }

    /** What goes in as maps comes back out as maps: every statistics, bar (in order, nanos and timeframes) and history. */
    @Property(tries = 300)
    void maps_roundTripExactly(@ForAll long seed) {
        Random r = new Random(seed);
        Map<Symbol, DailyStats> universe = new HashMap<>();
        Map<Symbol, List<Bar>> bars = new HashMap<>();
        Map<Symbol, long[]> history = new HashMap<>();
        int n = r.nextInt(30);
        for (int i = 0; i < n; i++) {
            Symbol s = Symbol.of("S" + r.nextInt(100));
            universe.put(s, new DailyStats(s, SESSION.date(), BigDecimal.valueOf(r.nextInt(10_000), r.nextInt(22)),
                    BigDecimal.valueOf(r.nextLong() >>> 1, r.nextInt(6)), new Price(1 + (r.nextLong() >>> 2))));
            if (r.nextBoolean()) {
                int count = r.nextInt(8);
                java.util.ArrayList<Bar> list = new java.util.ArrayList<>();
                for (int k = 0; k < count; k++) {
                    long low = 1 + r.nextInt(1_000_000);
                    long high = low + r.nextInt(1000);
                    list.add(new Bar(s, SESSION.openInstant().plusSeconds(r.nextInt(30_000) - 10_000)
                            .plusNanos(r.nextInt(4) == 0 ? r.nextInt(1_000_000_000) : 0),
                            Timeframe.ofMinutes(r.nextInt(3) == 0 ? 1 + r.nextInt(390) : 1), new Price(high),
                            new Price(high), new Price(low), new Price(low), r.nextLong() >>> 1));
                }
                bars.put(s, list);
            }
            if (r.nextBoolean()) {
                long[] v = new long[r.nextInt(20)];
                for (int k = 0; k < v.length; k++) {
                    v[k] = r.nextLong();
                }
                history.put(s, v);
            }
        }
        ScanInput input = ScanInput.of(universe, bars, history);

        assertThat(input.universe()).isEqualTo(new TreeMap<>(universe));
        Map<Symbol, List<Bar>> withBars = new TreeMap<>(bars);
        withBars.values().removeIf(List::isEmpty);
        withBars.keySet().retainAll(universe.keySet());
        assertThat(input.bars()).isEqualTo(withBars);
        assertThat(input.orVolumeHistory().keySet()).isEqualTo(new TreeMap<>(history).keySet());
        input.orVolumeHistory().forEach((s, v) -> assertThat(v).containsExactly(history.get(s)));
        assertThat(ScanInput.of(input.universe(), input.bars(), input.orVolumeHistory())).isEqualTo(input);
    }

    /**
     * The builder's check of a bar given by its parts is its own copy of {@link Bar}'s rules (so that the backtest
     * need not build a {@code Bar} per row): it accepts exactly the parts {@code Bar} accepts, so a rule added to
     * {@code Bar} and not to the builder fails here.
     */
    @Property(tries = 2000)
    void aBarFromParts_isAcceptedExactlyWhenBarAcceptsIt(@ForAll long seed) {
        Random r = new Random(seed);
        long base = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 1 + (r.nextLong() >>> 20);
        long[] prices = new long[4];
        for (int k = 0; k < 4; k++) {
            prices[k] = switch (r.nextInt(6)) {
                case 0 -> 0;
                case 1 -> -r.nextInt(3);
                default -> Math.max(-1, base + r.nextInt(5) - 2);
            };
        }
        int nano = r.nextInt(8) == 0 ? (r.nextBoolean() ? -1 : 1_000_000_000)
                : r.nextInt(3) == 0 ? r.nextInt(1000) : 0;
        int minutes = r.nextInt(8) == 0 ? r.nextInt(3) * 391 : 1 + r.nextInt(390);
        long volume = r.nextInt(8) == 0 ? -1 - r.nextInt(3) : r.nextLong() >>> 1;
        long second = SESSION.openInstant().getEpochSecond() + r.nextInt(1000) - 500;
        boolean barAccepts;
        try {
            new Bar(AAA, java.time.Instant.ofEpochSecond(second, nano), Timeframe.ofMinutes(minutes),
                    new Price(prices[0]), new Price(prices[1]), new Price(prices[2]), new Price(prices[3]), volume);
            barAccepts = true;
        } catch (InvalidValueException | java.time.DateTimeException | ArithmeticException e) {
            barAccepts = false;
        }
        // Instant.ofEpochSecond adjusts a nano outside 0..999,999,999 into the seconds; the builder refuses it
        barAccepts &= nano >= 0 && nano <= 999_999_999;

        ScanInput.Builder builder = ScanInput.builder(1).symbol(stats("AAA", "1", "1", "1"), null);
        boolean builderAccepts;
        try {
            builder.bar(second, nano, minutes, prices[0], prices[1], prices[2], prices[3], volume);
            builderAccepts = true;
        } catch (InvalidValueException e) {
            builderAccepts = false;
        }
        assertThat(builderAccepts).as("open %d high %d low %d close %d volume %d nano %d minutes %d", prices[0],
                prices[1], prices[2], prices[3], volume, nano, minutes).isEqualTo(barAccepts);
    }
}
