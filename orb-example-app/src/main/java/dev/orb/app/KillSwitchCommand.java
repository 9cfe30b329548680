package dev.orb.app;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.domain.KillSwitchState;
import dev.orb.ports.OrbClock;

/**
 * {@code orb kill-switch on|off --reason R --operator NAME}: sets the persisted kill switch. The engine reads it
 * when a session starts; while {@code orb run} is running (it holds the H2 database), use the dashboard's switch.
 */
@Command(name = "kill-switch", mixinStandardHelpOptions = true,
        description = "Engage (on) or release (off) the persisted kill switch.")
final class KillSwitchCommand implements Callable<Integer> {
    /** The switch's position. */
    enum Position { ON, OFF }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    AppOptions app;

    @Parameters(index = "0", paramLabel = "on|off", description = "on engages, off releases")
    Position position;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (journaled)")
    String reason;

    @Option(names = "--operator", required = true, paramLabel = "NAME", description = "Who")
    String operator;

    @Override
    public Integer call() {
        if (reason.isBlank() || operator.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reason and --operator must not be blank");
        }
        AppConfig config = app.config();
        try (JdbcStorage storage = app.openStorage(config)) {
            KillSwitchState before = storage.killSwitch();
            KillSwitchState after = new KillSwitchState(position == Position.ON, "operator:" + operator,
                    OrbClock.system().now(), reason);
            storage.saveKillSwitch(after);
            spec.commandLine().getOut().printf("kill switch %s (was %s) by %s: %s%n",
                    after.engaged() ? "ENGAGED" : "released", before.engaged() ? "engaged" : "released",
                    after.by(), reason);
        }
        return 0;
    }
}
