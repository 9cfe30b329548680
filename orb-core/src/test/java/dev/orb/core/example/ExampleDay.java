package dev.orb.core.example;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.fakes.FakeBroker;
import dev.orb.core.fakes.InMemoryStorage;
import dev.orb.core.fakes.ManualClock;
import dev.orb.core.journal.StoredJournal;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.EngineListener;
import dev.orb.core.session.SessionEngine;
import dev.orb.core.session.SessionRunner;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyMetrics;
import dev.orb.domain.DailyStats;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Price;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradeRecord;
import dev.orb.domain.TradingSession;

/**
 * Trades one synthetic day (a seeded random universe and random-walk prices) through {@link SessionRunner} with a
 * {@link FakeBroker}, then prints the scan, the signals, the trades and the day's result.
 *
 * <p>It lives with the tests so that the library jar stays free of programs; {@code mvn -q -pl orb-core exec:java}
 * runs it. Usage: {@code ExampleDay [date] [seed] [symbols]}, e.g. {@code ExampleDay 2024-11-29 7 40} (an early close).
 */
public final class ExampleDay {
    private ExampleDay() {
    }

    public static void main(String[] args) {
        LocalDate date = args.length > 0 ? LocalDate.parse(args[0]) : LocalDate.of(2024, 3, 12);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        int symbols = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        run(date, seed, symbols, System.out);
    }

    /** Runs the day and prints to {@code out}; returns the day's metrics. */
    public static DailyMetrics run(LocalDate date, long seed, int symbols, PrintStream out) {
        TradingSession session = NyseCalendar.standard().session(date).orElseThrow(
                () -> new IllegalArgumentException(date + " is not an NYSE trading day"));
        OrbConfig config = OrbConfig.defaults();
        SplittableRandom random = new SplittableRandom(seed);
        ManualClock clock = new ManualClock(session.openInstant().minus(Duration.ofMinutes(1)));
        FakeBroker broker = new FakeBroker(clock, new BigDecimal("100000"));
        InMemoryStorage storage = new InMemoryStorage();
        SessionRunner runner = new SessionRunner(new SessionEngine(config), broker, storage, clock,
                new StoredJournal(storage, clock), EngineListener.NONE);

        Map<Symbol, DailyStats> universe = new TreeMap<>();
        Map<Symbol, List<Bar>> bars = new TreeMap<>();
        Map<Symbol, long[]> history = new TreeMap<>();
        Map<Symbol, Asset> assets = new TreeMap<>();
        Map<Symbol, Long> lastCents = new TreeMap<>();
        for (int i = 0; i < symbols; i++) {
            Symbol s = Symbol.of(String.format("SYM%02d", i));
            long open = 1_000 + random.nextLong(30_000);
            long high = open + random.nextLong(1 + open / 100);
            long low = open - random.nextLong(1 + open / 100);
            long close = low + random.nextLong(high - low + 1);
            bars.put(s, List.of(new Bar(s, session.openInstant(), Timeframe.FIVE_MINUTES, Price.ofCents(open),
                    Price.ofCents(high), Price.ofCents(low), Price.ofCents(close), 50_000 + random.nextLong(2_000_000))));
            universe.put(s, new DailyStats(s, date, BigDecimal.valueOf(open / 40 + 50, 2), new BigDecimal("3000000"),
                    Price.ofCents(open)));
            long[] h = new long[config.rvolLookback()];
            for (int d = 0; d < h.length; d++) {
                h[d] = 100_000 + random.nextLong(600_000);
            }
            history.put(s, h);
            assets.put(s, Asset.fullyTradable(s));
            broker.setPrice(s, Price.ofCents(close));
            lastCents.put(s, close);
        }

        runner.start(session);
        clock.set(SessionSchedule.scanTime(session, config));
        runner.feed(new EngineEvent.ScanReady(clock.now(), universe, bars, history, assets));
        List<Symbol> names = new ArrayList<>(lastCents.keySet());
        while (clock.now().plusSeconds(60).isBefore(SessionSchedule.eodTime(session, config))) {
            clock.advance(Duration.ofMinutes(1));
            for (Symbol s : names) {
                long cents = lastCents.get(s);
                long step = Math.max(1, cents / 400);
                cents = Math.max(100, cents + random.nextLong(-step, step + 1));
                lastCents.put(s, cents);
                broker.trade(s, Price.ofCents(cents));
            }
            runner.feed(new EngineEvent.AccountUpdated(clock.now(), broker.account()));
        }
        clock.set(SessionSchedule.eodTime(session, config));
        runner.feed(new EngineEvent.EodReached(clock.now()));
        runner.close();

        out.printf("orb example day %s (%s close), %d symbols, seed %d%n", date,
                session.close().toLocalTime(), symbols, seed);
        out.println("scan (top of the ranking):");
        for (OpeningRangeRecord r : storage.openingRanges(date)) {
            if (r.rank() > 0 && r.rank() <= 10) {
                out.printf("  #%-2d %-6s rvol %5.2f entry %9s stop %9s%n", r.rank(), r.range().symbol(), r.rvol(),
                        r.entry(), r.stop());
            }
        }
        out.println("signals:");
        for (SignalRecord s : storage.signals(date)) {
            out.printf("  %-6s %-5s %-9s %5d shares %s%n", s.symbol(), s.direction(), s.status(), s.shares(),
                    s.reason());
        }
        out.println("trades:");
        for (TradeRecord t : storage.trades(date, date)) {
            out.printf("  %-6s %-5s %5d @ %s -> %s %-4s pnl %s%n", t.symbol(), t.direction(), t.shares(),
                    t.fillPrice().stripTrailingZeros().toPlainString(),
                    t.exitPrice() == null ? "-" : t.exitPrice().stripTrailingZeros().toPlainString(), t.exitReason(),
                    t.pnl() == null ? "-" : t.pnl().stripTrailingZeros().toPlainString());
        }
        DailyMetrics m = storage.dailyMetrics(date, date).get(0);
        out.printf("day: %d trades, %d wins, %d losses, P&L %s, equity %s -> %s; journal %d events%n", m.trades(),
                m.wins(), m.losses(), m.pnl().toPlainString(), m.startEquity().toPlainString(),
                m.endEquity().toPlainString(), storage.journal(date).size());
        return m;
    }
}
