package dev.orb.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A second backtester, written from strategy.md and backtest-semantics.md alone, with nothing but the JDK: it
 * shares no code with orb (not the flat-file reader, not the calendar, not the rules, not the fill model). It is
 * deliberately plain — lines split on commas, {@link BigDecimal} everywhere, maps of records — so that a reader can
 * check it against the page line by line. {@code PageReadingAgreementTest} runs it beside {@code orb backtest}
 * and demands the same trades.
 *
 * <p>Covers the defaults of the page (SIMPLE ATR, OPENING_RANGE RVOL, PLANNED_ENTRY stops, max positions = top N,
 * no daily loss limit) with the CLI's numeric options.
 */
final class PageReadingBacktest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BigDecimal ONE_DOLLAR = BigDecimal.ONE;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDREDTH_CENT = new BigDecimal("0.0001");
    private static final MathContext WIDE = new MathContext(60);

    record Options(BigDecimal equity, int topN, BigDecimal risk, BigDecimal maxLeverage, BigDecimal stopAtr,
                   int orMinutes, BigDecimal commissionPerShare, BigDecimal slippageBps) {
        static Options defaults() {
            return new Options(new BigDecimal("25000"), 20, new BigDecimal("0.01"), new BigDecimal("4"),
                    new BigDecimal("0.10"), 5, new BigDecimal("0.0035"), BigDecimal.ZERO);
        }
    }

    /** One row of the trades CSV, values as the page defines them. */
    record Trade(LocalDate date, String symbol, String side, long shares, BigDecimal entry, BigDecimal stop,
                 LocalTime fillTime, BigDecimal fillPrice, LocalTime exitTime, BigDecimal exitPrice, String exitReason,
                 BigDecimal commission, BigDecimal pnl) {
    }

    record Result(List<Trade> trades, BigDecimal endEquity, int sessions, int warmupSessions) {
    }

    private record Day(BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume) {
    }

    private record Minute(Instant start, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                          long volume) {
    }

    private record Candidate(String symbol, boolean isLong, BigDecimal orHigh, BigDecimal orLow, BigDecimal atr,
                             long orVolume, BigDecimal historySum) {
        /** RVOL = orVolume / (historySum / 14), compared exactly by cross-multiplication. */
        int compareRvol(Candidate other) {
            BigDecimal mine = BigDecimal.valueOf(orVolume).multiply(other.historySum);
            BigDecimal theirs = BigDecimal.valueOf(other.orVolume).multiply(historySum);
            return mine.compareTo(theirs);
        }
    }

    private PageReadingBacktest() {
    }

    static Result run(Path root, Options o) {
        List<LocalDate> sessions = sessions(root);
        int warmup = 15;
        Map<LocalDate, Map<String, Day>> days = new HashMap<>();
        Map<LocalDate, Map<String, Long>> orVolumes = new HashMap<>();
        List<Trade> all = new ArrayList<>();
        BigDecimal equity = o.equity();
        for (int i = 0; i < sessions.size(); i++) {
            LocalDate d = sessions.get(i);
            days.put(d, readDays(root, d));
            Map<String, List<Minute>> minutes = readMinutes(root, d);
            ZonedDateTime open = ZonedDateTime.of(d, LocalTime.of(9, 30), NEW_YORK);
            Instant orEnd = open.plusMinutes(o.orMinutes()).toInstant();
            Map<String, Long> orVolume = new HashMap<>();
            for (Map.Entry<String, List<Minute>> e : minutes.entrySet()) {
                long v = 0;
                for (Minute m : e.getValue()) {
                    if (!m.start().isBefore(open.toInstant()) && m.start().isBefore(orEnd)) {
                        v += m.volume();
                    }
                }
                orVolume.put(e.getKey(), v);
            }
            orVolumes.put(d, orVolume);
            if (i < warmup) {
                continue;
            }
            List<LocalDate> previous = sessions.subList(i - 15, i);
            List<Candidate> candidates = new ArrayList<>();
            for (Map.Entry<String, List<Minute>> e : minutes.entrySet()) {
                String symbol = e.getKey();
                // §1: a row in each of the 15 previous sessions
                List<Day> history = new ArrayList<>();
                for (LocalDate p : previous) {
                    Day row = days.get(p).get(symbol);
                    if (row != null) {
                        history.add(row);
                    }
                }
                if (history.size() < 15) {
                    continue;
                }
                BigDecimal trSum = BigDecimal.ZERO;
                long volumeSum = 0;
                for (int k = 1; k < 15; k++) {
                    Day day = history.get(k);
                    BigDecimal prevClose = history.get(k - 1).close();
                    BigDecimal tr = day.high().subtract(day.low())
                            .max(day.high().subtract(prevClose).abs())
                            .max(day.low().subtract(prevClose).abs());
                    trSum = trSum.add(tr);
                    volumeSum += day.volume();
                }
                BigDecimal atr = trSum.divide(BigDecimal.valueOf(14), WIDE);
                BigDecimal avgVolume = BigDecimal.valueOf(volumeSum).divide(BigDecimal.valueOf(14), WIDE);
                BigDecimal prevClose = history.get(14).close();
                // §2
                if (prevClose.compareTo(new BigDecimal("5")) < 0 || avgVolume.compareTo(new BigDecimal("1000000")) < 0
                        || atr.compareTo(new BigDecimal("0.50")) < 0) {
                    continue;
                }
                // §3
                Minute first = null;
                Minute last = null;
                BigDecimal high = null;
                BigDecimal low = null;
                for (Minute m : e.getValue()) {
                    if (m.start().isBefore(open.toInstant()) || !m.start().isBefore(orEnd)) {
                        continue;
                    }
                    if (m.start().equals(open.toInstant())) {
                        first = m;
                    }
                    if (last == null || m.start().isAfter(last.start())) {
                        last = m;
                    }
                    high = high == null ? m.high() : high.max(m.high());
                    low = low == null ? m.low() : low.min(m.low());
                }
                if (first == null) {
                    continue;
                }
                int direction = last.close().compareTo(first.open());
                if (direction == 0) {
                    continue;
                }
                // §4: mean of the 14 previous sessions' OR volumes (0 where none); mean 0 → ineligible; rvol ≥ 1
                BigDecimal historySum = BigDecimal.ZERO;
                for (LocalDate p : sessions.subList(i - 14, i)) {
                    historySum = historySum.add(BigDecimal.valueOf(orVolumes.get(p).getOrDefault(symbol, 0L)));
                }
                if (historySum.signum() == 0) {
                    continue;
                }
                long todayVolume = orVolume.get(symbol);
                if (BigDecimal.valueOf(todayVolume).multiply(BigDecimal.valueOf(14)).compareTo(historySum) < 0) {
                    continue;
                }
                candidates.add(new Candidate(symbol, direction > 0, high, low, atr, todayVolume, historySum));
            }
            // §5
            candidates.sort((a, b) -> {
                int byRvol = b.compareRvol(a);
                return byRvol != 0 ? byRvol : a.symbol().compareTo(b.symbol());
            });
            LocalTime close = closeOf(d);
            ZonedDateTime eod = ZonedDateTime.of(d, close, NEW_YORK).minusMinutes(5);
            List<Trade> today = new ArrayList<>();
            for (Candidate c : candidates.subList(0, Math.min(o.topN(), candidates.size()))) {
                // §6
                BigDecimal entry = c.isLong() ? onTick(c.orHigh(), RoundingMode.CEILING)
                        : onTick(c.orLow(), RoundingMode.FLOOR);
                BigDecimal offset = o.stopAtr().multiply(c.atr(), WIDE);
                BigDecimal rawStop = c.isLong() ? entry.subtract(offset, WIDE) : entry.add(offset, WIDE);
                if (rawStop.signum() <= 0) {
                    continue;
                }
                BigDecimal stop = onTick(rawStop, RoundingMode.HALF_UP);
                BigDecimal distance = entry.subtract(stop).abs();
                if (distance.signum() == 0) {
                    continue;
                }
                // §7
                BigDecimal byRisk = o.risk().multiply(equity).divide(distance, WIDE);
                BigDecimal byLeverage = o.maxLeverage().multiply(equity)
                        .divide(BigDecimal.valueOf(o.topN()).multiply(entry), WIDE);
                long shares = byRisk.min(byLeverage).setScale(0, RoundingMode.FLOOR).longValueExact();
                if (shares < 1) {
                    continue;
                }
                Trade t = fill(d, c.symbol(), c.isLong(), shares, entry, stop, minutes.get(c.symbol()), orEnd,
                        eod.toInstant(), o);
                if (t != null) {
                    today.add(t);
                }
            }
            BigDecimal pnl = BigDecimal.ZERO;
            for (Trade t : today) {
                pnl = pnl.add(t.pnl());
            }
            equity = equity.add(pnl);
            today.sort(Comparator.comparing(Trade::symbol));
            all.addAll(today);
        }
        return new Result(all, equity, Math.max(0, sessions.size() - warmup), Math.min(warmup, sessions.size()));
    }

    /** The fill rules of backtest-semantics.md, on the bars that start in [OR end, eod). */
    private static Trade fill(LocalDate d, String symbol, boolean isLong, long shares, BigDecimal entry,
                              BigDecimal stop, List<Minute> bars, Instant from, Instant eod, Options o) {
        List<Minute> window = bars.stream().filter(m -> !m.start().isBefore(from) && m.start().isBefore(eod))
                .sorted(Comparator.comparing(Minute::start)).toList();
        int entryBar = -1;
        for (int k = 0; k < window.size() && entryBar < 0; k++) {
            Minute m = window.get(k);
            if (isLong ? m.high().compareTo(entry) >= 0 : m.low().compareTo(entry) <= 0) {
                entryBar = k;
            }
        }
        if (entryBar < 0) {
            return null;
        }
        Minute in = window.get(entryBar);
        BigDecimal fill = isLong ? entry.max(in.open()) : entry.min(in.open());
        BigDecimal exit = null;
        Instant exitAt = null;
        String reason = null;
        if (isLong ? in.low().compareTo(stop) <= 0 : in.high().compareTo(stop) >= 0) {
            exit = stop;
            exitAt = in.start();
            reason = "STOP";
        }
        for (int k = entryBar + 1; k < window.size() && exit == null; k++) {
            Minute m = window.get(k);
            if (isLong && m.low().compareTo(stop) <= 0) {
                exit = stop.min(m.open());
            } else if (!isLong && m.high().compareTo(stop) >= 0) {
                exit = stop.max(m.open());
            }
            if (exit != null) {
                exitAt = m.start();
                reason = "STOP";
            }
        }
        if (exit == null) {
            Minute lastBar = window.get(window.size() - 1);
            exit = lastBar.close();
            exitAt = lastBar.start();
            reason = "EOD";
        }
        fill = slip(fill, isLong, o);
        exit = slip(exit, !isLong, o);
        BigDecimal commission = BigDecimal.valueOf(2).multiply(o.commissionPerShare())
                .multiply(BigDecimal.valueOf(shares));
        BigDecimal gross = (isLong ? exit.subtract(fill) : fill.subtract(exit)).multiply(BigDecimal.valueOf(shares));
        return new Trade(d, symbol, isLong ? "LONG" : "SHORT", shares, entry, stop, time(in.start()), fill,
                time(exitAt), exit, reason, commission, gross.subtract(commission));
    }

    /** Moves a fill against the trader by the slippage, rounded to the tick against the trader. */
    private static BigDecimal slip(BigDecimal price, boolean buying, Options o) {
        if (o.slippageBps().signum() == 0) {
            return price;
        }
        BigDecimal factor = o.slippageBps().divide(new BigDecimal("10000"), WIDE);
        BigDecimal moved = buying ? price.add(price.multiply(factor)) : price.subtract(price.multiply(factor));
        return onTick(moved, buying ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    /** strategy.md §6: $0.01 from $1.00, $0.0001 below — the tick of the price being rounded. */
    private static BigDecimal onTick(BigDecimal price, RoundingMode mode) {
        BigDecimal tick = price.compareTo(ONE_DOLLAR) >= 0 ? CENT : HUNDREDTH_CENT;
        return price.divide(tick, 0, mode).multiply(tick);
    }

    private static LocalTime time(Instant at) {
        return at.atZone(NEW_YORK).toLocalTime();
    }

    /** 13:00 early closes from the facts in reference/apis.md; otherwise 16:00. */
    static LocalTime closeOf(LocalDate d) {
        boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        LocalDate thanksgiving = LocalDate.of(d.getYear(), 11, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        boolean julyThird = d.getMonthValue() == 7 && d.getDayOfMonth() == 3 && weekday
                && d.getDayOfWeek() != DayOfWeek.FRIDAY;
        boolean christmasEve = d.getMonthValue() == 12 && d.getDayOfMonth() == 24 && weekday
                && d.getDayOfWeek() != DayOfWeek.FRIDAY;
        return julyThird || christmasEve || d.equals(thanksgiving.plusDays(1)) ? LocalTime.of(13, 0)
                : LocalTime.of(16, 0);
    }

    private static List<LocalDate> sessions(Path root) {
        Path days = root.resolve("us_stocks_sip/day_aggs_v1");
        try (Stream<Path> files = Files.walk(days)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv.gz"))
                    .map(n -> LocalDate.parse(n.substring(0, 10))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(Path root, String kind, LocalDate d) {
        return root.resolve("us_stocks_sip/" + kind + "/" + d.getYear() + "/"
                + String.format("%02d", d.getMonthValue()) + "/" + d + ".csv.gz");
    }

    private static Map<String, Day> readDays(Path root, LocalDate d) {
        Map<String, Day> out = new HashMap<>();
        for (String[] f : rows(file(root, "day_aggs_v1", d))) {
            out.put(f[0], new Day(new BigDecimal(f[2]), new BigDecimal(f[4]), new BigDecimal(f[5]),
                    new BigDecimal(f[3]), Long.parseLong(f[1])));
        }
        return out;
    }

    /** Regular-session minute bars [09:30, close) by ticker. */
    private static Map<String, List<Minute>> readMinutes(Path root, LocalDate d) {
        Instant open = ZonedDateTime.of(d, LocalTime.of(9, 30), NEW_YORK).toInstant();
        Instant close = ZonedDateTime.of(d, closeOf(d), NEW_YORK).toInstant();
        Map<String, List<Minute>> out = new TreeMap<>();
        for (String[] f : rows(file(root, "minute_aggs_v1", d))) {
            long nanos = Long.parseLong(f[6]);
            Instant start = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                    Math.floorMod(nanos, 1_000_000_000L));
            if (start.isBefore(open) || !start.isBefore(close)) {
                continue;
            }
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Minute(start, new BigDecimal(f[2]),
                    new BigDecimal(f[4]), new BigDecimal(f[5]), new BigDecimal(f[3]), Long.parseLong(f[1])));
        }
        return out;
    }

    private static List<String[]> rows(Path file) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            String header = r.readLine();
            if (!"ticker,volume,open,close,high,low,window_start,transactions".equals(header)) {
                throw new IllegalStateException(file + ": unexpected header " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
