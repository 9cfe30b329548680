package dev.orb.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the performance metrics. */
class PerformanceMetricsProperties {
    private static final BigDecimal START = new BigDecimal("25000.00");

    @Provide
    Arbitrary<List<BigDecimal>> positiveEquityPaths() {
        return Arbitraries.longs().between(1, 1_000_000_000L).map(cents -> BigDecimal.valueOf(cents, 2))
                .list().ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<BigDecimal>> increments() {
        return Arbitraries.longs().between(0, 100_000_00L).map(cents -> BigDecimal.valueOf(cents, 2))
                .list().ofMaxSize(300);
    }

    /** Session P&amp;L in dollars at the ten-thousandth (commissions of $0.0035/share make sub-cent amounts). */
    @Provide
    Arbitrary<List<BigDecimal>> sessionPnls() {
        return Arbitraries.longs().between(-500_0000L, 500_0000L).map(u -> BigDecimal.valueOf(u, 4))
                .list().ofMaxSize(250);
    }

    @Provide
    Arbitrary<double[]> returns() {
        return Arbitraries.doubles().between(-0.2, 0.2).ofScale(6).array(double[].class).ofMinSize(2).ofMaxSize(300);
    }

    @Provide
    Arbitrary<Double> factors() {
        return Arbitraries.doubles().between(0.001, 1000).ofScale(6);
    }

    @Property
    void maxDrawdownOfAPositiveEquityPathIsBetween0And1(@ForAll("positiveEquityPaths") List<BigDecimal> path) {
        assertThat(PerformanceMetrics.maxDrawdown(START, path)).isBetween(0.0, 1.0);
    }

    @Property
    void maxDrawdownOfANonDecreasingPathIsZero(@ForAll("increments") List<BigDecimal> increments) {
        List<BigDecimal> path = new ArrayList<>();
        BigDecimal equity = START;
        for (BigDecimal inc : increments) {
            equity = equity.add(inc);
            path.add(equity);
        }
        assertThat(PerformanceMetrics.maxDrawdown(START, path)).isZero();
    }

    @Property
    void sharpeIsInvariantUnderScalingReturnsByAPositiveConstant(@ForAll("returns") double[] returns,
            @ForAll("factors") double c) {
        double[] scaled = new double[returns.length];
        for (int i = 0; i < returns.length; i++) {
            scaled[i] = returns[i] * c;
        }
        double a = PerformanceMetrics.sharpe(returns);
        double b = PerformanceMetrics.sharpe(scaled);
        if (Double.isNaN(a)) {
            assertThat(b).isNaN();
        } else {
            assertThat(b).isCloseTo(a, offset(1e-9 * Math.max(1, Math.abs(a))));
        }
    }

    @Property
    void sortinoIsInvariantUnderScalingAndHasTheSignOfTheMean(@ForAll("returns") double[] returns,
            @ForAll("factors") double c) {
        double[] scaled = new double[returns.length];
        double sum = 0;
        for (int i = 0; i < returns.length; i++) {
            scaled[i] = returns[i] * c;
            sum += returns[i];
        }
        double a = PerformanceMetrics.sortino(returns);
        double b = PerformanceMetrics.sortino(scaled);
        if (Double.isNaN(a)) {
            assertThat(b).isNaN();
        } else {
            assertThat(b).isCloseTo(a, offset(1e-9 * Math.max(1, Math.abs(a))));
            assertThat(Math.signum(a)).isEqualTo(Math.signum(sum));
        }
    }

    @Property
    void endEquityIsStartPlusTheSumOfSessionPnlExactly(@ForAll("sessionPnls") List<BigDecimal> pnls) {
        List<SessionResult> sessions = new ArrayList<>();
        BigDecimal equity = START;
        BigDecimal sum = BigDecimal.ZERO;
        LocalDate date = LocalDate.of(2024, 1, 2);
        for (BigDecimal pnl : pnls) {
            // keep equity positive, as a real account would be margin-called long before zero
            if (equity.add(pnl).signum() <= 0) {
                continue;
            }
            SessionResult s = new SessionResult(date, equity, pnl);
            sessions.add(s);
            equity = s.endEquity();
            sum = sum.add(pnl);
            date = date.plusDays(1);
        }
        PerformanceReport r = PerformanceMetrics.compute(START, sessions, pnls);
        assertThat(r.endEquity()).isEqualTo(START.add(sum));
        assertThat(r.sessions()).isEqualTo(sessions.size());
        assertThat(r.totalReturn()).isCloseTo(START.add(sum).doubleValue() / START.doubleValue() - 1,
                offset(1e-12));
        assertThat(r.maxDrawdown()).isBetween(0.0, 1.0);
        assertThat(r.wins() + r.losses()).isLessThanOrEqualTo(r.trades());
        if (r.trades() > 0) {
            assertThat(r.winRate()).isBetween(0.0, 1.0);
        }
    }

    @Property
    void profitFactorAboveOneExactlyWhenTradesNetPositive(@ForAll @Size(max = 50) List<@DoubleRange(min = -1000,
            max = 1000) Double> raw) {
        List<BigDecimal> trades = raw.stream().map(x -> BigDecimal.valueOf(Math.round(x * 100), 2)).toList();
        PerformanceReport r = PerformanceMetrics.compute(START, List.of(), trades);
        BigDecimal net = trades.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (r.losses() > 0 && r.wins() > 0) {
            assertThat(r.profitFactor() > 1).isEqualTo(net.signum() > 0);
            assertThat(r.profitFactor() < 1).isEqualTo(net.signum() < 0);
        }
    }
}
