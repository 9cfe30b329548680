package dev.orb.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orb.adapter.jdbc.JdbcConfig;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.app.demo.FlatFileMarketData;
import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.fakes.ManualClock;
import dev.orb.core.sync.NightlySync;
import dev.orb.domain.Order;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderType;
import dev.orb.domain.Position;
import dev.orb.domain.TradeRecord;
import dev.orb.sim.backtest.SimulatedBroker;
import dev.orb.sim.fill.FillModel;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.synth.GeneratorConfig;
import dev.orb.sim.synth.SyntheticMarket;

/**
 * Kills a trading day with SIGKILL at seeded random points, restarts it each time, and checks the outcome against
 * an uninterrupted run of the same day: after each kill, every position at the broker has a working stop; at the
 * end, one broker order per intent, every fill recorded once, flat at EOD, every trade closed, and the same trades
 * (same symbols, sizes, prices and P&amp;L) as without crashes. {@code -Dorb.crash.inUpdates=true} adds kill points
 * inside the delivery of each order update to the engine. {@code -Dorb.crash.kills=N} (default 10) and {@code -Dorb.crash.seed=S}.
 */
class CrashRestartTest {
    private static final LocalDate DAY = LocalDate.of(2024, 6, 3);

    @TempDir
    Path dir;

    @Test
    void sigkillAtRandomPoints_thenRestart_endsLikeAnUninterruptedDay() throws Exception {
        int kills = Integer.getInteger("orb.crash.kills", 10);
        long seed = Long.getLong("orb.crash.seed", 42);
        NyseCalendar calendar = NyseCalendar.standard();
        Path data = dir.resolve("data");
        SyntheticMarket.create(GeneratorConfig.of(LocalDate.of(2024, 3, 18), DAY, 100, 1), calendar).writeTo(data);

        Path reference = prepare("reference", data, calendar);
        assertThat(runChild(reference, data, -1)).as("uninterrupted run").isTrue();
        long calls = Long.parseLong(Files.readString(reference.resolve("calls")));

        // kill points: broker call points, before or after a call takes effect, so each run advances by about
        // 1/kills of the day on average; deterministic for a seed (the child is deterministic given its inputs)
        Path crashed = prepare("crashed", data, calendar);
        Random random = new Random(seed);
        int killed = 0;
        int attempts = 0;
        while (killed < kills && attempts < kills * 3) {
            attempts++;
            long at = 1 + (long) (random.nextDouble() * 2.0 * calls / kills);
            if (!runChild(crashed, data, at)) {
                killed++;
                assertEveryPositionProtected(crashed, data, killed);
            } else {
                break; // the day finished before the kill point: nothing left to interrupt
            }
        }
        while (!Files.exists(crashed.resolve("done"))) {
            assertThat(runChild(crashed, data, -1)).as("final run").isTrue();
        }
        System.out.printf("crash test: %d kills in %d runs (seed %d, %d broker call points in a day)%n", killed,
                attempts, seed, calls);
        assertThat(killed).as("kills before the day ended").isGreaterThanOrEqualTo(kills / 2);

        Outcome ref = outcome(reference);
        Outcome got = outcome(crashed);
        assertThat(got.submitted).as("one broker order per intent").doesNotHaveDuplicates();
        assertThat(got.trades).as("same trades as without crashes").isEqualTo(ref.trades);
        assertThat(got.filled).as("every fill recorded once").isEqualTo(got.brokerFilled);
        assertThat(got.flat).as("flat at EOD").isTrue();
        assertThat(got.allStopped).as("every trade had a protective stop").isTrue();
        assertThat(got.allClosed).as("every trade closed").isTrue();
        assertThat(ref.trades).as("the day traded").isNotEmpty();
    }

