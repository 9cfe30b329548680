package dev.orb.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.config.AtrMethod;
import dev.orb.core.config.ConfigException;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.RvolMethod;
import dev.orb.core.metrics.PerformanceReport;
import dev.orb.domain.InvalidValueException;
import dev.orb.ports.OrbClock;
import dev.orb.sim.backtest.BacktestConfig;
import dev.orb.sim.backtest.BacktestListener;
import dev.orb.sim.backtest.BacktestResult;
import dev.orb.sim.backtest.BacktestRunner;
import dev.orb.sim.fill.FillConfig;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.report.HtmlReport;
import dev.orb.sim.report.ReportJson;
import dev.orb.sim.report.TradesCsv;

/** {@code orb backtest}: replays Polygon flat files through the session engine (docs/backtest.md). */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Backtests the ORB strategy over Polygon flat files (day_aggs_v1 and minute_aggs_v1).")
final class BacktestCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestCommand.class);
    private static final int WARNINGS_SHOWN = 20;
    /** OrbConfig keys and FillConfig fields by the option that sets them, for error messages. */
    private static final Map<String, String> OPTION_OF_KEY = Map.of(
            "scan.topN", "--top-n", "risk.maxPositions", "--max-positions", "sizing.riskPerTrade", "--risk",
            "sizing.maxLeverage", "--max-leverage", "stop.atrFraction", "--stop-atr", "or.minutes", "--or-minutes",
            "risk.maxDailyLoss", "--max-daily-loss", "FillConfig.slippageBps", "--slippage-bps",
            "FillConfig.commissionPerShare", "--commission-per-share", "BacktestConfig.startEquity", "--equity");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Flat-file root: DIR/us_stocks_sip/{day,minute}_aggs_v1/YYYY/MM/YYYY-MM-DD.csv.gz")
    Path data;

    @Option(names = "--from", paramLabel = "DATE", description = "First session (ISO date); default: the first file")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last session (ISO date); default: the last file")
    LocalDate to;

    @Option(names = "--equity", paramLabel = "USD", description = "Starting equity (default: ${DEFAULT-VALUE})")
    BigDecimal equity = BacktestConfig.DEFAULT_START_EQUITY;

    @Option(names = "--top-n", paramLabel = "N", description = "Candidates taken per session (default: ${DEFAULT-VALUE})")
    int topN = OrbConfig.DEFAULT_SCAN_TOP_N;

    @Option(names = "--max-positions", paramLabel = "N",
            description = "Open positions + working entries limit (default: the top-n)")
    Integer maxPositions;

    @Option(names = "--risk", paramLabel = "F", description = "Risk per trade, fraction of equity (default: ${DEFAULT-VALUE})")
    BigDecimal risk = OrbConfig.DEFAULT_RISK_PER_TRADE;

    @Option(names = "--max-leverage", paramLabel = "X", description = "Leverage cap (default: ${DEFAULT-VALUE})")
    BigDecimal maxLeverage = OrbConfig.DEFAULT_MAX_LEVERAGE;

    @Option(names = "--stop-atr", paramLabel = "F", description = "Stop distance as a fraction of ATR14 (default: ${DEFAULT-VALUE})")
    BigDecimal stopAtr = OrbConfig.DEFAULT_STOP_ATR_FRACTION;

    @Option(names = "--or-minutes", paramLabel = "N", description = "Opening range: 5, 15, 30 or 60 minutes (default: ${DEFAULT-VALUE})")
    int orMinutes = OrbConfig.DEFAULT_OR_MINUTES;

    @Option(names = "--rvol-method", paramLabel = "M", description = "OPENING_RANGE or DAILY_APPROX (default: ${DEFAULT-VALUE})")
    RvolMethod rvolMethod = OrbConfig.DEFAULT_RVOL_METHOD;

    @Option(names = "--atr-method", paramLabel = "M", description = "SIMPLE or WILDER (default: ${DEFAULT-VALUE})")
    AtrMethod atrMethod = OrbConfig.DEFAULT_ATR_METHOD;

    @Option(names = "--commission-per-share", paramLabel = "USD", description = "Per share per side (default: ${DEFAULT-VALUE})")
    BigDecimal commissionPerShare = FillConfig.DEFAULT_COMMISSION_PER_SHARE;

    @Option(names = "--slippage-bps", paramLabel = "BPS", description = "Slippage against the trader (default: ${DEFAULT-VALUE})")
    BigDecimal slippageBps = FillConfig.DEFAULT_SLIPPAGE_BPS;

    @Option(names = "--max-daily-loss", paramLabel = "F",
            description = "Daily loss limit as a fraction of start-of-day equity (default: off)")
    BigDecimal maxDailyLoss;

    @Option(names = "--read-ahead", paramLabel = "N",
            description = "Sessions read in parallel ahead of the simulation, 0.." + BacktestConfig.MAX_READ_AHEAD
                    + " (default: cores + 1, at most " + BacktestConfig.MAX_READ_AHEAD + ")")
    Integer readAhead;

    @Option(names = "--progress", negatable = true,
            description = "Progress bar on stderr (default: only when stderr is a terminal)")
    Boolean progress;

    @Option(names = "--trades-csv", paramLabel = "FILE", description = "Write the trades CSV")
    Path tradesCsv;

    @Option(names = "--report-json", paramLabel = "FILE", description = "Write the report JSON")
    Path reportJson;

    @Option(names = "--report-html", paramLabel = "FILE", description = "Write the self-contained HTML report")
    Path reportHtml;

    @Override
    public Integer call() throws Exception {
        BacktestConfig config = config();
        FlatFileDataset dataset = FlatFileDataset.open(data);
        OrbClock clock = OrbClock.system();
        long started = clock.monotonicNanos();
        boolean showProgress = progress != null ? progress : ProgressBar.stderrIsTerminal();
        BacktestListener listener = showProgress ? new ProgressBar(spec.commandLine().getErr(), clock)
                : BacktestListener.NONE;
        BacktestResult result = new BacktestRunner(config, NyseCalendar.standard()).run(dataset, listener);
        long elapsed = clock.monotonicNanos() - started;
        try (OutputFiles outputs = new OutputFiles()) {
            if (tradesCsv != null) {
                outputs.stage(tradesCsv, w -> TradesCsv.write(result.trades(), w));
            }
            if (reportJson != null) {
                outputs.stage(reportJson, w -> ReportJson.write(result, w));
            }
            if (reportHtml != null) {
                outputs.stage(reportHtml, w -> HtmlReport.write(result, w));
            }
            outputs.commit();
        }
        List<String> warnings = result.warnings();
        for (int i = 0; i < Math.min(WARNINGS_SHOWN, warnings.size()); i++) {
            LOG.warn("{}", warnings.get(i));
        }
        spec.commandLine().getOut().println(summary(result, elapsed));
        return 0;
    }

    private BacktestConfig config() {
        OrbConfig.Builder strategy = BacktestConfig.strategyDefaults()
                .scanTopN(topN)
                .maxPositions(maxPositions != null ? maxPositions : topN)
                .riskPerTrade(risk)
                .maxLeverage(maxLeverage)
                .stopAtrFraction(stopAtr)
                .openingRangeMinutes(orMinutes)
                .rvolMethod(rvolMethod)
                .atrMethod(atrMethod);
        if (maxDailyLoss != null) {
            strategy.dailyLossLimitEnabled(true).maxDailyLoss(maxDailyLoss);
        }
        try {
            return new BacktestConfig(strategy.build(), new FillConfig(slippageBps, commissionPerShare), equity, from,
                    to, readAhead != null ? readAhead : BacktestConfig.defaultReadAhead());
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid option: "
                    + String.join("; ", e.problems().stream().map(BacktestCommand::withOption).toList()));
        } catch (InvalidValueException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid option: " + withOption(e.getMessage()));
        }
    }

    /** Prefixes a problem of a configuration key with the option that sets it. */
    private static String withOption(String problem) {
        for (Map.Entry<String, String> e : OPTION_OF_KEY.entrySet()) {
            if (problem.startsWith(e.getKey() + ":")) {
                return e.getValue() + " (" + problem + ")";
            }
        }
        if (problem.startsWith("BacktestConfig.from")) {
            return "--from/--to (" + problem + ")";
        }
        if (problem.startsWith("BacktestConfig.readAhead")) {
            return "--read-ahead (" + problem + ")";
        }
        return problem;
    }

    private static String summary(BacktestResult result, long elapsedNanos) {
        PerformanceReport r = result.report();
        double seconds = elapsedNanos / 1e9;
        return String.format(Locale.ROOT, "backtest %s..%s: %d sessions (%d warm-up), %d trades, end equity %s"
                        + " (%+.2f%%), sharpe %s, max drawdown %.2f%%, %d warnings; %,d minute rows in %.2f s"
                        + " (%.2f M rows/s)",
                result.runSessions().get(0), result.runSessions().get(result.runSessions().size() - 1),
                result.runSessions().size(), result.warmupSessions(), r.trades(), r.endEquity().toPlainString(),
                r.totalReturn() * 100, Double.isFinite(r.sharpe()) ? String.format(Locale.ROOT, "%.2f", r.sharpe())
                        : "n/a", r.maxDrawdown() * 100, result.warningCount(), result.minuteRows(), seconds,
                seconds > 0 ? result.minuteRows() / seconds / 1e6 : 0.0);
    }
}
