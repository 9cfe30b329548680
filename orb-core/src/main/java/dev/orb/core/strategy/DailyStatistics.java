package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.orb.core.config.AtrMethod;
import dev.orb.core.config.OrbConfig;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;

/**
 * The nightly statistics of strategy.md §1: true range, ATR, average volume and previous close.
 *
 * <h2>Precision</h2>
 * True ranges are exact (differences of prices). ATR is kept at scale {@value #ATR_SCALE}, rounded
 * {@link RoundingMode#HALF_EVEN}. For SIMPLE this is exact enough to decide the half-up tick rounding of the stop
 * {@code entry ∓ fraction × ATR} (strategy.md §6) the way exact rational arithmetic would: the true offset
 * {@code fraction × ΣTR / period} lies on a grid of {@code 1 / (period × 10^9 × 10^k)} ({@code k} = decimals of
 * the fraction), so a true offset that is not on a half tick is at least about 10<sup>-12</sup> × 10<sup>-k</sup>
 * away from one, while the stored ATR is off by at most 0.5 × 10<sup>-20</sup>. A true offset exactly on a half
 * tick is recovered exactly as well: when the fraction's numerator shares no prime factor other than 2 and 5 with
 * the period (the default 0.10 with period 14), such an ATR is a terminating decimal of at most 16 places and
 * stored exactly; otherwise {@link OrderPlanner#protectiveStop} snaps the offset to 18 decimals, which removes the
 * ≤ 5 × 10<sup>-20</sup> error. WILDER rounds at every step; its error stays below period × 0.5 × 10<sup>-20</sup>
 * because each step shrinks the previous error by (period − 1) / period.
 *
 * <p>{@code avgVolume14} is kept at scale {@value #VOLUME_SCALE}: a mean of whole shares over at most 250 days is
 * at least 1/250 away from the next whole number unless it is one, so comparing it with a whole-share threshold
 * is decided exactly.
 *
 * <p>Stateless and thread-safe.
 */
public final class DailyStatistics {
    /** Decimal places of the ATR. */
    public static final int ATR_SCALE = 20;
    /** Decimal places of the average volume. */
    public static final int VOLUME_SCALE = 4;

    private DailyStatistics() {
    }

    /**
     * {@code TR = max(H − L, |H − prevClose|, |L − prevClose|)}, exact, in dollars.
     *
     * @param bar           the day's bar
     * @param previousClose the close of the session before {@code bar}
     */
    public static BigDecimal trueRange(DailyBar bar, Price previousClose) {
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(previousClose, "previousClose");
        return BigDecimal.valueOf(trueRangeNanos(bar, previousClose.nanos()), Price.SCALE);
    }

    /**
     * The statistics of {@code symbol} for trading day {@code session}.
     *
     * <p>{@code previous} holds the symbol's daily bars of the sessions strictly before {@code session}, oldest
     * first; only the most recent ones are used (all of them for WILDER). The caller is responsible for passing
     * bars of consecutive sessions: a session missing from the data cannot be detected here (backtest-semantics.md
     * makes such a symbol ineligible).
     *
     * <ul>
     *   <li>SIMPLE: ATR = mean of the last {@code atrPeriod} true ranges (each uses the close of the bar before).
     *   <li>WILDER: the true ranges of all consecutive pairs; seeded with the simple mean of the first
     *       {@code atrPeriod}, then {@code atr = (atr × (period − 1) + TR) / period} for each later one. With
     *       exactly {@code atrPeriod + 1} bars it equals SIMPLE.
     *   <li>avgVolume14 = mean volume of the last {@code atrPeriod} bars; prevClose = close of the last bar.
     * </ul>
     *
     * @return empty when {@code previous} has fewer than {@code atrPeriod + 1} bars (ineligible, strategy.md §1)
     * @throws InvalidValueException if a bar is of another symbol, dates are not strictly increasing, or a bar is
     *     not before {@code session}; the message names the symbol and the date
     */
    public static Optional<DailyStats> compute(Symbol symbol, LocalDate session, List<DailyBar> previous,
                                               OrbConfig config) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(config, "config");
        validate(symbol, session, previous);
        int period = config.atrPeriod();
        int n = previous.size();
        if (n < period + 1) {
            return Optional.empty();
        }
        BigDecimal divisor = BigDecimal.valueOf(period);
        BigDecimal atr;
        if (config.atrMethod() == AtrMethod.WILDER) {
            atr = sumOfTrueRanges(previous, 1, period).divide(divisor, ATR_SCALE, RoundingMode.HALF_EVEN);
            BigDecimal keep = BigDecimal.valueOf(period - 1L);
            for (int i = period + 1; i < n; i++) {
                BigDecimal tr = BigDecimal.valueOf(trueRangeNanos(previous.get(i), previous.get(i - 1).close().nanos()),
                        Price.SCALE);
                atr = atr.multiply(keep).add(tr).divide(divisor, ATR_SCALE, RoundingMode.HALF_EVEN);
            }
        } else {
            atr = sumOfTrueRanges(previous, n - period, n - 1).divide(divisor, ATR_SCALE, RoundingMode.HALF_EVEN);
        }
        BigDecimal volume = BigDecimal.ZERO;
        for (int i = n - period; i < n; i++) {
            volume = volume.add(BigDecimal.valueOf(previous.get(i).volume()));
        }
        BigDecimal avgVolume = volume.divide(divisor, VOLUME_SCALE, RoundingMode.HALF_EVEN);
        return Optional.of(new DailyStats(symbol, session, atr, avgVolume, previous.get(n - 1).close()));
    }

    /** Σ TR of bars {@code from..to} (inclusive), each against the close of the bar before it; exact. */
    private static BigDecimal sumOfTrueRanges(List<DailyBar> bars, int from, int to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i <= to; i++) {
            sum = sum.add(BigDecimal.valueOf(trueRangeNanos(bars.get(i), bars.get(i - 1).close().nanos()), Price.SCALE));
        }
        return sum;
    }

    private static long trueRangeNanos(DailyBar bar, long previousClose) {
        long high = bar.high().nanos();
        long low = bar.low().nanos();
        // Differences of two positive longs cannot overflow.
        return Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    }

    private static void validate(Symbol symbol, LocalDate session, List<DailyBar> previous) {
        LocalDate last = null;
        for (DailyBar bar : previous) {
            Objects.requireNonNull(bar, "previous contains null");
            if (!bar.symbol().equals(symbol)) {
                throw new InvalidValueException("DailyStatistics: bar of " + bar.symbol() + " on " + bar.date()
                        + " among the bars of " + symbol);
            }
            if (!bar.date().isBefore(session)) {
                throw new InvalidValueException("DailyStatistics: bar of " + symbol + " on " + bar.date()
                        + " is not before the session " + session);
            }
            if (last != null && !bar.date().isAfter(last)) {
                throw new InvalidValueException("DailyStatistics: bar of " + symbol + " on " + bar.date()
                        + " does not follow " + last + " (dates must be strictly increasing)");
            }
            last = bar.date();
        }
    }
}
