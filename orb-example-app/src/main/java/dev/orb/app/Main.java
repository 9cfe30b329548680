package dev.orb.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.orb.core.config.ConfigException;
import dev.orb.domain.OrbException;

/**
 * {@code orb}: the command line. Each subcommand is its own class listed here ({@code demo}, {@code run},
 * {@code sync}, {@code scan}, {@code status}, {@code kill-switch}, {@code flatten}, {@code backtest}, {@code generate-data});
 * without arguments it runs {@code demo}. Exit codes: 0 success, 1 the command failed (bad data, I/O), 2 bad usage (unknown option, invalid
 * value); errors are one line on stderr naming the file and line or the option.
 */
@Command(name = "orb", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Opening-range-breakout day trading: a demo on a simulated market, backtests over Polygon flat files.",
        subcommands = {DemoCommand.class, RunCommand.class, SyncCommand.class, ScanCommand.class, StatusCommand.class,
                KillSwitchCommand.class, FlattenCommand.class, BacktestCommand.class, GenerateDataCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** The command failed: bad input data or an I/O error. */
    public static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line in this JVM (for tests and embedding), writing to {@code out} and {@code err}.
     *
     * @return the exit code: 0 success, 1 failed, 2 bad usage
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv(), System.in);
    }

    /**
     * Runs the command line with an explicit environment (configuration overrides and keys) and standard input
     * (the live-trading confirmation).
     *
     * @return the exit code: 0 success, 1 failed, 2 bad usage
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, InputStream in) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(in, "in");
        String[] effective = args.length == 0 ? new String[] {"demo"} : args;
        PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cmd = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == AppOptions.class) {
                    return cls.cast(new AppOptions(env));
                }
                if (cls == RunCommand.class) {
                    return cls.cast(new RunCommand(in));
                }
                return defaults.create(cls);
            }
        });
        cmd.setOut(o);
        cmd.setErr(e);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("orb " + commandLine.getCommandName() + ": " + describe(ex));
            commandLine.getErr().flush();
            return EXIT_FAILED;
        });
        int code = cmd.execute(effective);
        o.flush();
        e.flush();
        return code;
    }

    /** Without a subcommand: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String describe(Exception ex) {
        if (ex instanceof ConfigException c) {
            return "invalid configuration: " + String.join("; ", c.problems());
        }
        if (ex instanceof OrbException || ex instanceof java.io.IOException
                || ex instanceof java.io.UncheckedIOException) {
            return ex.getMessage();
        }
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"orb " + (v != null ? v : "development")};
        }
    }
}
