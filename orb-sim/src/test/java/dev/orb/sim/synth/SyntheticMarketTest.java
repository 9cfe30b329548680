package dev.orb.sim.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.sim.EpochNanos;
import dev.orb.sim.WeekdayCalendar;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.flatfile.MinuteSeries;
import dev.orb.sim.flatfile.SessionData;
import dev.orb.sim.flatfile.SessionReplay;

class SyntheticMarketTest {
    private static final WeekdayCalendar CALENDAR = WeekdayCalendar.US_2024;
    private static final long MINUTE = 60_000_000_000L;

    @TempDir
    Path dir;

    private static Map<Path, byte[]> files(Path root) throws IOException {
        Map<Path, byte[]> out = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static List<RecordingSink.Session> record(GeneratorConfig config) {
        RecordingSink sink = new RecordingSink();
        SyntheticMarket.create(config, CALENDAR).generate(sink);
        return sink.sessions;
    }

    @Test
    void sameSeed_sameBytes_otherSeed_otherBytes() throws IOException {
        GeneratorConfig config = GeneratorConfig.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 9), 12, 42);
        SyntheticMarket.create(config, CALENDAR).writeTo(dir.resolve("a"));
        SyntheticMarket.create(config, CALENDAR).writeTo(dir.resolve("b"));
        SyntheticMarket.create(config.toBuilder().seed(43).build(), CALENDAR).writeTo(dir.resolve("c"));

