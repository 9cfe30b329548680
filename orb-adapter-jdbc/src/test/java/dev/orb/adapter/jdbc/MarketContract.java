package dev.orb.adapter.jdbc;

import static dev.orb.adapter.jdbc.Samples.SESSION;
import static dev.orb.adapter.jdbc.Samples.bar;
import static dev.orb.adapter.jdbc.Samples.range;
import static dev.orb.adapter.jdbc.Samples.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;

/** MarketStore: daily bars, the universe, opening ranges and their volume history. */
abstract class MarketContract extends StorageContract {
    private static final LocalDate D1 = LocalDate.of(2024, 3, 7);
    private static final LocalDate D2 = LocalDate.of(2024, 3, 8);

    @Test
    void dailyBars_roundTripExactly_byDateThenSymbolInJavaOrder() {
        // Code-unit order: digits < upper case < lower case; "KIMP" < "KIMpL"; '.' < letters.
        List<DailyBar> bars = List.of(bar("KIMpL", D2, "25.50"), bar("aapl", D1, "0.8512"), bar("KIMP", D2, "10.01"),
                bar("BRK.B", D1, "410.123456789"), bar("BRK", D1, "99999999.99"), bar("A", D2, "0.0001"));
        storage.upsertDailyBars(bars);

        List<DailyBar> expected = new ArrayList<>(bars);
        expected.sort((a, b) -> a.date().equals(b.date()) ? a.symbol().compareTo(b.symbol()) : a.date().compareTo(b.date()));
        assertThat(storage.dailyBars(D1, D2)).containsExactlyElementsOf(expected);
        assertThat(storage.dailyBars(D2, D2)).extracting(b -> b.symbol().value()).containsExactly("A", "KIMP", "KIMpL");
        assertThat(storage.dailyBarDates(D1.minusDays(5), D2.plusDays(5))).containsExactly(D1, D2);
        assertThat(storage.dailyBars(D2, D1)).isEmpty();
    }

    @Test
    void everyPriceOfTheDomain_fitsTheColumnsExactly() {
        Price smallest = new Price(1);
        Price largest = new Price(Long.MAX_VALUE);
        DailyBar extreme = new DailyBar(Symbol.of("X"), D1, smallest, largest, smallest, largest, Long.MAX_VALUE);
        storage.upsertDailyBars(List.of(extreme));

        assertThat(storage.dailyBars(D1, D1)).containsExactly(extreme);
    }

    @Test
    void upsertDailyBars_isIdempotent_andReplacesBySymbolAndDate() throws Exception {
        List<DailyBar> first = List.of(bar("AAPL", D1, "170.00"), bar("MSFT", D1, "400.00"));
        storage.upsertDailyBars(first);
        storage.upsertDailyBars(first);
        assertThat(count("SELECT COUNT(*) FROM daily_bars")).isEqualTo(2);

        DailyBar corrected = bar("AAPL", D1, "171.25");
        storage.upsertDailyBars(List.of(corrected));

        assertThat(storage.dailyBars(D1, D1)).containsExactly(corrected, first.get(1));
    }

    @Test
    void upsertDailyBars_keepsTheLastOfDuplicatesInOneCall() {
        storage.upsertDailyBars(List.of(bar("AAPL", D1, "1.00"), bar("AAPL", D1, "2.00")));

        assertThat(storage.dailyBars(D1, D1)).containsExactly(bar("AAPL", D1, "2.00"));
    }

    @Test
    void upsertDailyBars_isAtomic_aBadRowLeavesNothingOfTheBatch() throws Exception {
        execute("ALTER TABLE daily_bars ADD CONSTRAINT test_no_zzz CHECK (symbol <> 'ZZZ')");
        List<DailyBar> bars = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            bars.add(bar("S" + i, D1, "10.00"));
        }
        bars.add(bar("ZZZ", D1, "10.00"));

