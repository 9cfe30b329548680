package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.SESSION;
import static dev.orb.core.strategy.Fixtures.bar;
import static dev.orb.core.strategy.Fixtures.d;
import static dev.orb.core.strategy.Fixtures.minuteBar;
import static dev.orb.core.strategy.Fixtures.p;
import static dev.orb.core.strategy.Fixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.RvolMethod;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;

class ScannerTest {
    private static final OrbConfig TOP_3 = OrbConfig.builder().scanTopN(3).build();
    private static final BigDecimal EQUITY = d("5000");

    private final Map<Symbol, DailyStats> universe = new TreeMap<>();
    private final Map<Symbol, List<Bar>> bars = new HashMap<>();
    private final Map<Symbol, long[]> history = new HashMap<>();

    private static long[] fourteen(long each) {
        long[] v = new long[14];
        Arrays.fill(v, each);
        return v;
    }

    /** A symbol with a single 5-minute opening bar, daily stats and an OR-volume history of 14 × 1,000. */
    private void add(String symbol, String atr, String prevClose, String open, String high, String low, String close,
                     long volume) {
        universe.put(Symbol.of(symbol), stats(symbol, atr, "2000000", prevClose));
        bars.put(Symbol.of(symbol), List.of(
                minuteBar(symbol, SESSION, "09:00", open, "99999.00", "1.00", close, 1_000_000),
                bar(symbol, SESSION, "09:30", Timeframe.FIVE_MINUTES, open, high, low, close, volume),
                minuteBar(symbol, SESSION, "09:35", open, "99999.00", "1.00", close, 1_000_000)));
        history.put(Symbol.of(symbol), fourteen(1_000));
    }

    private Scanner.Result scan(OrbConfig config) {
        return Scanner.scan(SESSION, ScanInput.of(universe, bars, history), EQUITY, config);
    }

    private static OpeningRangeRecord record(Scanner.Result result, String symbol) {
        return result.records().stream().filter(r -> r.range().symbol().equals(Symbol.of(symbol))).findFirst()
                .orElseThrow();
    }

    private void smallUniverse() {
        add("A", "1.00", "50.00", "50.00", "50.495", "49.90", "50.40", 3_000);     // LONG, rvol 3
        add("B", "1.00", "40.00", "40.00", "40.10", "39.70", "39.80", 2_000);      // SHORT, rvol 2
        add("C", "50.00", "7000.00", "7000.00", "7012.00", "6995.00", "7010.00", 2_000); // LONG, rvol 2, 0 shares
        add("D", "1.00", "30.00", "30.00", "30.50", "29.50", "30.00", 2_500);      // doji
        add("E", "1.00", "20.00", "20.00", "20.50", "19.90", "20.40", 500);        // rvol 0.5
        add("F", "1.00", "20.00", "20.00", "20.50", "19.90", "20.40", 5_000);      // no history
        history.remove(Symbol.of("F"));
        add("G", "1.00", "4.00", "4.00", "4.50", "3.90", "4.40", 9_000);           // prevClose below $5
        add("H", "1.00", "20.00", "20.00", "20.50", "19.90", "20.40", 9_000);      // no 09:30 bar
        bars.put(Symbol.of("H"), List.of(minuteBar("H", SESSION, "09:31", "20.00", "20.50", "19.90", "20.40", 9_000)));
        add("J", "2.00", "60.00", "60.00", "60.60", "59.90", "60.50", 1_500);      // LONG, rvol 1.5
        add("K", "1.00", "25.00", "25.00", "25.30", "24.90", "25.20", 1_000);      // LONG, rvol exactly 1
        add("L", "1.00", "25.00", "25.00", "25.30", "24.90", "25.20", 1_000);      // no bars at all
        bars.remove(Symbol.of("L"));
    }

    @Test
    void smallUniverse_ranksNotesCutsAtTopNAndNeverRefillsANoTradeSlot() {
        smallUniverse();
        Scanner.Result result = scan(TOP_3);

        assertThat(result.missingOpeningBar()).containsExactly(Symbol.of("H"), Symbol.of("L"));
        assertThat(result.records()).extracting(r -> r.range().symbol().value())
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "J", "K");
        assertThat(result.selected()).extracting(c -> c.symbol().value()).containsExactly("A", "B", "C");

        OpeningRangeRecord a = record(result, "A");
        assertThat(a).isEqualTo(new OpeningRangeRecord(a.range(), 3.0, 1, p("50.50"), p("50.40"), true, ""));
        assertThat(a.range().volume()).isEqualTo(3_000);
        OpeningRangeRecord b = record(result, "B");
        assertThat(b).isEqualTo(new OpeningRangeRecord(b.range(), 2.0, 2, p("39.70"), p("39.80"), true, ""));
        OpeningRangeRecord c = record(result, "C");
        assertThat(c).isEqualTo(new OpeningRangeRecord(c.range(), 2.0, 3, p("7012.00"), p("7007.00"), true, ""));
        OpeningRangeRecord j = record(result, "J");
        assertThat(j).isEqualTo(new OpeningRangeRecord(j.range(), 1.5, 4, p("60.60"), p("60.40"), false, ""));
        OpeningRangeRecord k = record(result, "K");
        assertThat(k).isEqualTo(new OpeningRangeRecord(k.range(), 1.0, 5, p("25.30"), p("25.20"), false, ""));

