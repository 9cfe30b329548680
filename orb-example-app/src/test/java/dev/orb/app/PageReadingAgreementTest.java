package dev.orb.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The "done when": two independent implementations that follow backtest-semantics.md agree trade for trade.
 * {@code orb backtest} (flat-file reader, session engine, simulated broker) is run beside {@link PageReadingBacktest}
 * (the JDK and the page, nothing else) on generated data spanning an early close (July 3, the day after
 * Thanksgiving, December 24), both daylight-saving changes, halts, missing minutes, listings mid-period and sub-$1
 * names, with several sets of options. Every trade and the end equity must be identical.
 */
class PageReadingAgreementTest {
    @TempDir
    static Path shared;
    private static Path data;

    @BeforeAll
    static void generate() {
        data = shared.resolve("data");
        String[] args = {"generate-data", "--out", data.toString(), "--symbols", "30", "--from", "2024-06-03",
                "--to", "2024-12-31", "--seed", "23"};
        assertThat(Main.run(args, quiet(), quiet())).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            defaults                                   | 25000  | 20 | 0.01 | 4 | 0.10 | 5  | 0.0035 | 0
            top 5, slippage 7 bps, commission 0.005    | 25000  | 5  | 0.01 | 4 | 0.10 | 5  | 0.005  | 7
            15-minute range, risk 2 %, leverage 2      | 100000 | 10 | 0.02 | 2 | 0.05 | 15 | 0.0035 | 3
            small account, wide stops                  | 3000   | 3  | 0.01 | 1 | 0.50 | 5  | 0      | 0
            """)
    void orbBacktest_agreesTradeForTrade_withAReadingOfThePage(String name, String equity, int topN, String risk,
            String leverage, String stopAtr, int orMinutes, String commission, String slippageBps) throws IOException {
        Path csv = shared.resolve(name.replaceAll("\\W+", "_") + ".csv");
        String[] args = {"backtest", "--data", data.toString(), "--equity", equity, "--top-n", String.valueOf(topN),
                "--risk", risk, "--max-leverage", leverage, "--stop-atr", stopAtr, "--or-minutes",
                String.valueOf(orMinutes), "--commission-per-share", commission, "--slippage-bps", slippageBps,
                "--trades-csv", csv.toString()};
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.run(args, quiet(), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();

        PageReadingBacktest.Result reference = PageReadingBacktest.run(data, new PageReadingBacktest.Options(
                new BigDecimal(equity), topN, new BigDecimal(risk), new BigDecimal(leverage), new BigDecimal(stopAtr),
                orMinutes, new BigDecimal(commission), new BigDecimal(slippageBps)));

        List<String> orb = Files.readAllLines(csv);
        assertThat(orb.get(0)).isEqualTo(
                "date,symbol,side,shares,entry_price,stop_price,fill_time,fill_price,exit_time,exit_price,exit_reason,"
                        + "commission,pnl");
        List<String> expected = new ArrayList<>();
        for (PageReadingBacktest.Trade t : reference.trades()) {
            expected.add(String.join(",", t.date().toString(), t.symbol(), t.side(), String.valueOf(t.shares()),
                    plain(t.entry()), plain(t.stop()), t.fillTime().toString(), plain(t.fillPrice()),
                    t.exitTime().toString(), plain(t.exitPrice()), t.exitReason(), plain(t.commission()),
                    plain(t.pnl())));
        }
        List<String> actual = new ArrayList<>();
        for (String line : orb.subList(1, orb.size())) {
            String[] f = line.split(",", -1);
            for (int i : new int[] {4, 5, 7, 9, 11, 12}) {
                f[i] = plain(new BigDecimal(f[i]));
            }
            actual.add(String.join(",", f));
        }
        assertThat(expected).as("the reading of the page trades").hasSizeGreaterThan(20);
        assertThat(expected.stream().anyMatch(l -> l.contains(",STOP,"))).isTrue();
        assertThat(expected.stream().anyMatch(l -> l.contains(",EOD,"))).isTrue();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(reference.trades().stream().map(PageReadingBacktest.Trade::date).anyMatch(
                d -> d.equals(LocalDate.of(2024, 11, 29)) || d.equals(LocalDate.of(2024, 7, 3))
                        || d.equals(LocalDate.of(2024, 12, 24))) || topN < 10)
                .as("an early-close session traded").isTrue();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
