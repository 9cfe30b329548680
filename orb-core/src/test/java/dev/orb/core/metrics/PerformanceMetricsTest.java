package dev.orb.core.metrics;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orb.domain.InvalidValueException;

class PerformanceMetricsTest {
    private static final BigDecimal START = new BigDecimal("100000");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** Chains sessions from {@code start}: each starts with the previous one's end equity. */
    private static List<SessionResult> chain(BigDecimal start, LocalDate first, String... pnls) {
        List<SessionResult> out = new ArrayList<>();
        BigDecimal equity = start;
        LocalDate date = first;
        for (String pnl : pnls) {
            SessionResult s = new SessionResult(date, equity, d(pnl));
            out.add(s);
            equity = s.endEquity();
            date = date.plusDays(1);
        }
        return out;
    }

    /*
     * Five sessions from 100,000, computed by hand:
     *   d  start       pnl        end          r_d = pnl/start   trades
     *   1  100000.000  +1000.000  101000.000   +0.01             +1200, −200
     *   2  101000.000  −2020.000   98980.000   −0.02             −2020
     *   3   98980.000      0.000   98980.000    0                0 (a scratch trade)
     *   4   98980.000  +2969.400  101949.400   +0.03             +2000, +969.40
     *   5  101949.400  −1019.494  100929.906   −0.01             −1019.494
     * mean r = 0.01/5 = 0.002; deviations .008 −.022 −.002 .028 −.012; squares sum 0.00148;
     * sample variance 0.00148/4 = 0.00037; sharpe = 0.002/√0.00037 × √252 = 1.650552733 (with the population
     * variance 0.000296 it would be 1.845374).
     * downside: squares 0, .0004, 0, 0, .0001 → mean over all five 0.0001 → √ = 0.01;
     * sortino = 0.002/0.01 × √252 = 3.174901573 (over the two negative days only it would be 2.007984).
     * drawdown: peak 101000 → 98980 is 2020/101000 = 0.02; new peak 101949.4 → 100929.906 is 0.01; max 0.02.
     * trades 7: wins 3 (Σ 4169.40), losses 3 (Σ −3239.494), one zero; win rate 3/7;
     * profit factor 4169.40/3239.494 = 1.287052854550742; avg win 1389.8; avg loss −1079.8313333333 (scale 10).
     * end 100929.906 = 100000 + 929.906; total return 0.00929906.
     */
    @Test
    void fiveSessionExample_matchesTheHandComputation() {
        List<SessionResult> sessions = chain(START, of(2024, 1, 2), "1000", "-2020", "0", "2969.40", "-1019.494");
        List<BigDecimal> trades = List.of(d("1200"), d("-200"), d("-2020"), d("0"), d("2000"), d("969.40"),
                d("-1019.494"));

        PerformanceReport r = PerformanceMetrics.compute(START, sessions, trades);

        assertThat(r.startEquity()).isEqualByComparingTo("100000");
        assertThat(r.endEquity()).isEqualByComparingTo("100929.906");
        assertThat(r.totalReturn()).isCloseTo(0.00929906, within(1e-15));
        assertThat(r.sessions()).isEqualTo(5);
        assertThat(r.trades()).isEqualTo(7);
        assertThat(r.wins()).isEqualTo(3);
        assertThat(r.losses()).isEqualTo(3);
        assertThat(r.winRate()).isCloseTo(3.0 / 7, within(1e-15));
        assertThat(r.sharpe()).isCloseTo(1.650552733, within(1e-9));
        assertThat(r.sortino()).isCloseTo(3.174901573, within(1e-9));
        assertThat(r.maxDrawdown()).isCloseTo(0.02, within(1e-15));
        assertThat(r.profitFactor()).isCloseTo(1.287052854550742, within(1e-14));
        assertThat(r.avgWin()).isEqualTo(d("1389.8000000000"));
        assertThat(r.avgLoss()).isEqualTo(d("-1079.8313333333"));
    }

