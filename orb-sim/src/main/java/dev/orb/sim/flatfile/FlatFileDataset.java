package dev.orb.sim.flatfile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;

/**
 * A directory of Polygon flat files ({@link FlatFileLayout}). The sessions of a run are the dates that have a
 * day-aggregates file, in order; each of them needs its minute-aggregates file too (checked when it is read).
 *
 * <p>{@link #open(Path)} lists the sessions once; reading happens one file at a time, so memory stays flat
 * however long the date range. Immutable apart from a size hint for the next read; safe for concurrent use.
 */
public final class FlatFileDataset {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{2}");
    private static final Pattern FILE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})\\.csv\\.gz");

    private final Path root;
    private final List<LocalDate> sessions;
    /** Regular-session bars of the last minute file read: the capacity to start the next one with. */
    private final AtomicInteger lastBarCount = new AtomicInteger();

    private FlatFileDataset(Path root, List<LocalDate> sessions) {
        this.root = root;
        this.sessions = List.copyOf(sessions);
    }

    /**
     * Opens the dataset under {@code root} and lists its sessions.
     *
     * @throws FlatFileException if the root, {@code us_stocks_sip/day_aggs_v1} or
     *     {@code us_stocks_sip/minute_aggs_v1} is missing, a day file lies in a directory that does not match its
     *     date, or there is no day file at all
     */
    public static FlatFileDataset open(Path root) {
        Objects.requireNonNull(root, "root");
        if (!Files.isDirectory(root)) {
            throw new FlatFileException(root + ": flat-file root " + (Files.exists(root) ? "is not a directory"
                    : "does not exist"));
        }
        Path days = FlatFileLayout.dayDirectory(root);
        Path minutes = FlatFileLayout.minuteDirectory(root);
        for (Path dir : List.of(days, minutes)) {
            if (!Files.isDirectory(dir)) {
                throw new FlatFileException(dir + ": missing directory; expected Polygon's layout <root>/"
                        + FlatFileLayout.DAY_AGGS + "/YYYY/MM/YYYY-MM-DD.csv.gz and the same under "
                        + FlatFileLayout.MINUTE_AGGS);
            }
        }
        List<LocalDate> dates = listDays(days);
        if (dates.isEmpty()) {
            throw new FlatFileException(days + ": no day-aggregates file (YYYY/MM/YYYY-MM-DD.csv.gz)");
        }
        return new FlatFileDataset(root, dates);
    }

    private static List<LocalDate> listDays(Path days) {
        List<LocalDate> dates = new ArrayList<>();
        for (Path year : list(days)) {
            if (!YEAR.matcher(year.getFileName().toString()).matches() || !Files.isDirectory(year)) {
                continue;
            }
            for (Path month : list(year)) {
                if (!MONTH.matcher(month.getFileName().toString()).matches() || !Files.isDirectory(month)) {
                    continue;
                }
                for (Path file : list(month)) {
                    dateOf(file, year, month).ifPresent(dates::add);
                }
            }
        }
        dates.sort(null);
        return dates;
    }

    private static Optional<LocalDate> dateOf(Path file, Path year, Path month) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new FlatFileException(file + ": not a calendar date", e);
        }
        if (!m.group(1).equals(year.getFileName().toString()) || !m.group(2).equals(month.getFileName().toString())) {
            throw new FlatFileException(file + ": lies in the wrong directory; expected "
                    + FlatFileLayout.dayFile(Path.of("<root>"), date));
        }
        return Optional.of(date);
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(out::add);
        } catch (IOException e) {
            throw new FlatFileException(dir + ": cannot list directory: " + e.getMessage(), e);
        }
        return out;
    }

    /** The dataset's root directory. */
    public Path root() {
        return root;
    }

    /** Every date with a day-aggregates file, ascending; never empty. */
    public List<LocalDate> sessions() {
        return sessions;
    }

    /** The dates with a day-aggregates file in {@code [from, to]}, ascending (possibly empty). */
    public List<LocalDate> sessions(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d : sessions) {
            if (!d.isBefore(from) && !d.isAfter(to)) {
                out.add(d);
            }
        }
        return List.copyOf(out);
    }

    /** The day-aggregates file of {@code date} (whether or not it exists). */
    public Path dayFile(LocalDate date) {
        return FlatFileLayout.dayFile(root, date);
    }

    /** The minute-aggregates file of {@code date} (whether or not it exists). */
    public Path minuteFile(LocalDate date) {
        return FlatFileLayout.minuteFile(root, date);
    }

    /** {@link FlatFileReader#readDaily} on the day file of {@code date}. */
    public List<DailyBar> readDaily(LocalDate date) {
        return FlatFileReader.readDaily(dayFile(date), date);
    }

    /**
     * {@link FlatFileReader#readMinutes} on the minute file of {@code session}'s date.
     *
     * @throws FlatFileException if that file is missing or malformed
     */
    public SessionMinutes readMinutes(TradingSession session) {
        Objects.requireNonNull(session, "session");
        Path file = minuteFile(session.date());
        if (!Files.isRegularFile(file)) {
            throw new FlatFileException(file + ": missing minute-aggregates file for session " + session.date()
                    + " (every date with a day-aggregates file needs one)");
        }
        SessionMinutes minutes = FlatFileReader.readMinutes(file, session, lastBarCount.get());
        lastBarCount.set(minutes.barCount());
        return minutes;
    }

    /** Both files of one session: its daily bars and its regular-session minute bars. */
    public SessionData read(TradingSession session) {
        Objects.requireNonNull(session, "session");
        return new SessionData(session, readDaily(session.date()), readMinutes(session));
    }

    /**
     * Replays {@code dates} (dates of this dataset, ascending) one session at a time, reading up to
     * {@code readAhead} sessions ahead on as many background threads while the caller works on the current
     * one; 0 reads on the caller's thread. At most {@code readAhead + 1} sessions are in memory at once.
     *
     * @throws FlatFileException before any reading if a date has no day file here or the calendar has no
     *     session on it
     */
    public SessionReplay replay(TradingCalendar calendar, List<LocalDate> dates, int readAhead) {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(dates, "dates");
        if (readAhead < 0) {
            throw new InvalidValueException("readAhead: " + readAhead + " must not be negative");
        }
        List<TradingSession> run = new ArrayList<>(dates.size());
        LocalDate previous = null;
        for (LocalDate date : dates) {
            if (Collections.binarySearch(sessions, date) < 0) {
                throw new FlatFileException(dayFile(date) + ": no day-aggregates file for " + date);
            }
            if (previous != null && !date.isAfter(previous)) {
                throw new InvalidValueException("dates: " + date + " is not after " + previous);
            }
            previous = date;
            TradingSession session = calendar.session(date).orElseThrow(() -> new FlatFileException(dayFile(date)
                    + ": there is a day-aggregates file for " + date + " but the calendar has no session that day"));
            run.add(session);
        }
        return new SessionReplay(this, run, readAhead);
    }
}
