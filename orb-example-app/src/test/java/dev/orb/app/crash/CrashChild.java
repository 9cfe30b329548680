package dev.orb.app.crash;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.orb.adapter.jdbc.JdbcConfig;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.app.demo.FlatFileMarketData;
import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.fakes.ManualClock;
import dev.orb.core.live.DayPlan;
import dev.orb.core.live.LiveConfig;
import dev.orb.core.live.LiveScheduler;
import dev.orb.core.live.TradingDay;
import dev.orb.domain.Bar;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.sim.backtest.SimulatedBroker;
import dev.orb.sim.fill.FillModel;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.flatfile.SessionMinutes;

/**
 * The process the crash test kills: one session of the flat files traded through the live scheduler, the engine,
 * H2 and a {@link DurableBroker}, stepped minute by minute as fast as it goes, resuming wherever the previous
 * process stopped. Writes {@code done} next to the broker log when the session is over.
 *
 * <p>Arguments: database directory, flat-file directory, broker log, session date, and the broker call point at
 * which the process sends itself SIGKILL (-1: never). Writes the number of broker call points of the run to
 * {@code calls}.
 */
public final class CrashChild {
    static final BigDecimal EQUITY = new BigDecimal("100000");

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Path logFile = Path.of(args[2]);
        LocalDate date = LocalDate.parse(args[3]);
        NyseCalendar calendar = NyseCalendar.standard();
        TradingSession session = calendar.session(date).orElseThrow();
        OrbConfig config = OrbConfig.defaults();
        // late entries allowed: a crash between the scan time and the scan being journaled must not lose the day
        DayPlan plan = new DayPlan(calendar, config, LiveConfig.builder().scanDelay(Duration.ZERO)
                .allowLateEntries(true).build());
        FlatFileDataset dataset = FlatFileDataset.open(data);
        Map<Instant, List<Bar>> bars = byStart(dataset.readMinutes(session));
        ManualClock clock = new ManualClock(plan.startAt(session).minusSeconds(60));
        DurableBroker broker = new DurableBroker(new SimulatedBroker(clock, FillModel.defaults(), date, EQUITY,
                config.maxLeverage()), clock, logFile, t -> bars.getOrDefault(t, List.of()), Long.parseLong(args[4]));
        broker.killInUpdates(args.length > 5 && Boolean.parseBoolean(args[5]));
        // resume at the first full minute after the last thing the broker saw
        Instant resume = clock.now().isBefore(plan.startAt(session)) ? plan.startAt(session)
                : nextMinute(clock.now());
        clock.set(resume.minusNanos(1));
        try (JdbcStorage storage = JdbcStorage.create(JdbcConfig.h2File(db))) {
            FlatFileMarketData marketData = new FlatFileMarketData(dataset, calendar, clock);
            TradingDay.Builder days = TradingDay.builder(plan).broker(broker).storage(storage).marketData(marketData)
                    .clock(clock);
            LiveScheduler scheduler = LiveScheduler.builder(plan, clock, days::build).build();
            Files.writeString(logFile.resolveSibling("started"), resume.toString());
            Instant eod = plan.eodAt(session);
            Instant end = session.closeInstant().plusSeconds(60);
            for (Instant t = resume; !t.isAfter(end); t = t.plusSeconds(60)) {
                scheduler.advanceTo(t.minusNanos(1), clock::set);
                clock.set(t);
                Instant start = t.minusSeconds(60);
                if (start.isBefore(eod) && !start.isBefore(plan.startAt(session))) {
                    broker.feedBars(start);
                }
                scheduler.advanceTo(t, clock::set);
            }
            scheduler.close();
        }
        Files.writeString(logFile.resolveSibling("calls"), Long.toString(broker.calls()));
        Files.writeString(logFile.resolveSibling("done"), "done");
    }

    static Map<Instant, List<Bar>> byStart(SessionMinutes minutes) {
        Map<Instant, List<Bar>> out = new TreeMap<>();
        for (Symbol s : minutes.symbols()) {
            for (Bar b : minutes.bars(s)) {
                out.computeIfAbsent(b.start(), k -> new ArrayList<>()).add(b);
            }
        }
        return out;
    }

    private static Instant nextMinute(Instant t) {
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, 60) + 60);
    }
}
