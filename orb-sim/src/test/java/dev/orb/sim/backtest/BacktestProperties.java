package dev.orb.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.TimeInForce;
import dev.orb.domain.TradingSession;
import dev.orb.sim.fill.FillConfig;
import dev.orb.sim.fill.FillModel;
import dev.orb.sim.fill.FillWindow;
import dev.orb.sim.fill.SimulatedTrade;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.flatfile.MinuteSeries;
import dev.orb.sim.report.ReportJson;
import dev.orb.sim.report.TradesCsv;

/**
 * Invariants of backtests over random markets ({@link RandomMarket}) and random configurations. Each try writes and
 * reads about 40 gzip files, so these properties run {@value #TRIES} tries rather than the build's default.
 */
class BacktestProperties {
    private static final int TRIES = 100;

    @Property(tries = TRIES)
    void sameDataAndConfig_giveByteIdenticalTradesAndReport(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int topN,
            @ForAll @BigRange(min = "0", max = "25") BigDecimal slippageBps) throws IOException {
        Path root = Files.createTempDirectory("orb-prop");
        try {
            FlatFileDataset data = RandomMarket.write(root, seed, 3);
            BacktestConfig config = config(topN, slippageBps, 1);
            BacktestResult first = new BacktestRunner(config, Fixture.NYSE).run(data, BacktestListener.NONE);
            BacktestResult second = new BacktestRunner(config(topN, slippageBps, 0), Fixture.NYSE)
                    .run(FlatFileDataset.open(root), BacktestListener.NONE);
            assertThat(csv(second)).isEqualTo(csv(first));
            assertThat(json(second)).isEqualTo(json(first));
        } finally {
            RandomMarket.delete(root);
        }
    }

    @Property(tries = TRIES)
    void endEquity_isStartPlusTheSumOfTradePnl_exactly_andEveryTradeIsWhatTheFillModelSays(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int topN, @ForAll @BigRange(min = "0", max = "25") BigDecimal slippageBps)
            throws IOException {
        Path root = Files.createTempDirectory("orb-prop");
        try {
            FlatFileDataset data = RandomMarket.write(root, seed, 3);
            BacktestConfig config = config(topN, slippageBps, 0);
            BacktestResult result = new BacktestRunner(config, Fixture.NYSE).run(data, BacktestListener.NONE);
            Statistics.label("trades").collect(result.trades().isEmpty() ? "none" : result.trades().size() < 4
                    ? "1-3" : "4+");
            Statistics.label("exits").collect(result.trades().stream().map(t -> t.exitReason().name()).distinct()
                    .sorted().toList().toString());
            BigDecimal sum = result.trades().stream().map(BacktestTrade::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(result.endEquity()).isEqualByComparingTo(config.startEquity().add(sum));
            assertThat(result.endEquity().compareTo(config.startEquity().add(sum))).isZero();
            FillModel model = FillModel.of(config.fills());
            OrbConfig strategy = config.strategy();
            for (BacktestTrade t : result.trades()) {
                // the event-driven broker and the engine agree with the pure fill rules, trade for trade
                TradingSession session = Fixture.NYSE.session(t.date()).orElseThrow();
                MinuteSeries bars = data.readMinutes(session).series(t.symbol()).orElseThrow();
                OrderIntent intent = new OrderIntent(ClientOrderId.of(t.date(), t.symbol(), OrderPurpose.ENTRY, 1),
                        t.date(), t.symbol(), t.direction(), t.entryPrice(), t.stopPrice(), t.shares(), TimeInForce.DAY);
                FillWindow window = new FillWindow(t.date(), SessionSchedule.scanTime(session, strategy),
                        SessionSchedule.eodTime(session, strategy));
                Optional<SimulatedTrade> expected = model.simulate(intent, bars, window);
                assertThat(expected).isPresent();
                SimulatedTrade e = expected.get();
                assertThat(t.fillTime()).isEqualTo(e.fillTime());
                assertThat(t.fillPrice()).isEqualByComparingTo(e.fillPrice().toBigDecimal());
                assertThat(t.exitTime()).isEqualTo(e.exitTime());
                assertThat(t.exitPrice()).isEqualByComparingTo(e.exitPrice().toBigDecimal());
                assertThat(t.exitReason()).isEqualTo(e.exitReason());
                assertThat(t.commission()).isEqualByComparingTo(e.commission());
                assertThat(t.pnl()).isEqualByComparingTo(e.pnl());
            }
        } finally {
            RandomMarket.delete(root);
        }
    }

    private static BacktestConfig config(int topN, BigDecimal slippageBps, int readAhead) {
        OrbConfig strategy = BacktestConfig.strategyDefaults().scanTopN(topN).maxPositions(topN)
                .universeMinAtr(new BigDecimal("0.05")).build();
        return new BacktestConfig(strategy, FillConfig.defaults().withSlippageBps(slippageBps),
                new BigDecimal("25000"), null, null, readAhead);
    }

    private static String csv(BacktestResult result) throws IOException {
        StringWriter out = new StringWriter();
        TradesCsv.write(result.trades(), out);
        return out.toString();
    }

    private static String json(BacktestResult result) throws IOException {
        StringWriter out = new StringWriter();
        ReportJson.write(result, out);
        return out.toString();
    }
}
