package dev.orb.sim.flatfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.sim.WeekdayCalendar;

class FlatFileDatasetTest {
    private static final WeekdayCalendar CALENDAR = WeekdayCalendar.US_2024;

    @TempDir
    Path root;

    private void writeSession(LocalDate date, String close) {
        FlatFileWriter.writeDaily(root, date, List.of(new DailyBar(Symbol.of("A"), date, Price.of("10"),
                Price.of("11"), Price.of("9"), Price.of(close), 100)));
        FlatFileWriter.writeMinutes(root, date, List.of(
                FlatFileReaderTest.bar("A", date, 9, 30, "10", "11", "9", close, 100)));
    }

    @Test
    void listsTheDatesWithADayFile_inOrder_acrossMonthsAndYears() throws IOException {
        for (LocalDate d : List.of(LocalDate.of(2024, 2, 1), LocalDate.of(2023, 12, 29), LocalDate.of(2024, 1, 31))) {
            writeSession(d, "10");
        }
        Files.createDirectories(FlatFileLayout.dayDirectory(root).resolve("2024/02"));
        Files.writeString(FlatFileLayout.dayDirectory(root).resolve("2024/02/notes.txt"), "ignored");
        Files.writeString(FlatFileLayout.dayDirectory(root).resolve("2024/02/2024-02-02.csv.gz.partial"), "ignored");

        FlatFileDataset dataset = FlatFileDataset.open(root);

        assertThat(dataset.sessions()).containsExactly(LocalDate.of(2023, 12, 29), LocalDate.of(2024, 1, 31),
                LocalDate.of(2024, 2, 1));
        assertThat(dataset.sessions(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1)))
                .containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1));
    }

    @Test
    void missingRootOrLayout_isAClearError() throws IOException {
        Path missing = root.resolve("nope");
        assertThatThrownBy(() -> FlatFileDataset.open(missing))
                .isInstanceOf(FlatFileException.class)
                .hasMessage(missing + ": flat-file root does not exist");
        assertThatThrownBy(() -> FlatFileDataset.open(root))
                .hasMessageStartingWith(FlatFileLayout.dayDirectory(root) + ": missing directory; expected Polygon's layout");
        Files.createDirectories(FlatFileLayout.dayDirectory(root));
        assertThatThrownBy(() -> FlatFileDataset.open(root))
                .hasMessageStartingWith(FlatFileLayout.minuteDirectory(root) + ": missing directory");
        Files.createDirectories(FlatFileLayout.minuteDirectory(root));
        assertThatThrownBy(() -> FlatFileDataset.open(root))
                .hasMessage(FlatFileLayout.dayDirectory(root) + ": no day-aggregates file (YYYY/MM/YYYY-MM-DD.csv.gz)");
    }

    @Test
    void dayFileInTheWrongMonthDirectory_isRejected() throws IOException {
        writeSession(LocalDate.of(2024, 1, 31), "10");
        Path wrong = FlatFileLayout.dayDirectory(root).resolve("2024/02/2024-01-30.csv.gz");
        Files.createDirectories(wrong.getParent());
        Files.copy(FlatFileLayout.dayFile(root, LocalDate.of(2024, 1, 31)), wrong);

        assertThatThrownBy(() -> FlatFileDataset.open(root))
                .hasMessageStartingWith(wrong + ": lies in the wrong directory");
    }

    @Test
    void missingMinuteFile_isReportedWhenItsSessionIsRead() throws IOException {
        LocalDate d = LocalDate.of(2024, 1, 31);
        writeSession(d, "10");
        Files.delete(FlatFileLayout.minuteFile(root, d));
        FlatFileDataset dataset = FlatFileDataset.open(root);

        try (SessionReplay replay = dataset.replay(CALENDAR, dataset.sessions(), 1)) {
            assertThatThrownBy(replay::next)
                    .isInstanceOf(FlatFileException.class)
                    .hasMessageStartingWith(FlatFileLayout.minuteFile(root, d) + ": missing minute-aggregates file");
        }
    }

    @Test
    void dayFileOnADateWithoutSession_isRejectedBeforeReading() {
        writeSession(LocalDate.of(2024, 7, 4), "10");
        FlatFileDataset dataset = FlatFileDataset.open(root);

        assertThatThrownBy(() -> dataset.replay(CALENDAR, dataset.sessions(), 0))
                .hasMessageEndingWith("there is a day-aggregates file for 2024-07-04 but the calendar has no session that day");
    }

    @Test
    void replay_deliversSessionsInOrder_sameWithAndWithoutReadAhead() {
        List<LocalDate> dates = List.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 2), LocalDate.of(2024, 7, 3),
                LocalDate.of(2024, 7, 5));
        for (int i = 0; i < dates.size(); i++) {
            writeSession(dates.get(i), "10." + i);
        }
        FlatFileDataset dataset = FlatFileDataset.open(root);

        for (int readAhead = 0; readAhead <= 3; readAhead++) {
            List<String> seen = new ArrayList<>();
            try (SessionReplay replay = dataset.replay(CALENDAR, dataset.sessions(), readAhead)) {
                while (replay.hasNext()) {
                    SessionData s = replay.next();
                    Bar only = s.minutes().bars(Symbol.of("A")).get(0);
                    seen.add(s.session().date() + " " + s.session().close().toLocalTime() + " "
                            + s.dailyBars().get(0).close() + " " + only.close());
                }
            }
            assertThat(seen).as("readAhead %d", readAhead).containsExactly(
                    "2024-07-01 16:00 10.00 10.00", "2024-07-02 16:00 10.10 10.10", "2024-07-03 13:00 10.20 10.20",
                    "2024-07-05 16:00 10.30 10.30");
        }
    }

    @Test
    void replay_malformedFileInALaterSession_failsWithItsLine() throws IOException {
        List<LocalDate> dates = List.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 2));
        dates.forEach(d -> writeSession(d, "10"));
        Path bad = FlatFileLayout.minuteFile(root, dates.get(1));
        FlatFileReaderTest.gzip(bad, FlatFileLayout.HEADER + "\nA,1,1,1,1,1,1,1\nA,x,1,1,1,1,2,1\n");
        FlatFileDataset dataset = FlatFileDataset.open(root);

        try (SessionReplay replay = dataset.replay(CALENDAR, dataset.sessions(), 2)) {
            assertThat(replay.next().session().date()).isEqualTo(dates.get(0));
            assertThatThrownBy(replay::next)
                    .isInstanceOf(FlatFileException.class)
                    .hasMessage(bad + ":3: volume 'x' is not a number");
        }
    }
}
