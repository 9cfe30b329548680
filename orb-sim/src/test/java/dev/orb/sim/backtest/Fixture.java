package dev.orb.sim.backtest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.flatfile.FlatFileWriter;

/**
 * Tiny flat-file datasets written with {@link FlatFileWriter}: 15 warm-up sessions in which every symbol trades
 * a flat $50 (day row 50/51/49/50 and 2,000,000 shares, so ATR14 = 2.00, avgVolume14 = 2,000,000, prevClose 50)
 * with an opening range of 5 × 10,000 shares (OR volume 50,000), then trading sessions written bar by bar.
 *
 * <p>A standard breakout day: OR 09:30–09:34 open 50.00, high 50.50, low 49.80, close 50.40, volume 100,000
 * (RVOL 2): LONG, entry 50.50, stop 50.50 − 0.10 × 2.00 = 50.30, shares min(0.01 × 25,000 / 0.20,
 * 4 × 25,000 / (20 × 50.50)) = min(1250, 99.0099…) = 99.
 */
final class Fixture {
    static final NyseCalendar NYSE = NyseCalendar.standard();

    private final Path root;
    private final Map<LocalDate, List<Bar>> minutes = new TreeMap<>();
    private final Map<LocalDate, List<DailyBar>> days = new TreeMap<>();

    Fixture(Path root) {
        this.root = root;
    }

    /** The 15 NYSE sessions before {@code tradeDay}. */
    static List<LocalDate> warmupDates(LocalDate tradeDay) {
        return NYSE.sessionsBefore(tradeDay, 15).stream().map(TradingSession::date).toList();
    }

    /** The flat $50 warm-up history of {@code symbols}; {@code missing} ("SYM@i") drops the day row of session i. */
    Fixture warmup(LocalDate tradeDay, List<String> symbols, String... missing) {
        for (String s : symbols) {
            history(tradeDay, s, "50 51 49 50 2000000", "50", missing);
        }
        return this;
    }

    /**
     * A warm-up history of one symbol before {@code tradeDay}: the same day row every session and an opening range
     * of five bars at {@code orPrice} with 10,000 shares each.
     */
    Fixture history(LocalDate tradeDay, String symbol, String dayRow, String orPrice, String... missing) {
        List<LocalDate> dates = warmupDates(tradeDay);
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            if (!List.of(missing).contains(symbol + "@" + i)) {
                day(symbol, d, dayRow);
            }
            for (int m = 0; m < 5; m++) {
                bar(symbol, d, String.format("09:3%d %s %s %s %s 10000", m, orPrice, orPrice, orPrice, orPrice));
            }
        }
        return this;
    }

    /** The standard LONG opening range of {@code symbol} on {@code d} (entry 50.50, stop 50.30, 99 shares). */
    Fixture longRange(String symbol, LocalDate d) {
        bar(symbol, d, "09:30 50.00 50.20 49.90 50.10 20000");
        bar(symbol, d, "09:31 50.10 50.30 49.80 50.20 20000");
        bar(symbol, d, "09:32 50.20 50.50 50.10 50.30 20000");
        bar(symbol, d, "09:33 50.30 50.40 50.20 50.30 20000");
        bar(symbol, d, "09:34 50.30 50.45 50.25 50.40 20000");
        return this;
    }

    /** A SHORT opening range (open 50.00, low 49.50, close 49.60): entry 49.50, stop 49.70, 101 shares. */
    Fixture shortRange(String symbol, LocalDate d) {
        bar(symbol, d, "09:30 50.00 50.10 49.80 49.90 20000");
        bar(symbol, d, "09:31 49.90 50.00 49.70 49.80 20000");
        bar(symbol, d, "09:32 49.80 49.90 49.50 49.60 20000");
        bar(symbol, d, "09:33 49.60 49.70 49.55 49.60 20000");
        bar(symbol, d, "09:34 49.60 49.65 49.55 49.60 20000");
        return this;
    }

    /** One minute bar: {@code "HH:MM open high low close volume"}, New York time. */
    Fixture bar(String symbol, LocalDate d, String spec) {
        String[] p = spec.trim().split("\\s+");
        minutes.computeIfAbsent(d, k -> new ArrayList<>()).add(new Bar(Symbol.of(symbol),
                ZonedDateTime.of(d, LocalTime.parse(p[0]), MarketTime.NEW_YORK).toInstant(), Timeframe.ONE_MINUTE,
                Price.of(p[1]), Price.of(p[2]), Price.of(p[3]), Price.of(p[4]), Long.parseLong(p[5])));
        days.computeIfAbsent(d, k -> new ArrayList<>());
        return this;
    }

    /** One day row of {@code d}: {@code "open high low close volume"}. */
    Fixture day(String symbol, LocalDate d, String spec) {
        String[] p = spec.trim().split("\\s+");
        days.computeIfAbsent(d, k -> new ArrayList<>()).add(new DailyBar(Symbol.of(symbol), d, Price.of(p[0]),
                Price.of(p[1]), Price.of(p[2]), Price.of(p[3]), Long.parseLong(p[4])));
        minutes.computeIfAbsent(d, k -> new ArrayList<>());
        return this;
    }

    /** Writes the day and minute file of every date collected (a day file is what makes a date a session). */
    FlatFileDataset write() {
        for (LocalDate d : days.keySet()) {
            FlatFileWriter.writeDaily(root, d, days.get(d));
            FlatFileWriter.writeMinutes(root, d, minutes.get(d));
        }
        days.clear();
        minutes.clear();
        return FlatFileDataset.open(root);
    }

    Path root() {
        return root;
    }
}
