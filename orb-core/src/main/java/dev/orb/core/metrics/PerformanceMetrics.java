package dev.orb.core.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;

/**
 * The performance statistics of backtest-semantics.md "Outputs": returns, Sharpe and Sortino ratios, maximum
 * drawdown, win rate, profit factor and average win and loss.
 *
 * <p>Money stays exact ({@link BigDecimal}); ratios of money are taken with 16 significant digits
 * ({@link MathContext#DECIMAL64}, more than a double keeps) and the statistics are doubles. Undefined statistics
 * are {@link Double#NaN} or, for a profit factor with wins and no losses, {@link Double#POSITIVE_INFINITY}; see
 * {@link PerformanceReport}. Stateless and thread-safe.
 */
public final class PerformanceMetrics {
    /** Trading sessions per year, for annualising daily ratios. */
    public static final int SESSIONS_PER_YEAR = 252;
    /** Scale of {@link PerformanceReport#avgWin()} and {@link PerformanceReport#avgLoss()}, rounded half-even. */
    public static final int AVERAGE_SCALE = 10;

    static final MathContext RATIO = MathContext.DECIMAL64;
    private static final double ANNUALISE = Math.sqrt(SESSIONS_PER_YEAR);

    private PerformanceMetrics() {
    }

    /**
     * The performance of a run.
     *
     * @param startEquity equity at the start of the first session, dollars; positive
     * @param sessions    the measured trading sessions (after warm-up) in strictly increasing date order; each
     *                    must start with the equity the previous one ended with (the first with
     *                    {@code startEquity}), so that the report's end equity is exactly
     *                    {@code startEquity + Σ pnl}
     * @param tradePnls   the net pnl of every trade, dollars, in any order
     * @throws InvalidValueException when {@code startEquity} is not positive, the sessions are out of order or
     *                               do not chain
     */
    public static PerformanceReport compute(BigDecimal startEquity, List<SessionResult> sessions,
            List<BigDecimal> tradePnls) {
        requirePositive(startEquity, "startEquity");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(tradePnls, "tradePnls");

        double[] returns = new double[sessions.size()];
        List<BigDecimal> ends = new ArrayList<>(sessions.size());
        BigDecimal equity = startEquity;
        LocalDate previous = null;
        for (int i = 0; i < sessions.size(); i++) {
            SessionResult s = Objects.requireNonNull(sessions.get(i), "sessions contains null");
            if (previous != null && !s.session().isAfter(previous)) {
                throw new InvalidValueException("PerformanceMetrics.sessions: " + s.session()
                        + " does not come after " + previous);
            }
            if (s.startEquity().compareTo(equity) != 0) {
                throw new InvalidValueException("PerformanceMetrics.sessions: " + s.session() + " starts with equity "
                        + s.startEquity().toPlainString() + " but the run stood at " + equity.toPlainString());
            }
            returns[i] = s.dailyReturn();
            equity = s.endEquity();
            ends.add(equity);
            previous = s.session();
        }

        int wins = 0;
        int losses = 0;
        BigDecimal sumWins = BigDecimal.ZERO;
        BigDecimal sumLosses = BigDecimal.ZERO;
        for (BigDecimal pnl : tradePnls) {
            Objects.requireNonNull(pnl, "tradePnls contains null");
            if (pnl.signum() > 0) {
                wins++;
                sumWins = sumWins.add(pnl);
            } else if (pnl.signum() < 0) {
                losses++;
                sumLosses = sumLosses.add(pnl);
            }
        }
        int trades = tradePnls.size();
        return new PerformanceReport(startEquity, equity,
                equity.divide(startEquity, RATIO).subtract(BigDecimal.ONE).doubleValue(),
                trades, wins, losses,
                trades == 0 ? Double.NaN : (double) wins / trades,
                sharpe(returns), sortino(returns), maxDrawdown(startEquity, ends),
                profitFactor(sumWins, sumLosses),
                mean(sumWins, wins), mean(sumLosses, losses),
                sessions.size());
    }

    /**
     * The annualised Sharpe ratio, risk-free rate 0: {@code mean(r) / stdev(r) × √252} with the sample standard
     * deviation (n − 1).
     *
     * @param dailyReturns one return per session (0 on a day without trades), as fractions; finite
     * @return the ratio; NaN with fewer than two returns or when they are all equal (no deviation)
     */
    public static double sharpe(double[] dailyReturns) {
        requireFinite(dailyReturns);
        int n = dailyReturns.length;
        if (n < 2 || allEqual(dailyReturns)) {
            return Double.NaN;
        }
        double mean = mean(dailyReturns);
        double squares = 0;
        for (double r : dailyReturns) {
            squares += (r - mean) * (r - mean);
        }
        double stdev = Math.sqrt(squares / (n - 1));
        // Distinct returns whose deviations underflow have no measurable spread either.
        return stdev > 0 ? mean / stdev * ANNUALISE : Double.NaN;
    }

    /**
     * The annualised Sortino ratio, risk-free rate 0: {@code mean(r) / sqrt(mean(min(r, 0)²)) × √252}, the
     * downside mean taken over all returns.
     *
     * @param dailyReturns one return per session, as fractions; finite
     * @return the ratio; NaN without returns or without a negative return (no downside)
     */
    public static double sortino(double[] dailyReturns) {
        requireFinite(dailyReturns);
        int n = dailyReturns.length;
        if (n == 0) {
            return Double.NaN;
        }
        double downside = 0;
        for (double r : dailyReturns) {
            double d = Math.min(r, 0);
            downside += d * d;
        }
        double downsideDeviation = Math.sqrt(downside / n);
        return downsideDeviation > 0 ? mean(dailyReturns) / downsideDeviation * ANNUALISE : Double.NaN;
    }

    /**
     * The largest fall of equity from its running peak, as a positive fraction of that peak; the start equity is
     * the first peak. 0 when equity never falls below a previous peak (or the list is empty); above 1 only when
     * equity goes negative.
     *
     * @param startEquity       equity before the first session, dollars; positive
     * @param endOfSessionEquity equity at the end of each session, in order
     */
    public static double maxDrawdown(BigDecimal startEquity, List<BigDecimal> endOfSessionEquity) {
        requirePositive(startEquity, "startEquity");
        Objects.requireNonNull(endOfSessionEquity, "endOfSessionEquity");
        BigDecimal peak = startEquity;
        BigDecimal worst = BigDecimal.ZERO;
        for (BigDecimal e : endOfSessionEquity) {
            Objects.requireNonNull(e, "endOfSessionEquity contains null");
            if (e.compareTo(peak) > 0) {
                peak = e;
            } else {
                BigDecimal drawdown = peak.subtract(e).divide(peak, RATIO);
                if (drawdown.compareTo(worst) > 0) {
                    worst = drawdown;
                }
            }
        }
        return worst.doubleValue();
    }

    private static double profitFactor(BigDecimal sumWins, BigDecimal sumLosses) {
        if (sumLosses.signum() == 0) {
            return sumWins.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sumWins.divide(sumLosses.negate(), RATIO).doubleValue();
    }

    private static BigDecimal mean(BigDecimal sum, int count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), AVERAGE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static boolean allEqual(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static void requireFinite(double[] values) {
        Objects.requireNonNull(values, "dailyReturns");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidValueException("dailyReturns[" + i + "]: " + values[i] + " must be finite");
            }
        }
    }

    private static void requirePositive(BigDecimal value, String field) {
        Objects.requireNonNull(value, field);
        if (value.signum() <= 0) {
            throw new InvalidValueException("PerformanceMetrics." + field + ": " + value.toPlainString()
                    + " must be positive");
        }
    }
}
