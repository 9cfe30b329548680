package dev.orb.ports;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Symbol;

/** Stored market data: daily bars, the nightly universe and the day's opening ranges. Safe for concurrent use. */
public interface MarketStore {
    /**
     * Inserts or replaces daily bars by (symbol, date), atomically: readers see all of them or none, also after a
     * crash. Duplicates of a (symbol, date) in {@code bars} collapse to the last one.
     */
    void upsertDailyBars(Collection<DailyBar> bars);

    /** Daily bars with dates in {@code [from, to]}, by date then symbol. */
    List<DailyBar> dailyBars(LocalDate from, LocalDate to);

    /** The dates in {@code [from, to]} that have at least one stored daily bar. */
    List<LocalDate> dailyBarDates(LocalDate from, LocalDate to);

    /** Deletes daily bars dated before {@code date}; returns how many. */
    int deleteDailyBarsBefore(LocalDate date);

    /** Replaces the universe (eligible symbols with their statistics) of {@code session}. */
    void saveUniverse(LocalDate session, Collection<DailyStats> universe);

    /** The universe of {@code session}, by symbol; empty when none was computed. */
    List<DailyStats> universe(LocalDate session);

    /** Inserts or replaces opening-range records by (session, symbol). */
    void saveOpeningRanges(Collection<OpeningRangeRecord> records);

    /** The opening ranges of {@code session}: by rank (candidates first), then symbol. */
    List<OpeningRangeRecord> openingRanges(LocalDate session);

    /**
     * Stores the opening-range volume (sum of the volumes of the bars that start in the first {@code minutes}
     * minutes) of many symbols for one session, replacing what was stored for that session and length. A symbol
     * absent from {@code volumes} had no bars in the window: its volume is 0. Atomic.
     */
    void saveOpeningRangeVolumes(LocalDate session, int minutes, Map<Symbol, Long> volumes);

    /**
     * The opening-range volumes of {@code sessions} (RVOL history): per symbol an array aligned with
     * {@code sessions}, 0 where the symbol had no volume stored. Symbols with no volume in any of them are absent.
     */
    Map<Symbol, long[]> openingRangeVolumes(List<LocalDate> sessions, int minutes);

    /** The sessions in {@code [from, to]} whose opening-range volumes of length {@code minutes} are stored. */
    List<LocalDate> openingRangeVolumeDates(LocalDate from, LocalDate to, int minutes);
}
