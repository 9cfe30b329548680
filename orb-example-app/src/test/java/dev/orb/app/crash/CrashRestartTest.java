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
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.TradeRecord;
import dev.orb.sim.backtest.SimulatedBroker;
import dev.orb.sim.fill.FillModel;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.synth.GeneratorConfig;
import dev.orb.sim.synth.SyntheticMarket;

/**
 * Kills a trading day with SIGKILL at seeded random points, restarts it each time, and checks the outcome against
 * an uninterrupted run of the same day: one order per intent, every fill recorded once, every trade with a stop,
 * flat at EOD, and the same trades. {@code -Dorb.crash.kills=N} (default 10) and {@code -Dorb.crash.seed=S}.
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
        long t0 = System.nanoTime();
        Process first = startChild(reference, data);
        while (!Files.exists(reference.resolve("started")) && first.isAlive()) {
            Thread.sleep(5);
        }
        long startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(reference.resolve("child.out"))).isZero();
        long fullMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // each run progresses by about 1/kills of the day's work on average, and some die while starting up
        long work = Math.max(50, fullMillis - startupMillis);

        Path crashed = prepare("crashed", data, calendar);
        Random random = new Random(seed);
        int killed = 0;
        int attempts = 0;
        while (killed < kills && attempts < kills * 3) {
            attempts++;
            long at = (long) (startupMillis * (0.6 + 0.4 * random.nextDouble())
                    + random.nextDouble() * 2.0 * work / kills);
            if (!runChild(crashed, data, at)) {
                killed++;
            } else {
                break; // the day finished before the kill: nothing left to interrupt
            }
        }
        while (!Files.exists(crashed.resolve("done"))) {
            assertThat(runChild(crashed, data, -1)).as("final run").isTrue();
        }
        System.out.printf("crash test: %d kills in %d runs (seed %d, uninterrupted run %d ms, start-up %d ms)%n",
                killed, attempts, seed, fullMillis, startupMillis);
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

    private Path prepare(String name, Path data, NyseCalendar calendar) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        ManualClock clock = ManualClock.at(DAY, LocalTime.of(8, 0));
        try (JdbcStorage storage = JdbcStorage.create(JdbcConfig.h2File(run.resolve("db")))) {
            NightlySync.builder(new FlatFileMarketData(FlatFileDataset.open(data), calendar, clock), storage, calendar,
                    clock).config(OrbConfig.defaults()).build().run(DAY);
        }
        return run;
    }

    private static Process startChild(Path run, Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), run.resolve("db").toString(), data.toString(),
                run.resolve("broker.log").toString(), DAY.toString())
                .redirectErrorStream(true).redirectOutput(run.resolve("child.out").toFile()).start();
    }

    /** Runs the child; kills it after {@code killAfterMillis} when ≥ 0. Returns whether it finished by itself. */
    private static boolean runChild(Path run, Path data, long killAfterMillis) throws Exception {
        Process p = startChild(run, data);
        if (killAfterMillis >= 0 && !p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly(); // SIGKILL
            p.waitFor();
            return false;
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
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
