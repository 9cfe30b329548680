package dev.orb.adapter.polygon.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import dev.orb.adapter.polygon.internal.AggregatesBody.Aggregate;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Polygon aggregates into orb bars, one row at a time: a row with a missing, non-positive or non-finite
 * price, high below low, a negative or missing volume, an invalid ticker or a repeated timestamp is skipped and
 * logged with its symbol and date, and the rest of the response is kept. Fractional volumes ({@code 25933.6}) are
 * rounded half-up to whole shares. Counts every skipped row; safe for concurrent use.
 */
final class AggregateMapper {
    private static final Logger LOG = LoggerFactory.getLogger("dev.orb.adapter.polygon");
    /** Skips logged at WARN per response; the rest go to DEBUG so a broken day does not flood the log. */
    private static final int WARN_PER_RESPONSE = 20;

    private final AtomicLong skipped = new AtomicLong();

    /** Rows rejected since creation. */
    long rowsSkipped() {
        return skipped.get();
    }

    /** Grouped-daily rows of {@code date}; rows whose symbol fails {@code keep} are dropped silently. */
    List<DailyBar> groupedDaily(LocalDate date, List<Aggregate> rows, Predicate<Symbol> keep) {
        Skips skips = new Skips("grouped daily " + date);
        Set<Symbol> seen = new HashSet<>();
        List<DailyBar> out = new ArrayList<>(rows.size());
        for (Aggregate row : rows) {
            if (row == null || row.ticker() == null) {
                skips.skip("?", date.toString(), "T is missing");
                continue;
            }
            Symbol symbol;
            try {
                symbol = Symbol.of(row.ticker());
            } catch (InvalidValueException e) {
                skips.skip(printable(row.ticker()), date.toString(), e.getMessage());
                continue;
            }
            if (!keep.test(symbol)) {
                continue;
            }
            if (!seen.add(symbol)) {
                skips.skip(symbol.value(), date.toString(), "duplicate row for the same date");
                continue;
            }
            try {
                out.add(new DailyBar(symbol, date, price(row.open(), "o"), price(row.high(), "h"),
                        price(row.low(), "l"), price(row.close(), "c"), volume(row)));
            } catch (InvalidValueException e) {
                skips.skip(symbol.value(), date.toString(), e.getMessage());
            }
        }
        skips.summarize(out.size());
        return out;
    }

    /** Daily aggregates of one symbol, dated by their window start in New York, oldest first. */
    List<DailyBar> dailyOfTicker(Symbol symbol, List<Aggregate> rows) {
        Skips skips = new Skips("daily " + symbol);
        Set<Long> seen = new HashSet<>();
        List<DailyBar> out = new ArrayList<>(rows.size());
        for (Aggregate row : rows) {
            String when = row == null || row.start() == null ? "?" : date(row.start()).toString();
            try {
                requireRow(row);
                if (!seen.add(row.start())) {
                    throw new InvalidValueException("duplicate t " + row.start());
                }
                out.add(new DailyBar(symbol, date(row.start()), price(row.open(), "o"), price(row.high(), "h"),
                        price(row.low(), "l"), price(row.close(), "c"), volume(row)));
            } catch (InvalidValueException e) {
                skips.skip(symbol.value(), when, e.getMessage());
            }
        }
        skips.summarize(out.size());
        out.sort(Comparator.comparing(DailyBar::date));
        return out;
    }

    /** Intraday aggregates of one symbol that start in {@code [from, to)}, oldest first. */
    List<Bar> intraday(Symbol symbol, Timeframe timeframe, Instant from, Instant to, List<Aggregate> rows) {
        Skips skips = new Skips(timeframe + " bars " + symbol);
        Set<Long> seen = new HashSet<>();
        List<Bar> out = new ArrayList<>(rows.size());
        for (Aggregate row : rows) {
            String when = row == null || row.start() == null ? "?" : Instant.ofEpochMilli(row.start()).toString();
            try {
                requireRow(row);
                Instant start = Instant.ofEpochMilli(row.start());
                if (start.isBefore(from) || !start.isBefore(to)) {
                    continue;
                }
                if (!seen.add(row.start())) {
                    throw new InvalidValueException("duplicate t " + row.start());
                }
                out.add(new Bar(symbol, start, timeframe, price(row.open(), "o"), price(row.high(), "h"),
                        price(row.low(), "l"), price(row.close(), "c"), volume(row)));
            } catch (InvalidValueException e) {
                skips.skip(symbol.value(), when, e.getMessage());
            }
        }
        skips.summarize(out.size());
        out.sort(Comparator.comparing(Bar::start));
        return out;
    }

    /**
     * Shares traded: {@code v} rounded half-up to a whole share (Polygon reports fractional volumes when odd lots
     * or adjustments make them so; orb counts whole shares).
     */
    static long roundVolume(double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new InvalidValueException("v: " + v + " must be a finite, non-negative number");
        }
        try {
            return BigDecimal.valueOf(v).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException("v: " + v + " does not fit a whole number of shares", e);
        }
    }

    private static void requireRow(Aggregate row) {
        if (row == null) {
            throw new InvalidValueException("row is null");
        }
        if (row.start() == null) {
            throw new InvalidValueException("t is missing");
        }
    }

    /** Checks high against low too, so that this reason is reported rather than the constructor's. */
    private static long volume(Aggregate row) {
        if (row.volume() == null) {
            throw new InvalidValueException("v is missing");
        }
        if (row.high() != null && row.low() != null && row.high() < row.low()) {
            throw new InvalidValueException("h " + row.high() + " is below l " + row.low());
        }
        return roundVolume(row.volume());
    }

    private static Price price(Double value, String field) {
        if (value == null) {
            throw new InvalidValueException(field + " is missing");
        }
        try {
            return Price.ofVendorDouble(value);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field + ": " + value + " is not a positive finite price", e);
        }
    }

    private static LocalDate date(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(MarketTime.NEW_YORK).toLocalDate();
    }

    private static String printable(String s) {
        String cut = s.length() > 20 ? s.substring(0, 20) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** The skips of one response: counted, the first few logged at WARN. */
    private final class Skips {
        private final String what;
        private int count;

        Skips(String what) {
            this.what = what;
        }

        void skip(String symbol, String date, String reason) {
            count++;
            skipped.incrementAndGet();
            if (count <= WARN_PER_RESPONSE) {
                LOG.warn("Polygon {}: skipped {} {}: {}", what, symbol, date, reason);
            } else {
                LOG.debug("Polygon {}: skipped {} {}: {}", what, symbol, date, reason);
            }
        }

        void summarize(int kept) {
            if (count > WARN_PER_RESPONSE) {
                LOG.warn("Polygon {}: skipped {} rows in all ({} beyond the first {} logged at DEBUG), kept {}",
                        what, count, count - WARN_PER_RESPONSE, WARN_PER_RESPONSE, kept);
            }
        }
    }
}
