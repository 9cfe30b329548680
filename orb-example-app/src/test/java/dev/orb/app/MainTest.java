package dev.orb.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in this JVM through {@link Main#run}, on a small generated market. */
class MainTest {
    private static final String FROM = "2024-01-02";
    private static final String TO = "2024-02-16";

    @TempDir
    static Path shared;
    private static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        data = shared.resolve("data");
        Result r = orb("generate-data", "--out", data.toString(), "--symbols", "25", "--from", FROM, "--to", TO,
                "--seed", "11");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).startsWith("generated 33 sessions (2024-01-02..2024-02-16) x 25 symbols");
    }

    @Test
    void backtest_writesTradesCsvReportJsonAndHtml_andPrintsOneSummaryLine() throws IOException {
        Result r = orb("backtest", "--data", data.toString(), "--trades-csv", dir.resolve("t.csv").toString(),
                "--report-json", dir.resolve("r.json").toString(), "--report-html", dir.resolve("r.html").toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out.lines()).hasSize(1);
        assertThat(r.out).startsWith("backtest 2024-01-02..2024-02-16: 33 sessions (15 warm-up), ");
        List<String> csv = Files.readAllLines(dir.resolve("t.csv"));
        assertThat(csv.get(0)).isEqualTo("date,symbol,side,shares,entry_price,stop_price,fill_time,fill_price,"
                + "exit_time,exit_price,exit_reason,commission,pnl");
        assertThat(csv).hasSizeGreaterThan(1);
        assertThat(csv.get(1)).matches("2024-\\d\\d-\\d\\d,[A-Z]+,(LONG|SHORT),\\d+,[0-9.]+,[0-9.]+,\\d\\d:\\d\\d,[0-9.]+,"
                + "\\d\\d:\\d\\d,[0-9.]+,(STOP|EOD),[0-9.]+,-?[0-9.]+");
        String json = Files.readString(dir.resolve("r.json"));
        for (String key : List.of("start_equity", "end_equity", "total_return", "trades", "win_rate", "sharpe",
                "sortino", "max_drawdown", "profit_factor", "avg_win", "avg_loss", "sessions", "warmup_sessions")) {
            assertThat(json).contains("\"" + key + "\": ");
        }
        assertThat(json).contains("\"trades\": " + (csv.size() - 1) + ",").contains("\"sessions\": 18,")
                .contains("\"warmup_sessions\": 15,");
        String html = Files.readString(dir.resolve("r.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "Monthly returns", "<polyline")
                .doesNotContain("<script src", "<link ", "https://", "@import");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void backtestTwice_givesByteIdenticalOutputs_whateverTheReadAhead() throws IOException {
        for (String run : List.of("a", "b")) {
            Result r = orb("backtest", "--data", data.toString(), "--top-n", "5", "--slippage-bps", "5",
                    "--read-ahead", run.equals("a") ? "0" : "4",
                    "--trades-csv", dir.resolve(run + ".csv").toString(), "--report-json",
                    dir.resolve(run + ".json").toString(), "--report-html", dir.resolve(run + ".html").toString());
            assertThat(r.code).as(r.err).isZero();
        }
        for (String ext : List.of("csv", "json", "html")) {
            assertThat(Files.readAllBytes(dir.resolve("b." + ext))).isEqualTo(Files.readAllBytes(dir.resolve("a." + ext)));
        }
    }

    @Test
    void missingDataDirectory_failsNamingIt_andWritesNothing() {
        Path missing = dir.resolve("nowhere");
        Result r = orb("backtest", "--data", missing.toString(), "--trades-csv", dir.resolve("t.csv").toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains(missing.toString()).contains("does not exist");
        assertThat(dir.resolve("t.csv")).doesNotExist();
    }

    @Test
    void malformedLine_failsNamingFileAndLine_andLeavesEarlierOutputsUntouched() throws IOException {
        Path copy = dir.resolve("copy");
        copyTree(data, copy);
        Path bad = copy.resolve("us_stocks_sip/minute_aggs_v1/2024/02/2024-02-05.csv.gz");
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(bad)), StandardCharsets.US_ASCII)) {
            w.write("ticker,volume,open,close,high,low,window_start,transactions\n");
            w.write("AAAA,100,10.5,10.6,10.7,10.4,1707143400000000000,3\n");
            w.write("AAAA,100,10.5,10.6,10.7,10.4,1707143460000000000\n");
        }
        Files.writeString(dir.resolve("t.csv"), "previous result\n");
        Result r = orb("backtest", "--data", copy.toString(), "--trades-csv", dir.resolve("t.csv").toString(),
                "--report-json", dir.resolve("r.json").toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains(bad + ":3:");
        assertThat(Files.readString(dir.resolve("t.csv"))).isEqualTo("previous result\n");
        assertThat(dir.resolve("r.json")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void unknownOption_isAUsageErrorNamingIt() {
        Result r = orb("backtest", "--data", data.toString(), "--frobnicate", "3");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--frobnicate");
    }

    @Test
    void invalidConfiguration_namesTheOptionAndTheKey() {
        Result r = orb("backtest", "--data", data.toString(), "--max-leverage", "5");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--max-leverage").contains("sizing.maxLeverage: 5 must be in (0, 4]");
        Result orMinutes = orb("backtest", "--data", data.toString(), "--or-minutes", "7");
        assertThat(orMinutes.code).isEqualTo(2);
        assertThat(orMinutes.err).contains("--or-minutes").contains("or.minutes: 7");
        Result equity = orb("backtest", "--data", data.toString(), "--equity", "-5");
        assertThat(equity.code).isEqualTo(2);
        assertThat(equity.err).contains("--equity");
        Result readAhead = orb("backtest", "--data", data.toString(), "--read-ahead", "5");
        assertThat(readAhead.code).isEqualTo(2);
        assertThat(readAhead.err).contains("--read-ahead").contains("must be in 0..4");
    }

    @Test
    void progressBar_onRequest_drawsSessionsRateAndEta_onStderr_only() {
        Result r = orb("backtest", "--data", data.toString(), "--progress");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err).contains("33/33 sessions").contains("M bars/s").contains("ETA");
        assertThat(r.out).doesNotContain("ETA");
        Result quiet = orb("backtest", "--data", data.toString(), "--no-progress");
        assertThat(quiet.err).doesNotContain("ETA");
    }

    @Test
    void badDate_isAUsageErrorNamingTheOption() {
        Result r = orb("backtest", "--data", data.toString(), "--from", "2024-13-01");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--from").contains("2024-13-01");
    }

    @Test
    void generateData_withBadArguments_isAUsageError() {
        Result r = orb("generate-data", "--out", dir.toString(), "--from", "2024-03-01", "--to", "2024-02-01");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("invalid option");
        Result missing = orb("generate-data", "--from", "2024-03-01", "--to", "2024-03-05");
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err).contains("--out");
    }

    @Test
    void rangeWithoutSessions_fails() {
        Result r = orb("backtest", "--data", data.toString(), "--from", "2030-01-01");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("no session");
    }

    @Test
    void maxDailyLoss_andMaxPositions_areAccepted() {
        Result r = orb("backtest", "--data", data.toString(), "--max-daily-loss", "0.02", "--max-positions", "3",
                "--atr-method", "wilder", "--rvol-method", "DAILY_APPROX");
        assertThat(r.code).as(r.err).isZero();
    }

    @Test
    void shadedJar_runsABacktest() throws Exception {
        Path jar = Path.of("target", "orb.jar").toAbsolutePath();
        assumeThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "backtest", "--data", data.toString(),
                "--report-json", dir.resolve("jar.json").toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("backtest 2024-01-02..2024-02-16");
        assertThat(dir.resolve("jar.json")).exists();
        Process bad = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "backtest", "--data",
                dir.resolve("nowhere").toString()).redirectErrorStream(true).start();
        bad.getInputStream().readAllBytes();
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(1);
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static Result orb(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }
}