    @Test
    void emptyRun_hasNoReturnNoDrawdownAndUndefinedRatios() {
        PerformanceReport r = PerformanceMetrics.compute(START, List.of(), List.of());
        assertThat(r.endEquity()).isEqualByComparingTo(START);
        assertThat(r.totalReturn()).isZero();
        assertThat(r.sessions()).isZero();
        assertThat(r.trades()).isZero();
        assertThat(r.winRate()).isNaN();
        assertThat(r.sharpe()).isNaN();
        assertThat(r.sortino()).isNaN();
        assertThat(r.maxDrawdown()).isZero();
        assertThat(r.profitFactor()).isNaN();
        assertThat(r.avgWin()).isNull();
        assertThat(r.avgLoss()).isNull();
    }

    @Test
    void sessionsWithoutTrades_haveUndefinedSharpeAndSortino() {
        PerformanceReport r = PerformanceMetrics.compute(START, chain(START, of(2024, 1, 2), "0", "0", "0"),
                List.of());
        assertThat(r.sharpe()).isNaN();
        assertThat(r.sortino()).isNaN();
        assertThat(r.maxDrawdown()).isZero();
        assertThat(r.sessions()).isEqualTo(3);
    }

    @Test
    void winsOnly_giveInfiniteProfitFactorNoAverageLossAndNoSortino() {
        PerformanceReport r = PerformanceMetrics.compute(START, chain(START, of(2024, 1, 2), "100", "0", "50"),
                List.of(d("100"), d("50")));
        assertThat(r.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.avgLoss()).isNull();
        assertThat(r.avgWin()).isEqualTo(d("75.0000000000"));
        assertThat(r.winRate()).isEqualTo(1.0);
        assertThat(r.sortino()).isNaN();
        assertThat(r.sharpe()).isPositive().isFinite();
    }

    @Test
    void lossesOnly_giveZeroProfitFactorAndZeroWinRate() {
        PerformanceReport r = PerformanceMetrics.compute(START, chain(START, of(2024, 1, 2), "-100", "-50"),
                List.of(d("-100"), d("-50")));
        assertThat(r.profitFactor()).isZero();
        assertThat(r.winRate()).isZero();
        assertThat(r.avgWin()).isNull();
        assertThat(r.avgLoss()).isEqualTo(d("-75.0000000000"));
        assertThat(r.sortino()).isNegative();
        // 100000 → 99900 → 99850: 150/100000 below the start, which is the first peak
        assertThat(r.maxDrawdown()).isCloseTo(0.0015, within(1e-15));
    }

    @Test
    void zeroPnlTrades_countAsTradesButNeitherWinsNorLosses() {
        PerformanceReport r = PerformanceMetrics.compute(START, chain(START, of(2024, 1, 2), "0"),
                List.of(d("0"), d("0.00")));
        assertThat(r.trades()).isEqualTo(2);
        assertThat(r.wins()).isZero();
        assertThat(r.losses()).isZero();
        assertThat(r.winRate()).isZero();
        assertThat(r.profitFactor()).isNaN();
    }

    @Test
    void averages_roundHalfEvenAtScale10() {
        // both means fall exactly half way at the 11th decimal; half-even rounds the loss to −2e-10 where
        // half-up would give −3e-10
        PerformanceReport r = PerformanceMetrics.compute(START, List.of(),
                List.of(d("0.0000000001"), d("0.0000000002"), d("-0.0000000001"), d("-0.0000000004")));
        assertThat(r.avgWin()).isEqualTo(d("0.0000000002")); // 0.00000000015 → even 2
        assertThat(r.avgLoss()).isEqualTo(d("-0.0000000002")); // −0.00000000025 → even 2
    }

    @Test
    void sharpe_ofASingleReturnOrEqualReturns_isUndefined() {
        assertThat(PerformanceMetrics.sharpe(new double[] {0.01})).isNaN();
        assertThat(PerformanceMetrics.sharpe(new double[] {})).isNaN();
        // the mean of three 0.1s is not exactly 0.1 in binary: a naive stdev is 1e-17, not 0
        assertThat(PerformanceMetrics.sharpe(new double[] {0.1, 0.1, 0.1})).isNaN();
    }

    @Test
    void sharpe_usesTheSampleStandardDeviation() {
        // r = 0.01, 0.03: mean 0.02, sample stdev √(2 × 0.0001 / 1) = 0.0141421356 → 1.4142136 × √252
        assertThat(PerformanceMetrics.sharpe(new double[] {0.01, 0.03}))
                .isCloseTo(Math.sqrt(2) * Math.sqrt(252), within(1e-9));
    }

