package dev.orb.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.orb.adapter.alpaca.AlpacaBroker;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.TradingMode;
import dev.orb.ports.BulkResult;
import dev.orb.ports.OrbClock;

/**
 * {@code orb flatten}: engages the persisted kill switch, then cancels every open order and closes every position
 * at the paper broker (Alpaca paper keys; refuses without). The next start-up reconciliation records what
 * happened. While {@code orb run} is running, use the dashboard's "flatten all" instead (it holds the database).
 */
@Command(name = "flatten", mixinStandardHelpOptions = true,
        description = "Kill switch on, cancel all orders and close all positions at Alpaca paper (needs keys).")
final class FlattenCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    AppOptions app;

    @Option(names = "--operator", required = true, paramLabel = "NAME", description = "Who")
    String operator;

    @Override
    public Integer call() {
        AppConfig config = app.config();
        config.require("flatten", "alpaca.keyId", "alpaca.secretKey");
        PrintWriter out = spec.commandLine().getOut();
        try (JdbcStorage storage = app.openStorage(config);
             AlpacaBroker broker = AlpacaBroker.create(AppOptions.alpaca(config, TradingMode.PAPER))) {
            storage.saveKillSwitch(new KillSwitchState(true, "operator:" + operator, OrbClock.system().now(),
                    "flatten from the command line"));
            out.println("kill switch ENGAGED");
            BulkResult cancelled = broker.cancelAll();
            out.printf("orders cancelled: %d, failed: %s%n", cancelled.succeeded().size(), cancelled.failed());
            BulkResult closed = broker.closeAll();
            out.printf("positions closed: %d, failed: %s%n", closed.succeeded().size(), closed.failed());
            return cancelled.allSucceeded() && closed.allSucceeded() ? 0 : Main.EXIT_FAILED;
        }
    }
}