        Map<Path, byte[]> a = files(dir.resolve("a"));
        Map<Path, byte[]> b = files(dir.resolve("b"));
        Map<Path, byte[]> c = files(dir.resolve("c"));
        assertThat(a).hasSize(2 * 6);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((path, bytes) -> assertThat(b.get(path)).as(path.toString()).isEqualTo(bytes));
        assertThat(c.keySet()).isEqualTo(a.keySet());
        a.forEach((path, bytes) -> assertThat(c.get(path)).as(path.toString()).isNotEqualTo(bytes));
    }

    @Test
    void addingSymbols_leavesTheExistingSymbolsPathsUnchanged() {
        GeneratorConfig small = GeneratorConfig.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 2), 3, 7);
        List<RecordingSink.Session> few = record(small.toBuilder().listingFraction(0).build());
        List<RecordingSink.Session> many = record(small.toBuilder().symbols(10).listingFraction(0).build());
        Set<Symbol> firstThree = Set.of(SyntheticMarket.ticker(0), SyntheticMarket.ticker(1), SyntheticMarket.ticker(2));

        for (int k = 0; k < few.size(); k++) {
            List<RecordingSink.Row> subset = many.get(k).minutes().stream()
                    .filter(r -> firstThree.contains(r.symbol())).toList();
            assertThat(subset).isEqualTo(few.get(k).minutes());
        }
    }

    @Test
    void writtenMarket_readsBackThroughTheFlatFileReader_withConsistentDayRows() {
        GeneratorConfig config = GeneratorConfig.of(LocalDate.of(2024, 11, 25), LocalDate.of(2024, 12, 6), 25, 3);
        GenerationSummary summary = SyntheticMarket.create(config, CALENDAR).writeTo(dir);

        FlatFileDataset dataset = FlatFileDataset.open(dir);
        assertThat(dataset.sessions()).hasSize(9).doesNotContain(LocalDate.of(2024, 11, 28));
        long regular = 0;
        long rows = 0;
        try (SessionReplay replay = dataset.replay(CALENDAR, dataset.sessions(), 1)) {
            while (replay.hasNext()) {
                SessionData s = replay.next();
                regular += s.minutes().barCount();
                rows += s.minutes().rowCount();
                for (DailyBar d : s.dailyBars()) {
                    List<Bar> bars = s.minutes().bars(d.symbol());
                    assertThat(d.open()).isEqualTo(bars.get(0).open());
                    assertThat(d.close()).isEqualTo(bars.get(bars.size() - 1).close());
                    assertThat(d.high()).isEqualTo(bars.stream().map(Bar::high).max(Price::compareTo).orElseThrow());
                    assertThat(d.low()).isEqualTo(bars.stream().map(Bar::low).min(Price::compareTo).orElseThrow());
                    assertThat(d.volume()).isEqualTo(bars.stream().mapToLong(Bar::volume).sum());
                }
                assertThat(s.dailyBars()).extracting(DailyBar::symbol).containsExactlyElementsOf(s.minutes().symbols());
            }
        }
        assertThat(regular).isEqualTo(summary.regularBars());
        assertThat(rows).isEqualTo(summary.minuteRows()).isGreaterThan(regular);
    }

    @Test
    void earlyCloseDay_regularSessionEndsAt1300_postMarketRunsTo1700() {
        GeneratorConfig config = GeneratorConfig.builder(LocalDate.of(2024, 11, 29), LocalDate.of(2024, 11, 29))
                .symbols(20).seed(5).listingFraction(0).missingMinuteProbability(0).haltProbability(0).build();
        RecordingSink.Session withExtended = record(config).get(0);
        RecordingSink.Session regularOnly = record(config.toBuilder().extendedHours(false).build()).get(0);
        TradingSession session = regularOnly.session();
        long open = EpochNanos.of(session.openInstant());
        long close = EpochNanos.of(session.at(LocalTime.of(13, 0)));

        assertThat(session.isEarlyClose()).isTrue();
        assertThat(regularOnly.minutes()).hasSize(20 * 210)
                .allMatch(r -> r.start() >= open && r.start() < close);
        assertThat(withExtended.minutes()).anyMatch(r -> r.start() >= close)
                .allMatch(r -> r.start() < close + 240 * MINUTE)
                .anyMatch(r -> r.start() < open);
        assertThat(withExtended.daily()).isEqualTo(regularOnly.daily());
    }

    @Test
    void haltsLeaveOneStretchWithoutBars() {
        GeneratorConfig config = GeneratorConfig.builder(LocalDate.of(2024, 7, 8), LocalDate.of(2024, 7, 8)).symbols(20)
                .seed(9).haltProbability(1).haltMinutes(30, 30).haltToCloseFraction(0).missingMinuteProbability(0)
                .listingFraction(0).extendedHours(false).build();
        RecordingSink.Session s = record(config).get(0);
        long open = EpochNanos.of(s.session().openInstant());
        Map<Symbol, Set<Long>> minutes = new HashMap<>();
        s.minutes().forEach(r -> minutes.computeIfAbsent(r.symbol(), k -> new HashSet<>()).add((r.start() - open) / MINUTE));

        assertThat(minutes).hasSize(20);
        minutes.forEach((symbol, present) -> {
            List<Long> missing = new ArrayList<>();
            for (long m = 0; m < 390; m++) {
                if (!present.contains(m)) {
                    missing.add(m);
                }
            }
            long first = missing.get(0);
            long last = missing.get(missing.size() - 1);
            assertThat(last - first + 1).as(symbol.value()).isEqualTo(missing.size());
            assertThat(missing.size() == 30 || last == 389).as(symbol.value()).isTrue();
            assertThat(first).as(symbol.value()).isGreaterThanOrEqualTo(10);
        });
    }

    @Test
    void haltsUntilTheClose_endTheSymbolsSessionEarly() {
        GeneratorConfig config = GeneratorConfig.builder(LocalDate.of(2024, 7, 8), LocalDate.of(2024, 7, 8)).symbols(5)
                .seed(9).haltProbability(1).haltToCloseFraction(1).listingFraction(0).extendedHours(false).build();
        long lastMinute = EpochNanos.of(TradingSession.regular(LocalDate.of(2024, 7, 8)).at(LocalTime.of(15, 59)));

        assertThat(record(config).get(0).minutes()).allMatch(r -> r.start() < lastMinute - 9 * MINUTE);
    }

    @Test
    void listingsHaveNoRowsBeforeTheirFirstSession() {
        GeneratorConfig config = GeneratorConfig.builder(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31)).symbols(10)
                .seed(4).listingFraction(1).build();
        List<RecordingSink.Session> sessions = record(config);

        assertThat(sessions.get(0).minutes()).isEmpty();
        assertThat(sessions.get(0).daily()).isEmpty();
        Set<Symbol> listed = new HashSet<>();
        for (RecordingSink.Session s : sessions) {
            Set<Symbol> today = new HashSet<>();
            s.daily().forEach(d -> today.add(d.symbol()));
            assertThat(today).containsAll(listed);
            listed.addAll(today);
        }
        assertThat(listed).hasSizeGreaterThan(5);
    }

    @Test
    void subDollarNames_tradeOnTheHundredthOfACent() {
        GeneratorConfig config = GeneratorConfig.builder(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 3)).symbols(10)
                .seed(11).subDollarFraction(1).subFiveFraction(0).build();
        List<RecordingSink.Row> rows = record(config).stream().flatMap(s -> s.minutes().stream()).toList();

        assertThat(rows).allMatch(r -> r.close() < 2 * Price.NANOS_PER_DOLLAR);
        assertThat(rows).anyMatch(r -> r.close() % 10_000_000L != 0);
    }

    @Test
    void inPlaySessions_tradeSeveralTimesTheVolume() {
        GeneratorConfig quiet = GeneratorConfig.builder(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 12)).symbols(10)
                .seed(12).inPlayProbability(0).listingFraction(0).build();
        long quietVolume = record(quiet).stream().flatMap(s -> s.daily().stream()).mapToLong(RecordingSink.Row::volume).sum();
        long busyVolume = record(quiet.toBuilder().inPlayProbability(1).build()).stream()
                .flatMap(s -> s.daily().stream()).mapToLong(RecordingSink.Row::volume).sum();

        assertThat(busyVolume).isGreaterThan(3 * quietVolume);
    }

    @Test
    void openingMinutesCarryMoreVolumeThanMidday() {
        GeneratorConfig config = GeneratorConfig.builder(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 12)).symbols(20)
                .seed(13).inPlayProbability(0).extendedHours(false).build();
        long openVolume = 0;
        long middayVolume = 0;
        for (RecordingSink.Session s : record(config)) {
            long open = EpochNanos.of(s.session().openInstant());
            for (RecordingSink.Row r : s.minutes()) {
                long minute = (r.start() - open) / MINUTE;
                if (minute < 5) {
                    openVolume += r.volume();
                } else if (minute >= 190 && minute < 195) {
                    middayVolume += r.volume();
                }
            }
        }
        assertThat(openVolume).isGreaterThan(4 * middayVolume);
    }

    @Test
    void invalidKnobs_areAllReported() {
        assertThatThrownBy(() -> GeneratorConfig.builder(LocalDate.of(2024, 7, 2), LocalDate.of(2024, 7, 1)).symbols(0)
                .haltProbability(2).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("GeneratorConfig: to 2024-07-01 is before from 2024-07-02; symbols 0 must be in 1..456976; "
                        + "haltProbability 2.0 must be in [0, 1]");
        assertThatThrownBy(() -> SyntheticMarket.create(
                GeneratorConfig.of(LocalDate.of(2024, 7, 6), LocalDate.of(2024, 7, 7), 1, 1), CALENDAR))
                .hasMessage("SyntheticMarket: the calendar has no session in [2024-07-06, 2024-07-07]");
    }

    @Test
    void tickersAreDistinctFourLetterNames() {
        Set<Symbol> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            Symbol s = SyntheticMarket.ticker(i);
            assertThat(s.value()).matches("[A-Z]{4}");
            assertThat(seen.add(s)).isTrue();
        }
    }

    @Test
    void readerSeesMinuteSeriesOfEverySymbolWithADayRow() {
        GeneratorConfig config = GeneratorConfig.of(LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 11), 5, 21);
        SyntheticMarket.create(config, CALENDAR).writeTo(dir);
        FlatFileDataset dataset = FlatFileDataset.open(dir);
        SessionData s = dataset.read(CALENDAR.session(LocalDate.of(2024, 3, 11)).orElseThrow());

        for (DailyBar d : s.dailyBars()) {
            MinuteSeries series = s.minutes().series(d.symbol()).orElseThrow();
            assertThat(series.start(0)).isAfterOrEqualTo(java.time.Instant.parse("2024-03-11T13:30:00Z"));
            assertThat(series.start(series.size() - 1)).isBefore(java.time.Instant.parse("2024-03-11T20:00:00Z"));
        }
    }
}
