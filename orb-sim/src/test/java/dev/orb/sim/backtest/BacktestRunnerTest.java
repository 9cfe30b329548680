package dev.orb.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orb.core.config.OrbConfig;
import dev.orb.sim.fill.FillConfig;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.report.TradesCsv;

/**
 * Hand-computed sessions for every fill rule, run through {@link BacktestRunner}, the live session engine and the
 * {@link SimulatedBroker} on flat files written by {@link Fixture}. Standard LONG: entry 50.50, stop 50.30, 99
 * shares, commission 2 × 0.0035 × 99 = 0.693.
 */
class BacktestRunnerTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 12);

    @TempDir
    Path dir;

    @Test
    void longEntryGapsThroughTheLevel_fillsAtTheOpen_andExitsAtTheClose1554() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("AAA")).longRange("AAA", DAY)
                .bar("AAA", DAY, "09:35 50.60 50.80 50.55 50.70 1000")
                .bar("AAA", DAY, "12:00 50.70 50.90 50.60 50.80 1000")
                .bar("AAA", DAY, "15:54 50.90 51.10 50.85 51.00 1000")
                .bar("AAA", DAY, "15:55 51.00 51.50 51.00 51.40 1000")
                .bar("AAA", DAY, "15:59 51.40 51.60 51.30 51.50 1000");
        // (51.00 − 50.60) × 99 − 0.693 = 39.60 − 0.693
        assertThat(rows(run(f.write()))).containsExactly(
                "2024-03-12,AAA,LONG,99,50.50,50.30,09:35,50.60,15:54,51.00,EOD,0.693,38.907");
    }

    @Test
    void stopReachedInTheEntryBar_exitsAtTheStopEvenWhenTheBarOpenedBeyondIt() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("AAA")).longRange("AAA", DAY)
                .bar("AAA", DAY, "09:36 50.40 50.45 50.35 50.40 1000")
                .bar("AAA", DAY, "09:40 50.25 50.55 50.20 50.30 1000")
                .bar("AAA", DAY, "15:54 50.90 51.10 50.85 51.00 1000");
        // fill max(50.50, 50.25) = 50.50; exit at the stop 50.30, not the open: −0.20 × 99 − 0.693
        assertThat(rows(run(f.write()))).containsExactly(
                "2024-03-12,AAA,LONG,99,50.50,50.30,09:40,50.50,09:40,50.30,STOP,0.693,-20.493");
    }

    @Test
    void longStopGappedThroughInALaterBar_exitsAtTheOpen() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("AAA")).longRange("AAA", DAY)
                .bar("AAA", DAY, "09:36 50.45 50.52 50.44 50.50 1000")
                .bar("AAA", DAY, "10:00 50.10 50.20 50.00 50.05 1000")
                .bar("AAA", DAY, "15:54 50.90 51.10 50.85 51.00 1000");
        // exit min(50.30, 50.10) = 50.10: −0.40 × 99 − 0.693
        assertThat(rows(run(f.write()))).containsExactly(
                "2024-03-12,AAA,LONG,99,50.50,50.30,09:36,50.50,10:00,50.10,STOP,0.693,-40.293");
    }

    @Test
    void shortStopGappedThroughInALaterBar_exitsAtTheOpen() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("SSS")).shortRange("SSS", DAY)
                .bar("SSS", DAY, "09:36 49.55 49.56 49.40 49.45 1000")
                .bar("SSS", DAY, "10:00 49.90 50.00 49.85 49.95 1000")
                .bar("SSS", DAY, "15:54 49.00 49.10 48.90 49.00 1000");
        // fill min(49.50, 49.55) = 49.50; exit max(49.70, 49.90) = 49.90: (49.50 − 49.90) × 101 − 2 × 0.0035 × 101
        assertThat(rows(run(f.write()))).containsExactly(
                "2024-03-12,SSS,SHORT,101,49.50,49.70,09:36,49.50,10:00,49.90,STOP,0.707,-41.107");
    }

    @Test
    void shortEntryGapsThroughTheLevel_fillsAtTheOpen() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("SSS")).shortRange("SSS", DAY)
                .bar("SSS", DAY, "09:36 49.40 49.45 49.30 49.35 1000")
                .bar("SSS", DAY, "15:54 49.00 49.10 48.90 49.00 1000");
        // fill min(49.50, 49.40) = 49.40; (49.40 − 49.00) × 101 − 0.707
        assertThat(rows(run(f.write()))).containsExactly(
                "2024-03-12,SSS,SHORT,101,49.50,49.70,09:36,49.40,15:54,49.00,EOD,0.707,39.693");
    }

    @Test
    void haltedSymbol_exitsAtTheCloseOfItsLastBarBeforeEod() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("AAA")).longRange("AAA", DAY)
                .bar("AAA", DAY, "09:50 50.55 50.70 50.50 50.60 1000")
                .bar("AAA", DAY, "11:00 50.60 50.65 50.58 50.62 1000");
        // gap fill at 50.55; (50.62 − 50.55) × 99 − 0.693 = 6.93 − 0.693
        assertThat(rows(run(f.write()))).containsExactly(
                "2024-03-12,AAA,LONG,99,50.50,50.30,09:50,50.55,11:00,50.62,EOD,0.693,6.237");
    }

    @Test
    void earlyClose_exitsAtTheClose1254() {
        LocalDate blackFriday = LocalDate.of(2024, 11, 29);
        Fixture f = new Fixture(dir).warmup(blackFriday, List.of("AAA")).longRange("AAA", blackFriday)
                .bar("AAA", blackFriday, "09:35 50.50 50.60 50.45 50.55 1000")
                .bar("AAA", blackFriday, "12:54 50.80 50.90 50.70 50.85 1000")
                .bar("AAA", blackFriday, "12:55 50.85 51.00 50.80 50.95 1000")
                .bar("AAA", blackFriday, "12:59 50.95 51.20 50.90 51.10 1000")
                .bar("AAA", blackFriday, "15:54 52.00 52.00 52.00 52.00 1000");
        // 13:00 close: eod 12:55; (50.85 − 50.50) × 99 − 0.693
        assertThat(rows(run(f.write()))).containsExactly(
                "2024-11-29,AAA,LONG,99,50.50,50.30,09:35,50.50,12:54,50.85,EOD,0.693,33.957");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-11", "2024-11-04"})
    void daylightSavingDays_keepNewYorkTimes(String date) {
        LocalDate d = LocalDate.parse(date);
        Fixture f = new Fixture(dir).warmup(d, List.of("AAA")).longRange("AAA", d)
                .bar("AAA", d, "09:35 50.60 50.80 50.55 50.70 1000")
                .bar("AAA", d, "15:54 50.90 51.10 50.85 51.00 1000")
                .bar("AAA", d, "15:55 51.00 51.50 51.00 51.40 1000");
        assertThat(rows(run(f.write()))).containsExactly(
                date + ",AAA,LONG,99,50.50,50.30,09:35,50.60,15:54,51.00,EOD,0.693,38.907");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 14})
    void tickerMissingOneOfTheFifteenPreviousDayRows_isIneligible(int missingIndex) {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("AAA", "BBB"), "BBB@" + missingIndex);
        for (String s : List.of("AAA", "BBB")) {
            f.longRange(s, DAY).bar(s, DAY, "09:35 50.60 50.80 50.55 50.70 1000")
                    .bar(s, DAY, "15:54 50.90 51.10 50.85 51.00 1000");
        }
        assertThat(rows(run(f.write()))).extracting(r -> r.split(",")[1]).containsExactly("AAA");
    }

    @Test
    void entryNeverReached_isCancelledAtEod_withoutATrade() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("AAA")).longRange("AAA", DAY)
                .bar("AAA", DAY, "09:35 50.40 50.49 50.35 50.45 1000")
                .bar("AAA", DAY, "15:54 50.40 50.49 50.35 50.45 1000")
                .bar("AAA", DAY, "15:56 50.45 52.00 50.45 51.90 1000");
        BacktestResult result = run(f.write());
        assertThat(result.trades()).isEmpty();
        assertThat(result.endEquity()).isEqualByComparingTo("25000");
    }

    @Test
    void candidateWithoutAnOrder_keepsItsSlot_theNextOneIsNotTaken() {
        // BIG at $150,000: RVOL 4 ranks first, but min(250 / 300, 100,000 / 150,200) < 1 share: NoTrade
        Fixture f = new Fixture(dir).warmup(DAY, List.of("AAA"))
                .history(DAY, "BIG", "150000 151500 148500 150000 2000000", "150000")
                .bar("BIG", DAY, "09:30 150000 150100 149950 150050 40000")
                .bar("BIG", DAY, "09:31 150050 150200 149900 150100 40000")
                .bar("BIG", DAY, "09:32 150100 150150 150000 150100 40000")
                .bar("BIG", DAY, "09:33 150100 150150 150000 150100 40000")
                .bar("BIG", DAY, "09:34 150100 150150 150050 150100 40000")
                .bar("BIG", DAY, "09:35 150100 150300 150100 150250 1000")
                .longRange("AAA", DAY)
                .bar("AAA", DAY, "09:35 50.60 50.80 50.55 50.70 1000")
                .bar("AAA", DAY, "15:54 50.90 51.10 50.85 51.00 1000");
        FlatFileDataset data = f.write();
        assertThat(run(data, topN(1))).isEmpty();
        // with two slots AAA is selected: min(250 / 0.20, 100,000 / (2 × 50.50)) = 990 shares
        assertThat(run(data, topN(2))).containsExactly(
                "2024-03-12,AAA,LONG,990,50.50,50.30,09:35,50.60,15:54,51.00,EOD,6.93,389.07");
    }

    @Test
    void equalRvol_ranksBySymbol() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("BBB", "AAB"));
        for (String s : List.of("BBB", "AAB")) {
            f.longRange(s, DAY).bar(s, DAY, "09:35 50.60 50.80 50.55 50.70 1000")
                    .bar(s, DAY, "15:54 50.90 51.10 50.85 51.00 1000");
        }
        assertThat(run(f.write(), topN(1))).extracting(r -> r.split(",")[1]).containsExactly("AAB");
    }

    @Test
    void maxPositionsBelowTopN_cutsTheRankedList_sizingStillByTopN_withoutWarnings() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("BBB", "AAB"));
        for (String s : List.of("BBB", "AAB")) {
            f.longRange(s, DAY).bar(s, DAY, "09:35 50.60 50.80 50.55 50.70 1000")
                    .bar(s, DAY, "15:54 50.90 51.10 50.85 51.00 1000");
        }
        OrbConfig strategy = BacktestConfig.strategyDefaults().maxPositions(1).build();
        BacktestResult result = new BacktestRunner(new BacktestConfig(strategy, FillConfig.defaults(),
                new BigDecimal("25000"), null, null, 0), Fixture.NYSE).run(f.write(), BacktestListener.NONE);
        assertThat(rows(result)).containsExactly(
                "2024-03-12,AAB,LONG,99,50.50,50.30,09:35,50.60,15:54,51.00,EOD,0.693,38.907");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void dailyLossLimit_engagesTheKillSwitchOnTheMarkedToMarketAccount_andCancelsWorkingEntries() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("AAA", "BBB"))
                .longRange("AAA", DAY)
                .bar("AAA", DAY, "09:36 50.45 50.52 50.44 50.50 1000")
                .bar("AAA", DAY, "10:00 50.10 50.20 50.00 50.05 1000")
                .longRange("BBB", DAY)
                .bar("BBB", DAY, "09:36 50.40 50.45 50.35 50.40 1000")
                .bar("BBB", DAY, "11:00 50.60 50.80 50.55 50.70 1000")
                .bar("BBB", DAY, "15:54 50.90 51.10 50.85 51.00 1000");
        FlatFileDataset data = f.write();
        // AAA loses 40.293 at 10:00: equity 24,959.707 < 25,000 × (1 − 0.001); BBB's entry is cancelled before 11:00
        OrbConfig limited = BacktestConfig.strategyDefaults().dailyLossLimitEnabled(true)
                .maxDailyLoss(new BigDecimal("0.001")).build();
        BacktestResult result = new BacktestRunner(new BacktestConfig(limited, FillConfig.defaults(),
                new BigDecimal("25000"), null, null, 0), Fixture.NYSE).run(data, BacktestListener.NONE);
        assertThat(rows(result)).containsExactly(
                "2024-03-12,AAA,LONG,99,50.50,50.30,09:36,50.50,10:00,50.10,STOP,0.693,-40.293");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("kill switch engaged"));
        // without the limit BBB trades
        assertThat(rows(run(data))).extracting(r -> r.split(",")[1]).containsExactly("AAA", "BBB");
    }

    @Test
    void equityChainsAcrossSessions_andEndsAtStartPlusTheTradesPnl() {
        LocalDate next = Fixture.NYSE.nextSession(DAY).date();
        Fixture f = new Fixture(dir).warmup(DAY, List.of("AAA")).longRange("AAA", DAY)
                .bar("AAA", DAY, "09:35 50.60 50.80 50.55 50.70 1000")
                .bar("AAA", DAY, "15:54 50.90 51.10 50.85 51.00 1000")
                .day("AAA", DAY, "50 51 49 50 2000000")
                .longRange("AAA", next)
                .bar("AAA", next, "09:40 50.25 50.55 50.20 50.30 1000");
        BacktestResult result = run(f.write());
        assertThat(result.sessions()).hasSize(2);
        assertThat(result.sessions().get(1).startEquity()).isEqualByComparingTo("25038.907");
        assertThat(result.endEquity()).isEqualByComparingTo("25018.414"); // 25000 + 38.907 − 20.493
        assertThat(result.report().trades()).isEqualTo(2);
        assertThat(result.warmupSessions()).isEqualTo(15);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void slippageAndCommission_applyToEveryFill() {
        Fixture f = new Fixture(dir).warmup(DAY, List.of("AAA")).longRange("AAA", DAY)
                .bar("AAA", DAY, "09:35 50.60 50.80 50.55 50.70 1000")
                .bar("AAA", DAY, "15:54 50.90 51.10 50.85 51.00 1000");
        BacktestConfig config = new BacktestConfig(BacktestConfig.strategyDefaults().build(),
                new FillConfig(new BigDecimal("10"), new BigDecimal("0.005")), new BigDecimal("25000"), null, null, 0);
        // buy 50.60 × 1.001 = 50.6506 → 50.66 (up); sell 51.00 × 0.999 = 50.949 → 50.94 (down);
        // (50.94 − 50.66) × 99 − 2 × 0.005 × 99 = 27.72 − 0.99
        assertThat(rows(new BacktestRunner(config, Fixture.NYSE).run(f.write(), BacktestListener.NONE))).containsExactly(
                "2024-03-12,AAA,LONG,99,50.50,50.30,09:35,50.66,15:54,50.94,EOD,0.99,26.73");
    }

    @Test
    void emptyRange_isAnErrorNamingTheRoot() {
        FlatFileDataset data = new Fixture(dir).warmup(DAY, List.of("AAA")).write();
        BacktestConfig config = new BacktestConfig(BacktestConfig.strategyDefaults().build(), FillConfig.defaults(),
                new BigDecimal("25000"), LocalDate.of(2030, 1, 1), null, 0);
        assertThatThrownBy(() -> new BacktestRunner(config, Fixture.NYSE).run(data, BacktestListener.NONE))
                .hasMessageContaining(dir.toString()).hasMessageContaining("no session");
    }

    @Test
    void malformedLineInAMinuteFile_stopsTheRunNamingFileAndLine() throws IOException {
        LocalDate first = Fixture.warmupDates(DAY).get(3);
        FlatFileDataset data = new Fixture(dir).warmup(DAY, List.of("AAA")).longRange("AAA", DAY).write();
        Path file = data.minuteFile(first);
        try (java.io.Writer w = new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
                java.nio.file.Files.newOutputStream(file)), java.nio.charset.StandardCharsets.US_ASCII)) {
            w.write("ticker,volume,open,close,high,low,window_start,transactions\n");
            w.write("AAA,10000,50,50,50,50,1710250200000000000,100\n");
            w.write("AAA,10000,50,fifty,50,50,1710250260000000000,100\n");
        }
        assertThatThrownBy(() -> run(data)).isInstanceOf(dev.orb.sim.flatfile.FlatFileException.class)
                .hasMessageContaining(file + ":3:");
    }

    private static BacktestConfig topN(int n) {
        OrbConfig strategy = BacktestConfig.strategyDefaults().scanTopN(n).maxPositions(n).build();
        return new BacktestConfig(strategy, FillConfig.defaults(), new BigDecimal("25000"), null, null, 0);
    }

    private static BacktestResult run(FlatFileDataset data) {
        BacktestConfig d = BacktestConfig.defaults();
        return new BacktestRunner(new BacktestConfig(d.strategy(), d.fills(), d.startEquity(), null, null, 0),
                Fixture.NYSE).run(data, BacktestListener.NONE);
    }

    private static List<String> run(FlatFileDataset data, BacktestConfig config) {
        return rows(new BacktestRunner(config, Fixture.NYSE).run(data, BacktestListener.NONE));
    }

    static List<String> rows(BacktestResult result) {
        StringWriter out = new StringWriter();
        try {
            TradesCsv.write(result.trades(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(TradesCsv.HEADER);
        return lines.subList(1, lines.size());
    }
}
