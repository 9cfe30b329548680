package dev.orb.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.orb.adapter.alpaca.AlpacaBroker;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.adapter.polygon.PolygonMarketData;
import dev.orb.domain.TradingMode;
import dev.orb.ports.OrbClock;

/**
 * {@code orb run}: trades on Alpaca (paper by default) with Polygon for the nightly sync, on the system clock and
 * the NYSE calendar, with the dashboard. Start-up reconciliation runs before any trading (a day that cannot
 * reconcile refuses to trade and retries). SIGTERM or Ctrl-C closes the scheduler, the dashboard, the adapters and
 * the database; broker-side stops stay in place.
 *
 * <p>{@code --live} trades real money: it needs the confirmation phrase typed on standard input, or
 * {@code --i-understand-live-trading} for automation; it is refused otherwise.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Trade on Alpaca paper (or --live) with Polygon for the nightly sync, with the dashboard.")
final class RunCommand implements Callable<Integer> {
    /** What must be typed to confirm live trading. */
    static final String CONFIRMATION = "TRADE REAL MONEY";

    private final InputStream stdin;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    AppOptions app;

    @Option(names = "--live", description = "Trade the live account (real money)")
    boolean live;

    @Option(names = "--i-understand-live-trading", description = "Confirms --live without the typed phrase")
    boolean confirmedLive;

    @Option(names = "--host", paramLabel = "ADDR", description = "Dashboard interface (default: dashboard.host or"
            + " 127.0.0.1)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Dashboard port (default: dashboard.port or 8080)")
    Integer port;

    RunCommand(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = app.config();
        config.require("run", "alpaca.keyId", "alpaca.secretKey", "polygon.apiKey");
        PrintWriter out = spec.commandLine().getOut();
        TradingMode mode = live ? TradingMode.LIVE : TradingMode.PAPER;
        if (live && !confirmedLive && !confirmedOnStdin(out)) {
            spec.commandLine().getErr().println("orb run: live trading not confirmed; nothing started");
            return CommandLine.ExitCode.USAGE;
        }
        JdbcStorage storage = app.openStorage(config);
        AlpacaBroker broker = AlpacaBroker.create(AppOptions.alpaca(config, mode));
        PolygonMarketData polygon = PolygonMarketData.create(AppOptions.polygon(config));
        LiveApp.Adapters adapters = new LiveApp.Adapters(broker, broker.marketData(), polygon,
                Optional.of(broker.calendar()), List.of(broker, polygon), mode,
                List.of(config.get("alpaca.keyId").orElseThrow(), config.get("alpaca.secretKey").orElseThrow(),
                        config.get("polygon.apiKey").orElseThrow()));
        String bind = host != null ? host : config.get("dashboard.host").orElse("127.0.0.1");
        int p = port != null ? port : config.get("dashboard.port").map(Integer::parseInt).orElse(8080);
        LiveApp live;
        try {
            live = LiveApp.start(config, storage, adapters, OrbClock.system(), bind, p, out);
        } catch (RuntimeException e) {
            broker.close();
            polygon.close();
            storage.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            live.close();
            stopped.countDown();
        }, "orb-shutdown"));
        stopped.await();
        return 0;
    }

    private boolean confirmedOnStdin(PrintWriter out) {
        out.printf("LIVE trading with real money. Type %s to continue: ", CONFIRMATION);
        out.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return line != null && CONFIRMATION.equals(line.trim());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the confirmation", e);
        }
    }
}
