package dev.orb.app.crash;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.orb.core.fakes.ManualClock;
import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Order;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderType;
import dev.orb.domain.Position;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import dev.orb.domain.TradingMode;
import dev.orb.ports.Broker;
import dev.orb.ports.BrokerException;
import dev.orb.ports.BulkResult;
import dev.orb.ports.OrderUpdateListener;
import dev.orb.ports.Subscription;
import dev.orb.sim.backtest.SimulatedBroker;

/**
 * A {@link SimulatedBroker} that survives SIGKILL: every input that changes it (submit, cancel, close, a minute's
 * bars) is appended to a log, with the clock's instant, before it is applied; a new instance replays the log into
 * a fresh simulated broker (deterministic) without telling any listener — the restarted engine learns what happened
 * by reconciling, as it would with a real broker. A written line reaches the OS before the call returns, which is
 * all a SIGKILL needs (the page cache survives the process).
 */
final class DurableBroker implements Broker {
    private final SimulatedBroker sim;
    private final ManualClock clock;
    private final Function<Instant, List<Bar>> barsStartingAt;
    private final BufferedWriter log;
    private final List<String> replayed;
    private final long killAt;
    private boolean killInUpdates;
    private long calls;

    DurableBroker(SimulatedBroker sim, ManualClock clock, Path logFile, Function<Instant, List<Bar>> barsStartingAt) {
        this(sim, clock, logFile, barsStartingAt, -1);
    }

    /**
     * @param killAt the process sends itself SIGKILL at this call point (each call counts once on entry, a call that
     *               changes the broker once more after it is applied), or never when negative
     */
    DurableBroker(SimulatedBroker sim, ManualClock clock, Path logFile, Function<Instant, List<Bar>> barsStartingAt,
                  long killAt) {
        this.killAt = killAt;
        this.sim = sim;
        this.clock = clock;
        this.barsStartingAt = barsStartingAt;
        try {
            dropTornTail(logFile);
            replayed = Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
            for (String line : replayed) {
                apply(line);
            }
            log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cuts a last line without its newline: the process died inside {@link #record}, so the call it describes never
     * reached the broker — and the next line appended must not be glued to it.
     */
    private static void dropTornTail(Path logFile) throws IOException {
        if (!Files.exists(logFile)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(logFile);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(logFile,
                    StandardOpenOption.WRITE)) {
                ch.truncate(end);
            }
        }
    }

    /** The log lines replayed at construction (a torn last line, if any, was dropped). */
    List<String> replayed() {
        return replayed;
    }

    SimulatedBroker sim() {
        return sim;
    }

    /** Feeds the bars that start at {@code start}, logged first. */
    void feedBars(Instant start) {
        point();
        record("B|" + clock.now() + "|" + start);
        for (Bar b : barsStartingAt.apply(start)) {
            sim.onBar(b);
        }
        point();
    }

    @Override
    public Account account() {
        point();
        return sim.account();
    }

    @Override
    public List<Position> positions() {
        point();
        return sim.positions();
    }

    @Override
    public List<Order> openOrders() {
        point();
        return sim.openOrders();
    }

    @Override
    public List<Order> ordersUpdatedSince(Instant since) {
        point();
        return sim.ordersUpdatedSince(since);
    }

    @Override
    public Optional<Order> orderByClientOrderId(ClientOrderId id) {
        point();
        return sim.orderByClientOrderId(id);
    }

    @Override
    public Asset asset(Symbol symbol) {
        point();
        return sim.asset(symbol);
    }

    @Override
    public Order submit(OrderRequest r) {
        point();
        record(String.join("|", "S", clock.now().toString(), r.clientOrderId().value(), r.symbol().value(),
                r.side().name(), r.type().name(), Long.toString(r.quantity()), str(r.stopPrice()), str(r.limitPrice()),
                r.timeInForce().name(), str(r.stopLossPrice())));
        Order o = sim.submit(r);
        point();
        return o;
    }

    @Override
    public void cancel(String brokerOrderId) {
        point();
        record("C|" + clock.now() + "|" + brokerOrderId);
        sim.cancel(brokerOrderId);
        point();
    }

    @Override
    public BulkResult cancelAll() {
        point();
        record("CA|" + clock.now());
        BulkResult r = sim.cancelAll();
        point();
        return r;
    }

    @Override
    public void closePosition(Symbol symbol) {
        point();
        record("CP|" + clock.now() + "|" + symbol.value());
        sim.closePosition(symbol);
        point();
    }

    @Override
    public BulkResult closeAll() {
        point();
        record("CX|" + clock.now());
        BulkResult r = sim.closeAll();
        point();
        return r;
    }

    /** Also counts a kill point before and after each order update delivered to the engine. */
    void killInUpdates(boolean value) {
        killInUpdates = value;
    }

    @Override
    public Subscription subscribe(OrderUpdateListener listener) {
        if (!killInUpdates) {
            return sim.subscribe(listener);
        }
        return sim.subscribe(new OrderUpdateListener() {
            @Override
            public void onOrderUpdate(dev.orb.domain.OrderUpdate update) {
                point();
                listener.onOrderUpdate(update);
                point();
            }

            @Override
            public void onDisconnected(String reason) {
                listener.onDisconnected(reason);
            }

            @Override
            public void onReconnected() {
                listener.onReconnected();
            }
        });
    }

    @Override
    public TradingMode mode() {
        return sim.mode();
    }

    /** Every client order id submitted, in log order (duplicates included). */
    static List<String> submittedIds(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("S|")) {
                out.add(l.split("\\|", -1)[2]);
            }
        }
        return out;
    }

    /** Call points counted in this process. */
    long calls() {
        return calls;
    }

    private void point() {
        calls++;
        if (calls == killAt) {
            try {
                new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                Thread.sleep(60_000);
            } catch (IOException | InterruptedException e) {
                Runtime.getRuntime().halt(137);
            }
            Runtime.getRuntime().halt(137);
        }
    }

    private void record(String line) {
        try {
            log.write(line);
            log.write('\n');
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void apply(String line) {
        String[] f = line.split("\\|", -1);
        clock.set(Instant.parse(f[1]));
        try {
            switch (f[0]) {
                case "B" -> {
                    for (Bar b : barsStartingAt.apply(Instant.parse(f[2]))) {
                        sim.onBar(b);
                    }
                }
                case "S" -> sim.submit(new OrderRequest(new ClientOrderId(f[2]), Symbol.of(f[3]),
                        OrderSide.valueOf(f[4]), OrderType.valueOf(f[5]), Long.parseLong(f[6]), price(f[7]),
                        price(f[8]), TimeInForce.valueOf(f[9]), price(f[10])));
                case "C" -> sim.cancel(f[2]);
                case "CA" -> sim.cancelAll();
                case "CP" -> sim.closePosition(Symbol.of(f[2]));
                case "CX" -> sim.closeAll();
                default -> throw new IllegalStateException("broker log: unknown line '" + line + "'");
            }
        } catch (BrokerException refusedThenToo) {
            // the original call failed the same way (the broker is deterministic): nothing changed then either
            return;
        }
    }

    private static String str(Price p) {
        return p == null ? "" : p.toString();
    }

    private static Price price(String s) {
        return s.isEmpty() ? null : Price.of(s);
    }
}