        assertThatThrownBy(() -> storage.upsertDailyBars(bars)).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).isConstraintViolation()).isTrue());
        assertThat(count("SELECT COUNT(*) FROM daily_bars")).isZero();
    }

    @Test
    void upsertDailyBars_ofManyDatesInAnyOrder_withDuplicates_storesTheLastOfEach() {
        // More rows than one H2 statement carries, over several dates, shuffled; then the same keys again with other
        // prices for some of them.
        List<LocalDate> dates = List.of(D1, D2, D2.plusDays(3), D2.plusDays(4));
        Map<List<Object>, DailyBar> expected = new LinkedHashMap<>();
        List<DailyBar> input = new ArrayList<>();
        for (LocalDate date : dates) {
            for (int s = 0; s < 6_000; s++) {
                input.add(bar("S" + s, date, "10.00"));
            }
        }
        java.util.Collections.shuffle(input, new java.util.Random(42));
        for (int i = 0, n = input.size(); i < n; i += 7) {
            DailyBar b = input.get(i);
            input.add(bar(b.symbol().value(), b.date(), "11.11"));
        }
        for (DailyBar b : input) {
            expected.put(List.of(b.date(), b.symbol()), b);
        }
        storage.upsertDailyBars(input);

        List<DailyBar> byKey = new ArrayList<>(expected.values());
        byKey.sort((a, b) -> a.date().equals(b.date()) ? a.symbol().compareTo(b.symbol()) : a.date().compareTo(b.date()));
        assertThat(storage.dailyBars(D1, D2.plusDays(4))).containsExactlyElementsOf(byKey);
        assertThat(storage.dailyBarDates(D1, D2.plusDays(10))).containsExactlyElementsOf(dates);
    }

    @Test
    void reUpsert_writesWhatChanged_addsWhatIsNew_andKeepsTheStatisticsOfEveryRefetchedBar() throws Exception {
        storage.upsertDailyBars(List.of(bar("A", D1, "10.00"), bar("B", D1, "20.00"), bar("C", D1, "30.00")));
        storage.saveUniverse(D2, List.of(stats("A", D2), stats("B", D2), stats("C", D2)));

        DailyBar same = bar("A", D1, "10.00");
        DailyBar corrected = bar("B", D1, "20.50");
        DailyBar fresh = bar("D", D1, "40.00");
        DailyBar volumeOnly = new DailyBar(Symbol.of("C"), D1, Price.of("30.00"), Price.of("31.25"), Price.of("30.00"),
                Price.of("30.00"), 7L);
        storage.upsertDailyBars(List.of(fresh, corrected, same, volumeOnly));

        assertThat(storage.dailyBars(D1, D1)).containsExactly(same, corrected, volumeOnly, fresh);
        assertThat(rows("SELECT symbol, atr_14 FROM daily_bars ORDER BY symbol"))
                .extracting(r -> r.get(0) + ":" + (r.get(1) != null))
                .containsExactly("A:true", "B:true", "C:true", "D:false");
    }

    @Test
    void saveUniverse_copiesOntoEachSymbolsOwnLatestBar_evenWhenItMissedTheLastSession() throws Exception {
        storage.upsertDailyBars(List.of(bar("AAPL", D1, "170.00"), bar("AAPL", D2, "171.00"),
                bar("HALT", D1, "5.00"), bar("LATE", SESSION, "9.00")));
        storage.saveUniverse(SESSION, List.of(stats("AAPL", SESSION), stats("HALT", SESSION), stats("LATE", SESSION),
                stats("NONE", SESSION)));

        assertThat(rows("SELECT symbol, bar_date FROM daily_bars WHERE atr_14 IS NOT NULL ORDER BY symbol"))
                .extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly("AAPL " + D2, "HALT " + D1);
        assertThat(storage.universe(SESSION)).hasSize(4);
    }

    @Test
    void aLargeUpsertThatFails_leavesNothingVisible_andItsRetryStoresEverything() throws Exception {
        // Large enough that H2 writes it in several transactions.
        execute("ALTER TABLE daily_bars ADD CONSTRAINT test_no_zzz CHECK (symbol <> 'ZZZ')");
        List<LocalDate> dates = List.of(D1, D2, SESSION);
        List<DailyBar> bars = new ArrayList<>();
        for (LocalDate date : dates) {
            for (int s = 0; s < 8_000; s++) {
                bars.add(bar("S" + s, date, "10.00"));
            }
        }
        List<DailyBar> withBadRow = new ArrayList<>(bars);
        withBadRow.add(bar("ZZZ", SESSION, "10.00")); // last in key order: after the first steps were written

        assertThatThrownBy(() -> storage.upsertDailyBars(withBadRow)).isInstanceOf(StorageException.class);

        assertThat(storage.dailyBars(D1, SESSION)).isEmpty();
        assertThat(storage.dailyBarDates(D1, SESSION)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM daily_bar_dates")).isZero();

        execute("ALTER TABLE daily_bars DROP CONSTRAINT test_no_zzz");
        storage.upsertDailyBars(bars);

        assertThat(storage.dailyBarDates(D1, SESSION)).containsExactlyElementsOf(dates);
        assertThat(storage.dailyBars(D1, SESSION)).hasSize(bars.size());
        assertThat(count("SELECT COUNT(*) FROM daily_bars")).isEqualTo(bars.size());
    }

    @Test
    void barsOfAnUnlistedDate_areNotRead_untilAnUpsertOfThatDateListsIt() throws Exception {
        // What an interrupted large upsert leaves behind on H2, written here by hand.
        execute("INSERT INTO daily_bars (symbol, bar_date, open_price, high_price, low_price, close_price, volume)"
                + " VALUES ('AAPL', DATE '2024-03-07', 1, 1, 1, 1, 1), ('MSFT', DATE '2024-03-07', 1, 1, 1, 1, 1)");

        assertThat(storage.dailyBars(D1, D1)).isEmpty();
        assertThat(storage.dailyBarDates(D1, D1)).isEmpty();

        storage.upsertDailyBars(List.of(bar("AAPL", D1, "170.00")));

        assertThat(storage.dailyBarDates(D1, D1)).containsExactly(D1);
        assertThat(storage.dailyBars(D1, D1)).extracting(b -> b.symbol().value() + " " + b.close())
                .containsExactly("AAPL 170.00", "MSFT 1.00");
        assertThat(storage.deleteDailyBarsBefore(D2)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM daily_bar_dates")).isZero();
    }

    @Test
    void deleteDailyBarsBefore_removesOnlyOlderBars_andCountsThem() {
        storage.upsertDailyBars(List.of(bar("A", D1, "1.00"), bar("B", D1, "1.00"), bar("A", D2, "1.00")));

        assertThat(storage.deleteDailyBarsBefore(D2)).isEqualTo(2);
        assertThat(storage.dailyBars(D1, D2)).containsExactly(bar("A", D2, "1.00"));
        assertThat(storage.deleteDailyBarsBefore(D2)).isZero();
    }

    @Test
    void universe_isReplacedPerSession_andReadBySymbol() {
        LocalDate next = LocalDate.of(2024, 3, 11);
        storage.saveUniverse(next, List.of(stats("MSFT", next), stats("AAPL", next)));
        storage.saveUniverse(next.plusDays(1), List.of(stats("TSLA", next.plusDays(1))));
        assertSameValues(storage.universe(next), List.of(stats("AAPL", next), stats("MSFT", next)));

        storage.saveUniverse(next, List.of(stats("NVDA", next)));

        assertSameValues(storage.universe(next), List.of(stats("NVDA", next)));
        assertSameValues(storage.universe(next.plusDays(1)), List.of(stats("TSLA", next.plusDays(1))));
        assertThat(storage.universe(next.minusDays(1))).isEmpty();
    }

    @Test
    void saveUniverse_copiesTheStatisticsOntoTheLatestBarBeforeTheSession() throws Exception {
        storage.upsertDailyBars(List.of(bar("AAPL", D1, "170.00"), bar("AAPL", D2, "171.00"),
                bar("AAPL", SESSION, "172.00")));
        DailyStats s = stats("AAPL", SESSION);
        storage.saveUniverse(SESSION, List.of(s));

        List<List<Object>> rows = rows("SELECT bar_date, atr_14, avg_volume_14 FROM daily_bars ORDER BY bar_date");
        assertThat(rows.get(0).subList(1, 3)).containsOnlyNulls();
        assertThat((BigDecimal) rows.get(1).get(1)).isEqualByComparingTo(s.atr14());
        assertThat((BigDecimal) rows.get(1).get(2)).isEqualByComparingTo(s.avgVolume14());
        assertThat(rows.get(2).subList(1, 3)).containsOnlyNulls();

        // A re-fetched bar keeps its statistics.
        storage.upsertDailyBars(List.of(bar("AAPL", D2, "171.50")));
        assertThat(rows("SELECT atr_14 FROM daily_bars WHERE bar_date = DATE '2024-03-08'").get(0).get(0)).isNotNull();
    }

    @Test
    void saveUniverse_rejectsStatisticsOfAnotherSession_andDuplicates() {
        assertThatThrownBy(() -> storage.saveUniverse(SESSION, List.of(stats("AAPL", SESSION.plusDays(1)))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("AAPL");
        assertThatThrownBy(() -> storage.saveUniverse(SESSION, List.of(stats("AAPL", SESSION), stats("AAPL", SESSION))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("twice");
        assertThat(storage.universe(SESSION)).isEmpty();
    }

    @Test
    void universePage_pagesBySymbol() {
        List<DailyStats> all = new ArrayList<>();
        for (String s : List.of("E", "A", "D", "C", "B")) {
            all.add(stats(s, SESSION));
        }
        storage.saveUniverse(SESSION, all);

        Page<DailyStats> second = storage.universePage(SESSION, new PageRequest(2, 2));
        assertThat(second.items()).extracting(d -> d.symbol().value()).containsExactly("C", "D");
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.hasNext()).isTrue();
        assertThat(storage.universePage(SESSION, new PageRequest(4, 2)).hasNext()).isFalse();
    }

    @Test
    void openingRanges_roundTrip_candidatesByRankFirst_thenOthersBySymbol() {
        List<OpeningRangeRecord> records = List.of(range("ZZ", 0, Double.NaN), range("MSFT", 2, 3.5),
                range("AA", 0, 0.4), range("TSLA", 1, 7.25), range("KO", 3, 1.0000001));
        storage.saveOpeningRanges(records);

        assertThat(storage.openingRanges(SESSION)).containsExactly(records.get(3), records.get(1), records.get(4),
                records.get(2), records.get(0));
        assertThat(storage.openingRanges(SESSION.plusDays(1))).isEmpty();
    }

    @Test
    void saveOpeningRanges_replacesBySessionAndSymbol() {
        storage.saveOpeningRanges(List.of(range("AAPL", 0, 0.5)));
        OpeningRangeRecord rescored = range("AAPL", 1, 2.5);
        storage.saveOpeningRanges(List.of(rescored));

        assertThat(storage.openingRanges(SESSION)).containsExactly(rescored);
    }

    @Test
    void openingRangePage_canListOnlyCandidates() {
        storage.saveOpeningRanges(List.of(range("A", 0, 0.5), range("B", 2, 2.0), range("C", 1, 3.0), range("D", 0, 0.1)));

        Page<OpeningRangeRecord> candidates = storage.openingRangePage(SESSION, true, PageRequest.first(10));
        assertThat(candidates.items()).extracting(r -> r.range().symbol().value()).containsExactly("C", "B");
        assertThat(candidates.total()).isEqualTo(2);
        Page<OpeningRangeRecord> all = storage.openingRangePage(SESSION, false, new PageRequest(1, 2));
        assertThat(all.items()).extracting(r -> r.range().symbol().value()).containsExactly("B", "A");
        assertThat(all.total()).isEqualTo(4);
    }

    @Test
    void openingRangeVolumes_alignWithTheAskedSessions_zeroWhereMissing() {
        LocalDate s1 = LocalDate.of(2024, 3, 6);
        Map<Symbol, Long> first = new LinkedHashMap<>();
        first.put(Symbol.of("AAPL"), 1_000_000L);
        first.put(Symbol.of("MSFT"), 0L);
        storage.saveOpeningRangeVolumes(s1, 5, first);
        storage.saveOpeningRangeVolumes(D1, 5, Map.of(Symbol.of("AAPL"), 2_000_000L, Symbol.of("TSLA"), 5L));
        storage.saveOpeningRangeVolumes(D1, 15, Map.of(Symbol.of("AAPL"), 9L));
        storage.saveOpeningRangeVolumes(D2, 5, Map.of());

        Map<Symbol, long[]> volumes = storage.openingRangeVolumes(List.of(D2, s1, D1, s1), 5);

        assertThat(volumes).containsOnlyKeys(Symbol.of("AAPL"), Symbol.of("TSLA"));
        assertThat(volumes.get(Symbol.of("AAPL"))).containsExactly(0L, 1_000_000L, 2_000_000L, 1_000_000L);
        assertThat(volumes.get(Symbol.of("TSLA"))).containsExactly(0L, 0L, 5L, 0L);
        assertThat(storage.openingRangeVolumeDates(s1, D2, 5)).containsExactly(s1, D1, D2);
        assertThat(storage.openingRangeVolumeDates(s1, D2, 15)).containsExactly(D1);
        assertThat(storage.openingRangeVolumes(List.of(), 5)).isEmpty();
    }

    @Test
    void saveOpeningRangeVolumes_replacesTheSession_andRejectsNegativeVolumes() {
        storage.saveOpeningRangeVolumes(D1, 5, Map.of(Symbol.of("AAPL"), 10L, Symbol.of("MSFT"), 20L));
        storage.saveOpeningRangeVolumes(D1, 5, Map.of(Symbol.of("MSFT"), 30L));

        Map<Symbol, long[]> volumes = storage.openingRangeVolumes(List.of(D1), 5);
        assertThat(volumes).containsOnlyKeys(Symbol.of("MSFT"));
        assertThat(volumes.get(Symbol.of("MSFT"))).containsExactly(30L);
        assertThatThrownBy(() -> storage.saveOpeningRangeVolumes(D1, 5, Map.of(Symbol.of("MSFT"), -1L)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("MSFT");
        assertThatThrownBy(() -> storage.saveOpeningRangeVolumes(D1, 0, Map.of()))
                .isInstanceOf(InvalidValueException.class);
    }
}