    @Test
    void sortino_withoutNegativeReturns_isUndefined() {
        assertThat(PerformanceMetrics.sortino(new double[] {0.01, 0, 0.02})).isNaN();
        assertThat(PerformanceMetrics.sortino(new double[] {})).isNaN();
        // one loss of 0.02 among four days: downside √(0.0004/4) = 0.01, mean 0.01/4
        assertThat(PerformanceMetrics.sortino(new double[] {0.01, -0.02, 0.01, 0.01}))
                .isCloseTo(0.0025 / 0.01 * Math.sqrt(252), within(1e-12));
    }

    @Test
    void nonFiniteReturns_areRejectedNamingTheIndex() {
        assertThatThrownBy(() -> PerformanceMetrics.sharpe(new double[] {0.01, Double.NaN}))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("dailyReturns[1]");
        assertThatThrownBy(() -> PerformanceMetrics.sortino(new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("dailyReturns[0]");
    }

    @Test
    void maxDrawdown_measuresFromTheRunningPeakNotTheStart() {
        // 100 → 120 (peak) → 90: 30/120 = 0.25; then 200 (peak) → 160: 40/200 = 0.2
        assertThat(PerformanceMetrics.maxDrawdown(d("100"), List.of(d("120"), d("90"), d("200"), d("160"))))
                .isCloseTo(0.25, within(1e-15));
        // the start is the first peak
        assertThat(PerformanceMetrics.maxDrawdown(d("100"), List.of(d("80"), d("150"))))
                .isCloseTo(0.2, within(1e-15));
        assertThat(PerformanceMetrics.maxDrawdown(d("100"), List.of())).isZero();
        // negative equity loses more than the peak
        assertThat(PerformanceMetrics.maxDrawdown(d("100"), List.of(d("-50")))).isCloseTo(1.5, within(1e-15));
    }

    @Test
    void sessionsThatDoNotChain_areRejected() {
        List<SessionResult> gap = List.of(new SessionResult(of(2024, 1, 2), START, d("100")),
                new SessionResult(of(2024, 1, 3), d("100200"), d("0")));
        assertThatThrownBy(() -> PerformanceMetrics.compute(START, gap, List.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2024-01-03").hasMessageContaining("100200").hasMessageContaining("100100");
        List<SessionResult> wrongStart = List.of(new SessionResult(of(2024, 1, 2), d("99999"), d("0")));
        assertThatThrownBy(() -> PerformanceMetrics.compute(START, wrongStart, List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("99999");
    }

    @Test
    void chainingComparesValuesNotScale() {
        List<SessionResult> sessions = List.of(new SessionResult(of(2024, 1, 2), d("100000.00"), d("1.50")),
                new SessionResult(of(2024, 1, 3), d("100001.5"), d("0")));
        assertThat(PerformanceMetrics.compute(START, sessions, List.of()).endEquity()).isEqualByComparingTo("100001.5");
    }

    @Test
    void sessionsOutOfOrder_areRejected() {
        List<SessionResult> sessions = List.of(new SessionResult(of(2024, 1, 3), START, d("0")),
                new SessionResult(of(2024, 1, 3), START, d("0")));
        assertThatThrownBy(() -> PerformanceMetrics.compute(START, sessions, List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2024-01-03");
    }

    @Test
    void nonPositiveEquity_isRejected() {
        assertThatThrownBy(() -> PerformanceMetrics.compute(BigDecimal.ZERO, List.of(), List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("startEquity");
        assertThatThrownBy(() -> new SessionResult(of(2024, 1, 2), d("-1"), d("0")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("-1").hasMessageContaining("2024-01-02");
    }

    @Test
    void report_rejectsAveragesThatContradictTheCounts() {
        assertThatThrownBy(() -> new PerformanceReport(START, START, 0, 1, 1, 0, 1, Double.NaN, Double.NaN, 0,
                Double.POSITIVE_INFINITY, null, null, 1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("avgWin");
        assertThatThrownBy(() -> new PerformanceReport(START, START, 0, 1, 1, 1, 1, Double.NaN, Double.NaN, 0,
                Double.POSITIVE_INFINITY, d("1"), d("-1"), 1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("trades 1");
    }
}
