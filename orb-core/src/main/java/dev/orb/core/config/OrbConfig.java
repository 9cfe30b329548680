package dev.orb.core.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every parameter of the ORB strategy and of its risk controls, immutable and validated as a whole.
 *
 * <p>{@link #defaults()} gives the values of strategy.md and safety.md; {@link #builder()} changes some of them.
 * {@link Builder#build()} reports every invalid key at once in a {@link ConfigException}. Money and ratios that
 * enter order prices or sizes are exact {@link BigDecimal}s. Keys in the Javadoc ({@code sizing.riskPerTrade})
 * are the names used in configuration files.
 */
public final class OrbConfig {
    public static final int DEFAULT_ATR_PERIOD = 14;
    public static final AtrMethod DEFAULT_ATR_METHOD = AtrMethod.SIMPLE;
    public static final BigDecimal DEFAULT_UNIVERSE_MIN_PRICE = new BigDecimal("5.00");
    public static final BigDecimal DEFAULT_UNIVERSE_MIN_AVG_VOLUME = new BigDecimal("1000000");
    public static final BigDecimal DEFAULT_UNIVERSE_MIN_ATR = new BigDecimal("0.50");
    public static final int DEFAULT_OR_MINUTES = 5;
    public static final RvolMethod DEFAULT_RVOL_METHOD = RvolMethod.OPENING_RANGE;
    public static final int DEFAULT_RVOL_LOOKBACK = 14;
    public static final BigDecimal DEFAULT_SCAN_MIN_RVOL = new BigDecimal("1.0");
    public static final int DEFAULT_SCAN_TOP_N = 20;
    public static final int DEFAULT_SCAN_MAX_DELAY_MINUTES = 10;
    public static final BigDecimal DEFAULT_STOP_ATR_FRACTION = new BigDecimal("0.10");
    public static final StopAnchor DEFAULT_STOP_ANCHOR = StopAnchor.PLANNED_ENTRY;
    public static final BigDecimal DEFAULT_RISK_PER_TRADE = new BigDecimal("0.01");
    public static final BigDecimal DEFAULT_MAX_LEVERAGE = new BigDecimal("4");
    public static final int DEFAULT_EOD_MINUTES_BEFORE_CLOSE = 5;
    public static final BigDecimal DEFAULT_MAX_DAILY_LOSS = new BigDecimal("0.05");
    public static final int DEFAULT_MAX_POSITIONS = 5;
    public static final BigDecimal DEFAULT_PDT_EQUITY_THRESHOLD = new BigDecimal("25000");
    public static final int DEFAULT_PDT_MAX_DAY_TRADES = 3;
    public static final BigDecimal DEFAULT_MIN_EQUITY_TO_SHORT = new BigDecimal("2000");

    /** Opening-range lengths the strategy supports. */
    public static final List<Integer> SUPPORTED_OR_MINUTES = List.of(5, 15, 30, 60);

    private static final OrbConfig DEFAULTS = builder().build();

    private final int atrPeriod;
    private final AtrMethod atrMethod;
    private final BigDecimal universeMinPrice;
    private final BigDecimal universeMinAvgVolume;
    private final BigDecimal universeMinAtr;
    private final int openingRangeMinutes;
    private final RvolMethod rvolMethod;
    private final int rvolLookback;
    private final BigDecimal scanMinRvol;
    private final int scanTopN;
    private final int scanMaxDelayMinutes;
    private final BigDecimal stopAtrFraction;
    private final StopAnchor stopAnchor;
    private final BigDecimal riskPerTrade;
    private final BigDecimal maxLeverage;
    private final int eodMinutesBeforeClose;
    private final boolean dailyLossLimitEnabled;
    private final BigDecimal maxDailyLoss;
    private final boolean flattenOnDailyLoss;
    private final int maxPositions;
    private final BigDecimal pdtEquityThreshold;
    private final int pdtMaxDayTrades;
    private final BigDecimal minEquityToShort;

    private OrbConfig(Builder b) {
        atrPeriod = b.atrPeriod;
        atrMethod = b.atrMethod;
        universeMinPrice = b.universeMinPrice;
        universeMinAvgVolume = b.universeMinAvgVolume;
        universeMinAtr = b.universeMinAtr;
        openingRangeMinutes = b.openingRangeMinutes;
        rvolMethod = b.rvolMethod;
        rvolLookback = b.rvolLookback;
        scanMinRvol = b.scanMinRvol;
        scanTopN = b.scanTopN;
        scanMaxDelayMinutes = b.scanMaxDelayMinutes;
        stopAtrFraction = b.stopAtrFraction;
        stopAnchor = b.stopAnchor;
        riskPerTrade = b.riskPerTrade;
        maxLeverage = b.maxLeverage;
        eodMinutesBeforeClose = b.eodMinutesBeforeClose;
        dailyLossLimitEnabled = b.dailyLossLimitEnabled;
        maxDailyLoss = b.maxDailyLoss;
        flattenOnDailyLoss = b.flattenOnDailyLoss;
        maxPositions = b.maxPositions;
        pdtEquityThreshold = b.pdtEquityThreshold;
        pdtMaxDayTrades = b.pdtMaxDayTrades;
        minEquityToShort = b.minEquityToShort;
    }

    /** The documented defaults. */
    public static OrbConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@code atr.period}: true ranges averaged into ATR (14). A symbol needs period + 1 previous sessions. */
    public int atrPeriod() {
        return atrPeriod;
    }

    /** {@code atr.method}: SIMPLE (default) or WILDER. */
    public AtrMethod atrMethod() {
        return atrMethod;
    }

    /** {@code universe.minPrice}: minimum previous close ($5.00). */
    public BigDecimal universeMinPrice() {
        return universeMinPrice;
    }

    /** {@code universe.minAvgVolume}: minimum 14-day average volume (1,000,000 shares). */
    public BigDecimal universeMinAvgVolume() {
        return universeMinAvgVolume;
    }

    /** {@code universe.minAtr}: minimum ATR14 ($0.50). */
    public BigDecimal universeMinAtr() {
        return universeMinAtr;
    }

    /** {@code or.minutes}: opening-range length N, one of 5, 15, 30, 60 (5). */
    public int openingRangeMinutes() {
        return openingRangeMinutes;
    }

    /** {@code rvol.method}: OPENING_RANGE (default) or DAILY_APPROX. */
    public RvolMethod rvolMethod() {
        return rvolMethod;
    }

    /** {@code rvol.lookback}: previous sessions averaged for OPENING_RANGE RVOL (14). */
    public int rvolLookback() {
        return rvolLookback;
    }

    /** {@code scan.minRvol}: minimum relative volume of a candidate (1.0), compared exactly. */
    public BigDecimal scanMinRvol() {
        return scanMinRvol;
    }

    /** {@code scan.topN}: candidates taken, by RVOL (20). Also the divisor of the leverage cap in sizing. */
    public int scanTopN() {
        return scanTopN;
    }

    /**
     * {@code scan.maxDelayMinutes}: how long after the end of the opening range a scan may still place entries
     * (10). A process started later than that reconciles but sends no new entries that day.
     */
    public int scanMaxDelayMinutes() {
        return scanMaxDelayMinutes;
    }

    /** {@code stop.atrFraction}: protective stop distance as a fraction of ATR14 (0.10). */
    public BigDecimal stopAtrFraction() {
        return stopAtrFraction;
    }

    /** {@code stop.anchor}: PLANNED_ENTRY (default) or FILL_PRICE. */
    public StopAnchor stopAnchor() {
        return stopAnchor;
    }

    /** {@code sizing.riskPerTrade}: fraction of start-of-day equity risked per trade, in (0, 0.05] (0.01). */
    public BigDecimal riskPerTrade() {
        return riskPerTrade;
    }

    /** {@code sizing.maxLeverage}: gross notional cap as a multiple of equity, in (0, 4] (4). */
    public BigDecimal maxLeverage() {
        return maxLeverage;
    }

    /** {@code eod.minutesBeforeClose}: minutes before the close when everything is flattened (5). */
    public int eodMinutesBeforeClose() {
        return eodMinutesBeforeClose;
    }

    /** {@code risk.dailyLossLimitEnabled}: whether the daily loss limit engages the kill switch (true). */
    public boolean dailyLossLimitEnabled() {
        return dailyLossLimitEnabled;
    }

    /** {@code risk.maxDailyLoss}: loss, as a fraction of start-of-day equity, that engages the kill switch (0.05). */
    public BigDecimal maxDailyLoss() {
        return maxDailyLoss;
    }

    /** {@code risk.flattenOnDailyLoss}: also flatten everything when the daily loss limit is breached (false). */
    public boolean flattenOnDailyLoss() {
        return flattenOnDailyLoss;
    }

    /** {@code risk.maxPositions}: hard limit on open positions plus working entries (5). */
    public int maxPositions() {
        return maxPositions;
    }

    /** {@code risk.pdtEquityThreshold}: below this previous-day equity the pattern-day-trader rule applies ($25,000). */
    public BigDecimal pdtEquityThreshold() {
        return pdtEquityThreshold;
    }

    /** {@code risk.pdtMaxDayTrades}: day trades allowed in five business days under the PDT rule (3). */
    public int pdtMaxDayTrades() {
        return pdtMaxDayTrades;
    }

    /** {@code risk.minEquityToShort}: equity needed to sell short ($2,000). */
    public BigDecimal minEquityToShort() {
        return minEquityToShort;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrbConfig c && toString().equals(c.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "OrbConfig{atr.period=" + atrPeriod + ", atr.method=" + atrMethod
                + ", universe.minPrice=" + universeMinPrice.toPlainString()
                + ", universe.minAvgVolume=" + universeMinAvgVolume.toPlainString()
                + ", universe.minAtr=" + universeMinAtr.toPlainString() + ", or.minutes=" + openingRangeMinutes
                + ", rvol.method=" + rvolMethod + ", rvol.lookback=" + rvolLookback
                + ", scan.minRvol=" + scanMinRvol.toPlainString() + ", scan.topN=" + scanTopN
                + ", scan.maxDelayMinutes=" + scanMaxDelayMinutes
                + ", stop.atrFraction=" + stopAtrFraction.toPlainString() + ", stop.anchor=" + stopAnchor
                + ", sizing.riskPerTrade=" + riskPerTrade.toPlainString()
                + ", sizing.maxLeverage=" + maxLeverage.toPlainString()
                + ", eod.minutesBeforeClose=" + eodMinutesBeforeClose
                + ", risk.dailyLossLimitEnabled=" + dailyLossLimitEnabled
                + ", risk.maxDailyLoss=" + maxDailyLoss.toPlainString()
                + ", risk.flattenOnDailyLoss=" + flattenOnDailyLoss + ", risk.maxPositions=" + maxPositions
                + ", risk.pdtEquityThreshold=" + pdtEquityThreshold.toPlainString()
                + ", risk.pdtMaxDayTrades=" + pdtMaxDayTrades
                + ", risk.minEquityToShort=" + minEquityToShort.toPlainString() + "}";
    }

    /** Mutable builder; {@link #build()} validates every key. Not thread-safe. */
    public static final class Builder {
        private int atrPeriod = DEFAULT_ATR_PERIOD;
        private AtrMethod atrMethod = DEFAULT_ATR_METHOD;
        private BigDecimal universeMinPrice = DEFAULT_UNIVERSE_MIN_PRICE;
        private BigDecimal universeMinAvgVolume = DEFAULT_UNIVERSE_MIN_AVG_VOLUME;
        private BigDecimal universeMinAtr = DEFAULT_UNIVERSE_MIN_ATR;
        private int openingRangeMinutes = DEFAULT_OR_MINUTES;
        private RvolMethod rvolMethod = DEFAULT_RVOL_METHOD;
        private int rvolLookback = DEFAULT_RVOL_LOOKBACK;
        private BigDecimal scanMinRvol = DEFAULT_SCAN_MIN_RVOL;
        private int scanTopN = DEFAULT_SCAN_TOP_N;
        private int scanMaxDelayMinutes = DEFAULT_SCAN_MAX_DELAY_MINUTES;
        private BigDecimal stopAtrFraction = DEFAULT_STOP_ATR_FRACTION;
        private StopAnchor stopAnchor = DEFAULT_STOP_ANCHOR;
        private BigDecimal riskPerTrade = DEFAULT_RISK_PER_TRADE;
        private BigDecimal maxLeverage = DEFAULT_MAX_LEVERAGE;
        private int eodMinutesBeforeClose = DEFAULT_EOD_MINUTES_BEFORE_CLOSE;
        private boolean dailyLossLimitEnabled = true;
        private BigDecimal maxDailyLoss = DEFAULT_MAX_DAILY_LOSS;
        private boolean flattenOnDailyLoss = false;
        private int maxPositions = DEFAULT_MAX_POSITIONS;
        private BigDecimal pdtEquityThreshold = DEFAULT_PDT_EQUITY_THRESHOLD;
        private int pdtMaxDayTrades = DEFAULT_PDT_MAX_DAY_TRADES;
        private BigDecimal minEquityToShort = DEFAULT_MIN_EQUITY_TO_SHORT;

        private Builder() {
        }

        private Builder(OrbConfig c) {
            atrPeriod = c.atrPeriod;
            atrMethod = c.atrMethod;
            universeMinPrice = c.universeMinPrice;
            universeMinAvgVolume = c.universeMinAvgVolume;
            universeMinAtr = c.universeMinAtr;
            openingRangeMinutes = c.openingRangeMinutes;
            rvolMethod = c.rvolMethod;
            rvolLookback = c.rvolLookback;
            scanMinRvol = c.scanMinRvol;
            scanTopN = c.scanTopN;
            scanMaxDelayMinutes = c.scanMaxDelayMinutes;
            stopAtrFraction = c.stopAtrFraction;
            stopAnchor = c.stopAnchor;
            riskPerTrade = c.riskPerTrade;
            maxLeverage = c.maxLeverage;
            eodMinutesBeforeClose = c.eodMinutesBeforeClose;
            dailyLossLimitEnabled = c.dailyLossLimitEnabled;
            maxDailyLoss = c.maxDailyLoss;
            flattenOnDailyLoss = c.flattenOnDailyLoss;
            maxPositions = c.maxPositions;
            pdtEquityThreshold = c.pdtEquityThreshold;
            pdtMaxDayTrades = c.pdtMaxDayTrades;
            minEquityToShort = c.minEquityToShort;
        }

        public Builder atrPeriod(int v) {
            atrPeriod = v;
            return this;
        }

        public Builder atrMethod(AtrMethod v) {
            atrMethod = v;
            return this;
        }

        public Builder universeMinPrice(BigDecimal v) {
            universeMinPrice = v;
            return this;
        }

        public Builder universeMinAvgVolume(BigDecimal v) {
            universeMinAvgVolume = v;
            return this;
        }

        public Builder universeMinAtr(BigDecimal v) {
            universeMinAtr = v;
            return this;
        }

        public Builder openingRangeMinutes(int v) {
            openingRangeMinutes = v;
            return this;
        }

        public Builder rvolMethod(RvolMethod v) {
            rvolMethod = v;
            return this;
        }

        public Builder rvolLookback(int v) {
            rvolLookback = v;
            return this;
        }

        public Builder scanMinRvol(BigDecimal v) {
            scanMinRvol = v;
            return this;
        }

        public Builder scanTopN(int v) {
            scanTopN = v;
            return this;
        }

        public Builder scanMaxDelayMinutes(int v) {
            scanMaxDelayMinutes = v;
            return this;
        }

        public Builder stopAtrFraction(BigDecimal v) {
            stopAtrFraction = v;
            return this;
        }

        public Builder stopAnchor(StopAnchor v) {
            stopAnchor = v;
            return this;
        }

        public Builder riskPerTrade(BigDecimal v) {
            riskPerTrade = v;
            return this;
        }

        public Builder maxLeverage(BigDecimal v) {
            maxLeverage = v;
            return this;
        }

        public Builder eodMinutesBeforeClose(int v) {
            eodMinutesBeforeClose = v;
            return this;
        }

        public Builder dailyLossLimitEnabled(boolean v) {
            dailyLossLimitEnabled = v;
            return this;
        }

        public Builder maxDailyLoss(BigDecimal v) {
            maxDailyLoss = v;
            return this;
        }

        public Builder flattenOnDailyLoss(boolean v) {
            flattenOnDailyLoss = v;
            return this;
        }

        public Builder maxPositions(int v) {
            maxPositions = v;
            return this;
        }

        public Builder pdtEquityThreshold(BigDecimal v) {
            pdtEquityThreshold = v;
            return this;
        }

        public Builder pdtMaxDayTrades(int v) {
            pdtMaxDayTrades = v;
            return this;
        }

        public Builder minEquityToShort(BigDecimal v) {
            minEquityToShort = v;
            return this;
        }

        /**
         * Validates every key and builds.
         *
         * @throws ConfigException naming each invalid key, its value and the rule
         */
        public OrbConfig build() {
            List<String> p = new ArrayList<>();
            range(p, "atr.period", atrPeriod, 1, 250);
            notNull(p, "atr.method", atrMethod);
            nonNegative(p, "universe.minPrice", universeMinPrice);
            nonNegative(p, "universe.minAvgVolume", universeMinAvgVolume);
            nonNegative(p, "universe.minAtr", universeMinAtr);
            if (!SUPPORTED_OR_MINUTES.contains(openingRangeMinutes)) {
                p.add("or.minutes: " + openingRangeMinutes + " must be one of " + SUPPORTED_OR_MINUTES);
            }
            notNull(p, "rvol.method", rvolMethod);
            range(p, "rvol.lookback", rvolLookback, 1, 250);
            nonNegative(p, "scan.minRvol", scanMinRvol);
            range(p, "scan.topN", scanTopN, 1, 1000);
            range(p, "scan.maxDelayMinutes", scanMaxDelayMinutes, 0, 390);
            openUnit(p, "stop.atrFraction", stopAtrFraction, new BigDecimal("10"));
            notNull(p, "stop.anchor", stopAnchor);
            openUnit(p, "sizing.riskPerTrade", riskPerTrade, new BigDecimal("0.05"));
            openUnit(p, "sizing.maxLeverage", maxLeverage, new BigDecimal("4"));
            range(p, "eod.minutesBeforeClose", eodMinutesBeforeClose, 1, 120);
            openUnit(p, "risk.maxDailyLoss", maxDailyLoss, BigDecimal.ONE);
            range(p, "risk.maxPositions", maxPositions, 1, 1000);
            nonNegative(p, "risk.pdtEquityThreshold", pdtEquityThreshold);
            range(p, "risk.pdtMaxDayTrades", pdtMaxDayTrades, 0, 100);
            nonNegative(p, "risk.minEquityToShort", minEquityToShort);
            if (!p.isEmpty()) {
                throw new ConfigException(p);
            }
            return new OrbConfig(this);
        }

        private static void range(List<String> p, String key, int v, int min, int max) {
            if (v < min || v > max) {
                p.add(key + ": " + v + " must be in " + min + ".." + max);
            }
        }

        private static void notNull(List<String> p, String key, Object v) {
            if (Objects.isNull(v)) {
                p.add(key + ": must be set");
            }
        }

        private static void nonNegative(List<String> p, String key, BigDecimal v) {
            if (v == null) {
                p.add(key + ": must be set");
            } else if (v.signum() < 0) {
                p.add(key + ": " + v.toPlainString() + " must not be negative");
            }
        }

        /** v in (0, max]. */
        private static void openUnit(List<String> p, String key, BigDecimal v, BigDecimal max) {
            if (v == null) {
                p.add(key + ": must be set");
            } else if (v.signum() <= 0 || v.compareTo(max) > 0) {
                p.add(key + ": " + v.toPlainString() + " must be in (0, " + max.toPlainString() + "]");
            }
        }
    }
}
