package dev.orb.app;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.TradeRecord;
import dev.orb.ports.OrbClock;

/**
 * {@code orb status}: the kill switch, the mode the keys allow, and a session's signals, orders and trades from
 * the database (today in New York by default). Reads only.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Kill switch, mode, and the day's signals, orders and trades from the database.")
final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    AppOptions app;

    @Option(names = "--date", paramLabel = "DATE", description = "Session (default: today in New York)")
    LocalDate date;

    @Override
    public Integer call() {
        AppConfig config = app.config();
        LocalDate day = date != null ? date : OrbClock.system().nowInNewYork().toLocalDate();
        PrintWriter out = spec.commandLine().getOut();
        try (JdbcStorage storage = app.openStorage(config)) {
            KillSwitchState ks = storage.killSwitch();
            out.printf("kill switch: %s%s%n", ks.engaged() ? "ENGAGED" : "released",
                    KillSwitchState.initial().equals(ks) ? "" : " (by " + ks.by() + " at " + ks.at() + ": " + ks.reason()
                            + ")");
            boolean keys = config.get("alpaca.keyId").isPresent() && config.get("alpaca.secretKey").isPresent();
            out.printf("mode: %s%n", keys ? "paper (Alpaca keys configured; live needs `run --live`)"
                    : "demo only (no Alpaca keys)");
            List<SignalRecord> signals = storage.signals(day);
            List<OrderRecord> orders = storage.orders(day);
            List<TradeRecord> trades = storage.trades(day, day);
            out.printf("session %s: %d signals, %d orders, %d trades%n", day, signals.size(), orders.size(),
                    trades.size());
            for (OrderRecord o : orders) {
                out.printf("  order %s %s %s %s %d filled %d %s%n", o.clientOrderId(), o.symbol(), o.purpose(),
                        o.side(), o.quantity(), o.filledQuantity(), o.status());
            }
            BigDecimal pnl = BigDecimal.ZERO;
            for (TradeRecord t : trades) {
                boolean open = t.exitTime() == null;
                out.printf("  trade %s %s %d @ %s %s%n", t.symbol(), t.direction(), t.shares(), t.fillPrice(),
                        open ? "OPEN (stop " + t.stopPrice() + ")" : "closed " + t.exitReason() + " P&L " + t.pnl());
                if (!open && t.pnl() != null) {
                    pnl = pnl.add(t.pnl());
                }
            }
            out.printf("realised P&L: %s%n", pnl.toPlainString());
        }
        return 0;
    }
}
