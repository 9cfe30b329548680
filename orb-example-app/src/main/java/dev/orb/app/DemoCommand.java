package dev.orb.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.orb.app.demo.Demo;
import dev.orb.app.demo.DemoOptions;
import dev.orb.domain.InvalidValueException;
import dev.orb.sim.synth.GeneratorConfig;

/**
 * {@code orb demo} (and {@code orb} without arguments): replays generated or given flat-file sessions through the
 * live scheduler, the session engine and a simulated broker at an accelerated speed, with the dashboard on
 * {@code http://localhost:8080/}. Runs until interrupted (Ctrl-C), or until the replay ends with
 * {@code --exit-after-replay}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Replay a simulated market through the real engine, with the dashboard (no keys needed).")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "H2 database directory (default: ~/.orb)")
    Path db;

    @Option(names = "--data", paramLabel = "DIR", description = "Flat files to replay (default: generate them)")
    Path data;

    @Option(names = "--from", paramLabel = "DATE", description = "First session to replay (default: ${DEFAULT-VALUE},"
            + " or the session after the database's last one)")
    LocalDate from = Demo.DEFAULT_FROM;

    @Option(names = "--days", paramLabel = "N", description = "Sessions to replay (default: ${DEFAULT-VALUE})")
    int days = 5;

    @Option(names = "--symbols", paramLabel = "N", description = "Symbols generated (default: ${DEFAULT-VALUE})")
    int symbols = GeneratorConfig.DEFAULT_SYMBOLS;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generated market (default: ${DEFAULT-VALUE})")
    long seed = GeneratorConfig.DEFAULT_SEED;

    @Option(names = "--speed", paramLabel = "X",
            description = "Simulated seconds per wall second (default: ${DEFAULT-VALUE})")
    double speed = 60;

    @Option(names = "--equity", paramLabel = "USD", description = "Starting equity (default: ${DEFAULT-VALUE})")
    BigDecimal equity = new BigDecimal("100000");

    @Option(names = "--host", paramLabel = "ADDR",
            description = "Interface the dashboard binds to (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Dashboard port (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--exit-after-replay", description = "Stop when the last session has been replayed")
    boolean exitAfterReplay;

    @Override
    public Integer call() throws InterruptedException {
        DemoOptions options;
        try {
            Path dir = db != null ? db : Path.of(System.getProperty("user.home"), ".orb");
            options = new DemoOptions(dir, Optional.ofNullable(data), from, days, symbols, seed, speed, equity,
                    host, port);
        } catch (InvalidValueException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid option: " + e.getMessage());
        }
        Demo demo = Demo.start(options, spec.commandLine().getOut());
        Thread hook = new Thread(demo::close, "orb-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            boolean done = false;
            while (!done) {
                done = demo.awaitReplay(Duration.ofMinutes(1));
            }
            spec.commandLine().getOut().println("orb demo: replay finished"
                    + (exitAfterReplay ? "" : "; the dashboard stays up until Ctrl-C"));
            spec.commandLine().getOut().flush();
            if (!exitAfterReplay) {
                demo.awaitClosed();
            }
        } finally {
            demo.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting and runs the hook anyway: close() is idempotent
            }
        }
        return 0;
    }
}
