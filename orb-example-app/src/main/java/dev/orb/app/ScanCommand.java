package dev.orb.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.orb.adapter.alpaca.AlpacaBroker;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.core.calendar.NyseCalendar;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingMode;
import dev.orb.domain.TradingSession;
import dev.orb.ports.OrbClock;
import dev.orb.ports.TradingCalendar;

/**
 * {@code orb scan}: checks a session's scan inputs without trading — the stored universe, the stored
 * opening-range volumes of the RVOL lookback, and (with Alpaca paper keys; refused without) the opening-range
 * bars Alpaca serves now for the universe. The scan itself, which sends orders, runs only inside {@code orb run}.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Check a session's scan inputs (universe, RVOL history, opening-range bars); sends no order.")
final class ScanCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    AppOptions app;

    @Option(names = "--date", paramLabel = "DATE", description = "Session (default: today in New York)")
    LocalDate date;

    @Override
    public Integer call() {
        AppConfig config = app.config();
        config.require("scan", "alpaca.keyId", "alpaca.secretKey");
        OrbClock clock = OrbClock.system();
        TradingCalendar calendar = NyseCalendar.standard();
        LocalDate day = date != null ? date : clock.nowInNewYork().toLocalDate();
        TradingSession session = calendar.session(day).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--date: " + day + " is not an NYSE session"));
        PrintWriter out = spec.commandLine().getOut();
        int minutes = config.strategy().openingRangeMinutes();
        try (JdbcStorage storage = app.openStorage(config);
             AlpacaBroker broker = AlpacaBroker.create(AppOptions.alpaca(config, TradingMode.PAPER))) {
            List<DailyStats> universe = storage.universe(day);
            out.printf("session %s: universe %d symbols%s%n", day, universe.size(),
                    universe.isEmpty() ? " (none stored: run `orb sync`)" : "");
            List<LocalDate> lookback = new ArrayList<>();
            LocalDate d = day;
            for (int i = 0; i < config.strategy().rvolLookback(); i++) {
                d = calendar.previousSession(d).date();
                lookback.add(d);
            }
            List<LocalDate> stored = storage.openingRangeVolumeDates(lookback.get(lookback.size() - 1),
                    lookback.get(0), minutes);
            out.printf("RVOL history: %d of %d sessions stored%n", stored.size(), lookback.size());
            if (universe.isEmpty()) {
                return Main.EXIT_FAILED;
            }
            Instant from = session.openInstant();
            Instant to = from.plus(Timeframe.ONE_MINUTE.duration().multipliedBy(minutes));
            List<Symbol> symbols = universe.stream().map(DailyStats::symbol).toList();
            Map<Symbol, List<Bar>> bars = broker.marketData().intradayBars(symbols, Timeframe.ONE_MINUTE, from, to);
            long complete = bars.values().stream().filter(b -> b.size() == minutes).count();
            out.printf("opening-range bars (%d min) from Alpaca now: %d symbols with some, %d complete%n", minutes,
                    bars.size(), complete);
            return stored.size() == lookback.size() ? 0 : Main.EXIT_FAILED;
        }
    }
}