        OpeningRangeRecord doji = record(result, "D");
        assertThat(doji).isEqualTo(new OpeningRangeRecord(doji.range(), 2.5, 0, null, null, false, "doji"));
        OpeningRangeRecord low = record(result, "E");
        assertThat(low).isEqualTo(new OpeningRangeRecord(low.range(), 0.5, 0, null, null, false, "rvol below 1.0"));
        OpeningRangeRecord noHistory = record(result, "F");
        assertThat(noHistory.note()).isEqualTo("no volume history");
        assertThat(noHistory.rvol()).isNaN();
        assertThat(noHistory.rank()).isZero();
        OpeningRangeRecord ineligible = record(result, "G");
        assertThat(ineligible.note()).isEqualTo("not eligible: prevClose 4.00 < 5.00");
        assertThat(ineligible.rank()).isZero();
        assertThat(ineligible.selected()).isFalse();

        assertThat(result.plans()).hasSize(3);
        // A: risk 50 / 0.10 = 500, leverage 20,000 / (3 × 50.50) = 132.01 → 132
        OrderIntent first = ((OrderPlanner.Plan.Trade) result.plans().get(0)).intent();
        assertThat(first.symbol()).isEqualTo(Symbol.of("A"));
        assertThat(first.direction()).isEqualTo(Direction.LONG);
        assertThat(first.shares()).isEqualTo(132);
        // B: leverage 20,000 / (3 × 39.70) = 167.9 → 167
        OrderIntent second = ((OrderPlanner.Plan.Trade) result.plans().get(1)).intent();
        assertThat(second.symbol()).isEqualTo(Symbol.of("B"));
        assertThat(second.direction()).isEqualTo(Direction.SHORT);
        assertThat(second.shares()).isEqualTo(167);
        // C: leverage 20,000 / (3 × 7,012) < 1 share; its slot stays empty, J is not moved up
        OrderPlanner.Plan third = result.plans().get(2);
        assertThat(third).isInstanceOf(OrderPlanner.Plan.NoTrade.class);
        assertThat(third.candidate().symbol()).isEqualTo(Symbol.of("C"));
        assertThat(((OrderPlanner.Plan.NoTrade) third).reason()).startsWith("fewer than 1 share");
    }

    @Test
    void resultDoesNotDependOnMapIterationOrder_recordsComeInSymbolOrder() {
        smallUniverse();
        Scanner.Result sorted = scan(TOP_3);
        Map<Symbol, DailyStats> reversed = new java.util.LinkedHashMap<>();
        new java.util.TreeMap<>(universe).descendingMap().forEach(reversed::put);
        Scanner.Result unsorted = Scanner.scan(SESSION, ScanInput.of(reversed, new HashMap<>(bars), history), EQUITY,
                TOP_3);
        assertThat(unsorted).isEqualTo(sorted);
        assertThat(sorted.records()).extracting(r -> r.range().symbol()).isSorted();
    }

    @Test
    void dailyApproxMethod_usesAverageDailyVolume() {
        // 3,000 × 78 / 2,000,000 = 0.117: below 1.0; 30,000 × 78 / 2,000,000 = 1.17
        add("A", "1.00", "50.00", "50.00", "50.495", "49.90", "50.40", 3_000);
        add("B", "1.00", "40.00", "40.00", "40.10", "39.70", "39.80", 30_000);
        history.clear();
        Scanner.Result result = scan(TOP_3.toBuilder().rvolMethod(RvolMethod.DAILY_APPROX).build());
        assertThat(result.selected()).extracting(c -> c.symbol().value()).containsExactly("B");
        assertThat(result.selected().get(0).rvol().compareTo(Ratio.of(117, 100))).isZero();
        assertThat(record(result, "A").note()).isEqualTo("rvol below 1.0");
    }

    @Test
    void historyOfTheWrongLength_isRejected() {
        add("A", "1.00", "50.00", "50.00", "50.495", "49.90", "50.40", 3_000);
        history.put(Symbol.of("A"), new long[13]);
        assertThatThrownBy(() -> scan(TOP_3)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("A").hasMessageContaining("13");
    }

    @Test
    void statisticsOfAnotherSession_areRejected() {
        universe.put(Symbol.of("A"), new DailyStats(Symbol.of("A"), SESSION.date().minusDays(1), d("1"),
                d("2000000"), p("50")));
        assertThatThrownBy(() -> scan(TOP_3)).isInstanceOf(InvalidValueException.class).hasMessageContaining("A");
    }

    @Test
    void emptyUniverse_givesAnEmptyResult() {
        Scanner.Result result = scan(TOP_3);
        assertThat(result.records()).isEmpty();
        assertThat(result.selected()).isEmpty();
        assertThat(result.plans()).isEmpty();
        assertThat(result.missingOpeningBar()).isEmpty();
    }
}
