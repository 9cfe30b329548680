package dev.orb.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.domain.InvalidValueException;
import dev.orb.sim.synth.GenerationSummary;
import dev.orb.sim.synth.GeneratorConfig;
import dev.orb.sim.synth.SyntheticMarket;

/** {@code orb generate-data}: a deterministic synthetic market written as Polygon flat files. */
@Command(name = "generate-data", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a seeded synthetic market in Polygon's flat-file layout (NYSE sessions).")
final class GenerateDataCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Flat-file root to write")
    Path out;

    @Option(names = "--symbols", paramLabel = "N", description = "Number of symbols (default: ${DEFAULT-VALUE})")
    int symbols = GeneratorConfig.DEFAULT_SYMBOLS;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First date (ISO)")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last date (ISO)")
    LocalDate to;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed = GeneratorConfig.DEFAULT_SEED;

    @Override
    public Integer call() {
        SyntheticMarket market;
        try {
            market = SyntheticMarket.create(GeneratorConfig.of(from, to, symbols, seed), NyseCalendar.standard());
        } catch (InvalidValueException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid option: " + e.getMessage());
        }
        GenerationSummary s = market.writeTo(out);
        spec.commandLine().getOut().printf("generated %d sessions (%s..%s) x %d symbols under %s: %,d minute rows"
                        + " (%,d regular-session bars), %,d day rows%n", s.sessions(),
                market.sessions().get(0).date(), market.sessions().get(s.sessions() - 1).date(), s.symbols(), out,
                s.minuteRows(), s.regularBars(), s.dailyRows());
        return 0;
    }
}
