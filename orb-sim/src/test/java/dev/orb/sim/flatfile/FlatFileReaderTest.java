package dev.orb.sim.flatfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import dev.orb.sim.EpochNanos;

class FlatFileReaderTest {
    private static final String HEADER = FlatFileLayout.HEADER + "\n";
    private static final LocalDate DAY = LocalDate.of(2024, 3, 12);
    private static final TradingSession SESSION = TradingSession.regular(DAY);

    @TempDir
    Path dir;

    static long ns(LocalDate date, int hour, int minute) {
        return EpochNanos.of(ZonedDateTime.of(date, LocalTime.of(hour, minute), MarketTime.NEW_YORK).toInstant());
    }

    static Bar bar(String symbol, LocalDate date, int hour, int minute, String open, String high, String low,
                   String close, long volume) {
        return new Bar(Symbol.of(symbol), ZonedDateTime.of(date, LocalTime.of(hour, minute), MarketTime.NEW_YORK)
                .toInstant(), Timeframe.ONE_MINUTE, Price.of(open), Price.of(high), Price.of(low), Price.of(close), volume);
    }

    static Path gzip(Path file, String text) throws IOException {
        Files.write(file, gzipBytes(text));
        return file;
    }

    static byte[] gzipBytes(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    private Path minutes(String rows) throws IOException {
        return gzip(dir.resolve("m.csv.gz"), HEADER + rows);
    }

    private String row(String ticker, String o, String c, String h, String l, long windowStart) {
        return ticker + ",100," + o + "," + c + "," + h + "," + l + "," + windowStart + ",3\n";
    }

    @Test
    void writerThenReader_roundTripsRegularSessionBarsExactly() {
        List<Bar> bars = List.of(
                bar("AAPL", DAY, 9, 30, "171.5", "171.75", "171.25", "171.6", 1200),
                bar("AAPL", DAY, 9, 31, "171.6", "172", "171.6", "171.99", 800),
                bar("PENY", DAY, 9, 30, "0.8512", "0.8600", "0.8500", "0.8555", 50_000),
                bar("BRK.B", DAY, 15, 59, "410.123456789", "410.2", "410", "410.1", 7));
        FlatFileWriter.writeMinutes(dir, DAY, bars);

        SessionMinutes read = FlatFileReader.readMinutes(FlatFileLayout.minuteFile(dir, DAY), SESSION);

        assertThat(read.symbols()).extracting(Symbol::value).containsExactly("AAPL", "BRK.B", "PENY");
        assertThat(read.bars(Symbol.of("AAPL"))).containsExactly(bars.get(0), bars.get(1));
        assertThat(read.bars(Symbol.of("PENY"))).containsExactly(bars.get(2));
        assertThat(read.bars(Symbol.of("BRK.B"))).containsExactly(bars.get(3));
        assertThat(read.barCount()).isEqualTo(4);
        assertThat(read.rowCount()).isEqualTo(4);
    }

    @Test
    void dailyRoundTrip_sortedBySymbol() {
        List<DailyBar> bars = List.of(
                new DailyBar(Symbol.of("ZZZ"), DAY, Price.of("10"), Price.of("11"), Price.of("9.5"), Price.of("10.5"), 5),
                new DailyBar(Symbol.of("AAA"), DAY, Price.of("0.5"), Price.of("0.51"), Price.of("0.4999"),
                        Price.of("0.5001"), 1_000_000));
        FlatFileWriter.writeDaily(dir, DAY, bars);

        assertThat(FlatFileReader.readDaily(FlatFileLayout.dayFile(dir, DAY), DAY))
                .containsExactly(bars.get(1), bars.get(0));
    }

    @Test
    void preAndPostMarketBarsAreDropped() throws IOException {
        Path file = minutes(row("X", "10", "10", "10", "10", ns(DAY, 4, 0))
                + row("X", "10", "10", "10", "10", ns(DAY, 9, 29))
                + row("X", "10", "10", "10", "10", ns(DAY, 9, 30))
                + row("X", "10", "10", "10", "10", ns(DAY, 15, 59))
                + row("X", "10", "10", "10", "10", ns(DAY, 16, 0))
                + row("Y", "10", "10", "10", "10", ns(DAY, 19, 59)));

        SessionMinutes read = FlatFileReader.readMinutes(file, SESSION);

        MinuteSeries x = read.series(Symbol.of("X")).orElseThrow();
        assertThat(List.of(x.start(0), x.start(1))).containsExactly(
                Instant.parse("2024-03-12T13:30:00Z"), Instant.parse("2024-03-12T19:59:00Z"));
        assertThat(read.symbols()).extracting(Symbol::value).containsExactly("X");
        assertThat(read.series(Symbol.of("Y"))).isEmpty();
        assertThat(read.rowCount()).isEqualTo(6);
    }

    @Test
    void earlyCloseDay_dropsBarsFrom1300() throws IOException {
        LocalDate eve = LocalDate.of(2024, 12, 24);
        Path file = minutes(row("X", "10", "10", "10", "10", ns(eve, 12, 59))
                + row("X", "10", "10", "10", "10", ns(eve, 13, 0))
                + row("X", "10", "10", "10", "10", ns(eve, 15, 59)));

        SessionMinutes read = FlatFileReader.readMinutes(file,
                TradingSession.of(eve, MarketTime.REGULAR_OPEN, MarketTime.EARLY_CLOSE));

        MinuteSeries x = read.series(Symbol.of("X")).orElseThrow();
        assertThat(x.size()).isEqualTo(1);
        assertThat(x.start(0)).isEqualTo(Instant.parse("2024-12-24T17:59:00Z"));
    }

    @Test
    void dstMonday_sessionBoundsFollowNewYorkTime() throws IOException {
        LocalDate monday = LocalDate.of(2024, 3, 11);
        Path file = minutes(row("X", "10", "10", "10", "10", EpochNanos.of(Instant.parse("2024-03-11T13:29:00Z")))
                + row("X", "10", "10", "10", "10", EpochNanos.of(Instant.parse("2024-03-11T13:30:00Z")))
                + row("X", "10", "10", "10", "10", EpochNanos.of(Instant.parse("2024-03-11T19:59:00Z")))
                + row("X", "10", "10", "10", "10", EpochNanos.of(Instant.parse("2024-03-11T20:00:00Z"))));

        MinuteSeries x = FlatFileReader.readMinutes(file, TradingSession.regular(monday))
                .series(Symbol.of("X")).orElseThrow();

        assertThat(x.toBars()).extracting(Bar::start).containsExactly(Instant.parse("2024-03-11T13:30:00Z"),
                Instant.parse("2024-03-11T19:59:00Z"));
    }

    @Test
    void rowsOutOfPolygonOrder_areRegroupedBySymbolAndTime() throws IOException {
        Path file = minutes(row("B", "2", "2", "2", "2", ns(DAY, 9, 31))
                + row("A", "1", "1", "1", "1", ns(DAY, 9, 32))
                + row("B", "3", "3", "3", "3", ns(DAY, 9, 30))
                + row("A", "4", "4", "4", "4", ns(DAY, 9, 30)));

        SessionMinutes read = FlatFileReader.readMinutes(file, SESSION);

        MinuteSeries a = read.series(Symbol.of("A")).orElseThrow();
        MinuteSeries b = read.series(Symbol.of("B")).orElseThrow();
        assertThat(new long[] {a.openNanos(0), a.openNanos(1), b.openNanos(0), b.openNanos(1)})
                .containsExactly(4_000_000_000L, 1_000_000_000L, 3_000_000_000L, 2_000_000_000L);
        assertThat(a.startNanos(0)).isEqualTo(ns(DAY, 9, 30));
        assertThat(read.symbols()).extracting(Symbol::value).containsExactly("A", "B");
    }

    @Test
    void duplicateBar_namesBothLines() throws IOException {
        Path adjacent = minutes(row("A", "1", "1", "1", "1", ns(DAY, 9, 30)) + row("A", "1", "1", "1", "1", ns(DAY, 9, 30)));
        assertThatThrownBy(() -> FlatFileReader.readMinutes(adjacent, SESSION))
                .isInstanceOf(FlatFileException.class)
                .hasMessage(adjacent + ":3: duplicate bar of A starting 2024-03-12T13:30:00Z (also on line 2)");

        Path apart = gzip(dir.resolve("apart.csv.gz"), HEADER + row("A", "1", "1", "1", "1", ns(DAY, 9, 30))
                + row("B", "1", "1", "1", "1", ns(DAY, 9, 30)) + row("A", "1", "1", "1", "1", ns(DAY, 9, 30)));
        assertThatThrownBy(() -> FlatFileReader.readMinutes(apart, SESSION))
                .hasMessage(apart + ":4: duplicate bar of A starting 2024-03-12T13:30:00Z (also on line 2)");
    }

    @Test
    void crlfLineEndings_lastLineWithoutNewline_andExponentsAreAccepted() throws IOException {
        Path file = gzip(dir.resolve("crlf.csv.gz"), FlatFileLayout.HEADER + "\r\n"
                + "A,1.5E3,1,1,1,1," + ns(DAY, 9, 30) + ",3\r\n"
                + "A,10,5.0E-1,0.5,0.5,0.5," + ns(DAY, 9, 31) + ",1");

        MinuteSeries a = FlatFileReader.readMinutes(file, SESSION).series(Symbol.of("A")).orElseThrow();

        assertThat(a.volume(0)).isEqualTo(1500);
        assertThat(a.openNanos(1)).isEqualTo(500_000_000L);
    }

    @Test
    void malformedLines_nameFileLineAndProblem() throws IOException {
        long t = ns(DAY, 9, 30);
        String good = row("A", "1", "1", "1", "1", t - 60_000_000_000L);
        String[][] cases = {
                {"A,100,1,1,1,1," + t + "\n", "expected 8 columns (" + FlatFileLayout.HEADER + "), found 7"},
                {"A,100,1,1,1,1," + t + ",3,9\n", "expected 8 columns (" + FlatFileLayout.HEADER + "), found 9"},
                {"A,100,1,abc,1,1," + t + ",3\n", "close 'abc' is not a number"},
                {"A,100,1,1,1,2," + t + ",3\n", "high 1 is below low 2"},
                {"A,100,1,1.5,1.2,1," + t + ",3\n", "high 1.2 is below open 1 or close 1.5"},
                {"A,100,1,1,1.5,1.2," + t + ",3\n", "low 1.2 is above open 1 or close 1"},
                {"A,100,0,1,1,0," + t + ",3\n", "prices must be positive: open 0, close 1, high 1, low 0"},
                {"A,100,-1,1,1,-1," + t + ",3\n", "prices must be positive: open -1, close 1, high 1, low -1"},
                {"A,-5,1,1,1,1," + t + ",3\n", "volume -5 is negative"},
                {"A,12.5,1,1,1,1," + t + ",3\n", "volume '12.5' is not a whole number"},
                {"A,100,1.0000000001,1,2,1," + t + ",3\n", "open '1.0000000001' has more than 9 decimals"},
                {"A,100,1,1,1,1," + t + ".5,3\n", "window_start '" + t + ".5' is not a whole number"},
                {"A,100,1,1,1,1,," + "3\n", "window_start '' is not a number"},
                {"A,100,1,1,1,1," + t + ",-1\n", "transactions -1 is negative"},
                {"TOO_LONG_TICKER,100,1,1,1,1," + t + ",3\n", "ticker 'TOO_LONG_TICKER' is not a valid ticker"},
                {"\n", "empty line"},
        };
        for (String[] c : cases) {
            Path file = gzip(dir.resolve("bad.csv.gz"), HEADER + good + good.replace(",3\n", ",4\n")
                    .replace("A,", "B,") + c[0]);
            assertThatThrownBy(() -> FlatFileReader.readMinutes(file, SESSION)).as(c[0])
                    .isInstanceOf(FlatFileException.class)
                    .hasMessage(file + ":4: " + c[1]);
            assertThatThrownBy(() -> FlatFileReader.readDaily(file, DAY)).as(c[0])
                    .hasMessage(file + ":4: " + c[1]);
        }
    }

    @Test
    void headerMismatch_isReportedOnLine1() throws IOException {
        Path file = gzip(dir.resolve("h.csv.gz"), "ticker,volume,open,high,low,close,window_start,transactions\n");
        assertThatThrownBy(() -> FlatFileReader.readDaily(file, DAY))
                .hasMessage(file + ":1: header 'ticker,volume,open,high,low,close,window_start,transactions' is not '"
                        + FlatFileLayout.HEADER + "'");
        Path empty = gzip(dir.resolve("e.csv.gz"), "");
        assertThatThrownBy(() -> FlatFileReader.readDaily(empty, DAY))
                .hasMessage(empty + ":1: empty file, expected the header '" + FlatFileLayout.HEADER + "'");
    }

    @Test
    void truncatedGzip_isReportedAtTheLineWhereDataEnds() throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 2000; i++) {
            text.append(row("A" + i, "1", "1", "1", "1", ns(DAY, 9, 30)));
        }
        byte[] whole = gzipBytes(text.toString());
        Path file = dir.resolve("cut.csv.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length - 12));

        assertThatThrownBy(() -> FlatFileReader.readMinutes(file, SESSION))
                .isInstanceOf(FlatFileException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining(": truncated or corrupt gzip data (java.io.EOFException");
    }

    @Test
    void plainTextNamedGz_isNotAGzipFile() throws IOException {
        Path file = dir.resolve("plain.csv.gz");
        Files.writeString(file, HEADER);
        assertThatThrownBy(() -> FlatFileReader.readDaily(file, DAY))
                .hasMessageStartingWith(file + ":1: not a gzip file");
        assertThatThrownBy(() -> FlatFileReader.readDaily(dir.resolve("none.csv.gz"), DAY))
                .hasMessage(dir.resolve("none.csv.gz") + ": file not found");
    }

    @Test
    void duplicateDailyRow_namesBothLines() throws IOException {
        Path file = gzip(dir.resolve("d.csv.gz"), HEADER + row("A", "1", "1", "1", "1", 0) + row("B", "1", "1", "1", "1", 0)
                + row("A", "1", "1", "1", "1", 0));
        assertThatThrownBy(() -> FlatFileReader.readDaily(file, DAY))
                .hasMessage(file + ":4: duplicate row of A (also on line 2)");
    }

    @Test
    void manySymbolsAcrossBufferRefills_areAllRead() throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        List<String> expected = new ArrayList<>();
        for (int s = 0; s < 300; s++) {
            String ticker = "S" + s;
            expected.add(ticker);
            for (int m = 0; m < 390; m++) {
                text.append(row(ticker, "1.01", "1.02", "1.03", "1", ns(DAY, 9, 30) + m * 60_000_000_000L));
            }
        }
        Path file = gzip(dir.resolve("big.csv.gz"), text.toString());

        SessionMinutes read = FlatFileReader.readMinutes(file, SESSION);

        assertThat(read.barCount()).isEqualTo(300 * 390);
        assertThat(read.symbols()).extracting(Symbol::value).containsExactlyInAnyOrderElementsOf(expected);
        MinuteSeries last = read.series(Symbol.of("S299")).orElseThrow();
        assertThat(last.size()).isEqualTo(390);
        assertThat(last.startNanos(389)).isEqualTo(ns(DAY, 15, 59));
        assertThat(last.indexAtOrAfter(ns(DAY, 9, 35))).isEqualTo(5);
    }
}
