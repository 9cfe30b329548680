package dev.orb.core.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Symbol;
import dev.orb.ports.MarketStore;

/** A {@link MarketStore} in maps, with the port's semantics, counting writes. For this package's tests only. */
final class InMemoryMarketStore implements MarketStore {
    private final TreeMap<LocalDate, Map<Symbol, DailyBar>> daily = new TreeMap<>();
    private final Map<LocalDate, List<DailyStats>> universes = new HashMap<>();
    private final Map<String, Map<Symbol, Long>> volumes = new HashMap<>();
    int upserts;
    int universeSaves;
    int volumeSaves;

    @Override
    public synchronized void upsertDailyBars(Collection<DailyBar> bars) {
        upserts++;
        for (DailyBar b : bars) {
            daily.computeIfAbsent(b.date(), d -> new TreeMap<>()).put(b.symbol(), b);
        }
    }

    @Override
    public synchronized List<DailyBar> dailyBars(LocalDate from, LocalDate to) {
        List<DailyBar> out = new ArrayList<>();
        daily.subMap(from, true, to, true).values().forEach(m -> out.addAll(m.values()));
        return List.copyOf(out);
    }

    @Override
    public synchronized List<LocalDate> dailyBarDates(LocalDate from, LocalDate to) {
        return daily.subMap(from, true, to, true).entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized int deleteDailyBarsBefore(LocalDate date) {
        Map<LocalDate, Map<Symbol, DailyBar>> old = daily.headMap(date, false);
        int n = old.values().stream().mapToInt(Map::size).sum();
        old.clear();
        return n;
    }

    @Override
    public synchronized void saveUniverse(LocalDate session, Collection<DailyStats> universe) {
        universeSaves++;
        List<DailyStats> sorted = new ArrayList<>(universe);
        sorted.sort(Comparator.comparing(DailyStats::symbol));
        universes.put(session, List.copyOf(sorted));
    }

    @Override
    public synchronized List<DailyStats> universe(LocalDate session) {
        return universes.getOrDefault(session, List.of());
    }

    @Override
    public void saveOpeningRanges(Collection<OpeningRangeRecord> records) {
        throw new UnsupportedOperationException("not used by the sync");
    }

    @Override
    public List<OpeningRangeRecord> openingRanges(LocalDate session) {
        throw new UnsupportedOperationException("not used by the sync");
    }

    @Override
    public synchronized void saveOpeningRangeVolumes(LocalDate session, int minutes, Map<Symbol, Long> v) {
        volumeSaves++;
        volumes.put(session + "/" + minutes, Map.copyOf(v));
    }

    @Override
    public synchronized Map<Symbol, long[]> openingRangeVolumes(List<LocalDate> sessions, int minutes) {
        Map<Symbol, long[]> out = new TreeMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            for (Map.Entry<Symbol, Long> e : volumes.getOrDefault(sessions.get(i) + "/" + minutes, Map.of())
                    .entrySet()) {
                if (e.getValue() != 0) {
                    out.computeIfAbsent(e.getKey(), s -> new long[sessions.size()])[i] = e.getValue();
                }
            }
        }
        return out;
    }

    @Override
    public synchronized List<LocalDate> openingRangeVolumeDates(LocalDate from, LocalDate to, int minutes) {
        TreeSet<LocalDate> out = new TreeSet<>();
        for (String key : volumes.keySet()) {
            String[] parts = key.split("/");
            LocalDate d = LocalDate.parse(parts[0]);
            if (Integer.parseInt(parts[1]) == minutes && !d.isBefore(from) && !d.isAfter(to)) {
                out.add(d);
            }
        }
        return List.copyOf(out);
    }

    /** The stored volume of one symbol on one session (0 when absent), as the scanner would read it. */
    synchronized long volume(LocalDate session, int minutes, Symbol symbol) {
        return volumes.getOrDefault(session + "/" + minutes, Map.of()).getOrDefault(symbol, 0L);
    }

    synchronized boolean hasVolumesFor(LocalDate session, int minutes, Symbol symbol) {
        return volumes.getOrDefault(session + "/" + minutes, Map.of()).containsKey(symbol);
    }
}