    /** At the broker, as the killed process left it: each open position has a working stop order. */
    private static void assertEveryPositionProtected(Path run, Path data, int kill) throws IOException {
        Path log = run.resolve("broker.log");
        if (!Files.exists(log)) {
            return;
        }
        Path copy = run.resolve("check.log");
        Files.copy(log, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var bars = CrashChild.byStart(FlatFileDataset.open(data).readMinutes(
                NyseCalendar.standard().session(DAY).orElseThrow()));
        ManualClock clock = ManualClock.at(DAY, LocalTime.of(8, 0));
        DurableBroker broker = new DurableBroker(new SimulatedBroker(clock, FillModel.defaults(), DAY,
                CrashChild.EQUITY, OrbConfig.defaults().maxLeverage()), clock, copy,
                t -> bars.getOrDefault(t, List.of()));
        List<Order> open = new ArrayList<>();
        for (Order o : broker.openOrders()) {
            open.add(o);
            open.addAll(o.legs());
        }
        for (Position p : broker.positions()) {
            assertThat(open).as("kill %d: a working stop for %s", kill, p.symbol()).anySatisfy(o -> {
                assertThat(o.symbol()).isEqualTo(p.symbol());
                assertThat(o.type()).isEqualTo(OrderType.STOP);
                assertThat(o.status().isTerminal()).isFalse();
            });
        }
    }

    private Path prepare(String name, Path data, NyseCalendar calendar) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        ManualClock clock = ManualClock.at(DAY, LocalTime.of(8, 0));
        try (JdbcStorage storage = JdbcStorage.create(JdbcConfig.h2File(run.resolve("db")))) {
            NightlySync.builder(new FlatFileMarketData(FlatFileDataset.open(data), calendar, clock), storage, calendar,
                    clock).config(OrbConfig.defaults()).build().run(DAY);
        }
        return run;
    }

    /**
     * Runs the child until it ends; it sends itself SIGKILL at broker call point {@code killAt} when ≥ 1.
     *
     * @return true when it finished the day, false when it was killed
     */
    private static boolean runChild(Path run, Path data, long killAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), run.resolve("db").toString(), data.toString(),
                run.resolve("broker.log").toString(), DAY.toString(), Long.toString(killAt),
                Boolean.toString(Boolean.getBoolean("orb.crash.inUpdates")))
                .redirectErrorStream(true).redirectOutput(run.resolve("child.out").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        if (p.exitValue() == 137) {
            return false; // 128 + SIGKILL
        }
        assertThat(p.exitValue()).as(Files.readString(run.resolve("child.out"))).isZero();
        return true;
    }

    private record Outcome(List<String> submitted, List<String> trades, Map<String, Long> filled,
                           Map<String, Long> brokerFilled, boolean flat, boolean allStopped, boolean allClosed) {
    }

    private static Outcome outcome(Path run) throws IOException {
        NyseCalendar calendar = NyseCalendar.standard();
        List<String> lines = Files.readAllLines(run.resolve("broker.log"), StandardCharsets.UTF_8);
        FlatFileDataset dataset = FlatFileDataset.open(run.getParent().resolve("data"));
        var bars = CrashChild.byStart(dataset.readMinutes(calendar.session(DAY).orElseThrow()));
        ManualClock clock = ManualClock.at(DAY, LocalTime.of(8, 0));
        Path copy = run.resolve("replay.log");
        Files.write(copy, lines, StandardCharsets.UTF_8);
        DurableBroker broker = new DurableBroker(new SimulatedBroker(clock, FillModel.defaults(), DAY,
                CrashChild.EQUITY, OrbConfig.defaults().maxLeverage()), clock, copy,
                t -> bars.getOrDefault(t, List.of()));
        Map<String, Long> brokerFilled = new TreeMap<>();
        Map<String, Long> filled = new TreeMap<>();
        List<String> trades = new ArrayList<>();
        boolean allStopped = true;
        boolean allClosed = true;
        try (JdbcStorage storage = JdbcStorage.create(JdbcConfig.h2File(run.resolve("db")))) {
            for (OrderRecord o : storage.orders(DAY)) {
                if (o.purpose() == OrderPurpose.ENTRY) {
                    filled.put(o.clientOrderId().value(), o.filledQuantity());
                    brokerFilled.put(o.clientOrderId().value(), broker.orderByClientOrderId(o.clientOrderId())
                            .map(b -> b.filledQuantity()).orElse(0L));
                }
            }
            for (TradeRecord t : storage.trades(DAY, DAY)) {
                trades.add(t.symbol() + " " + t.direction() + " " + t.shares() + " @" + t.fillPrice() + " -> "
                        + t.exitPrice() + " " + t.exitReason() + " " + t.pnl());
                allStopped &= t.stopPrice() != null;
                allClosed &= t.exitTime() != null;
            }
        }
        Set<String> sorted = new HashSet<>(trades);
        List<String> tradeList = new ArrayList<>(new java.util.TreeSet<>(sorted));
        return new Outcome(DurableBroker.submittedIds(lines), tradeList, filled, brokerFilled,
                broker.positions().isEmpty(), allStopped, allClosed);
    }
}
