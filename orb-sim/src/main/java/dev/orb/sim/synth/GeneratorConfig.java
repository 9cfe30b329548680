package dev.orb.sim.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;

/**
 * The knobs of the synthetic market. Probabilities are per symbol and session unless said otherwise; every
 * default is a {@code DEFAULT_*} constant. Build with {@link #builder(LocalDate, LocalDate)}; {@link Builder#build()}
 * reports every invalid knob at once.
 *
 * @param from                        first date (inclusive); sessions come from the calendar
 * @param to                          last date (inclusive), not before {@code from}
 * @param symbols                     number of symbols, 1 to {@value #MAX_SYMBOLS}
 * @param seed                        seed of every random draw: same config, same calendar → same bytes
 * @param subDollarFraction           share of symbols that start below $1 (0.0001 tick)
 * @param subFiveFraction             share of symbols that start in [$1, $5)
 * @param minAnnualVolatility         lowest annualised volatility of a symbol (e.g. 0.2 = 20 %)
 * @param maxAnnualVolatility         highest; each symbol draws uniformly in between
 * @param minAverageVolume            lowest average regular-session daily volume of a symbol (shares)
 * @param maxAverageVolume            highest; each symbol draws log-uniformly in between
 * @param gapVolatilityRatio          overnight gap standard deviation as a fraction of the daily volatility
 * @param inPlayProbability           chance of an "in play" session: volume × U(min, max multiple), a trend and
 *                                    a news gap
 * @param inPlayMinVolumeMultiple     lowest volume multiple of an in-play session, ≥ 1
 * @param inPlayMaxVolumeMultiple     highest volume multiple of an in-play session
 * @param inPlayTrendDailyVolatilities mean size of an in-play session's drift, in daily volatilities
 * @param haltProbability             chance of a trading halt (a stretch without bars) in a session
 * @param haltMinMinutes              shortest halt, minutes
 * @param haltMaxMinutes              longest halt, minutes
 * @param haltToCloseFraction         share of halts that last until the close
 * @param missingMinuteProbability    mean chance that a regular-session minute has no bar (each symbol draws its
 *                                    own rate uniformly in [0, 2 × this])
 * @param listingFraction             share of symbols listed during the period (no bars before their listing)
 * @param extendedHours               whether pre-market (04:00 to the open) and post-market (the close to 4 h
 *                                    after it) bars are written
 * @param extendedHoursBarProbability chance that an extended-hours minute has a bar
 */
public record GeneratorConfig(LocalDate from, LocalDate to, int symbols, long seed, double subDollarFraction,
                              double subFiveFraction, double minAnnualVolatility, double maxAnnualVolatility,
                              long minAverageVolume, long maxAverageVolume, double gapVolatilityRatio,
                              double inPlayProbability, double inPlayMinVolumeMultiple, double inPlayMaxVolumeMultiple,
                              double inPlayTrendDailyVolatilities, double haltProbability, int haltMinMinutes,
                              int haltMaxMinutes, double haltToCloseFraction, double missingMinuteProbability,
                              double listingFraction, boolean extendedHours, double extendedHoursBarProbability) {
    /** Most symbols the ticker scheme supports (four letters). */
    public static final int MAX_SYMBOLS = 26 * 26 * 26 * 26;
    public static final int DEFAULT_SYMBOLS = 200;
    public static final long DEFAULT_SEED = 1;
    public static final double DEFAULT_SUB_DOLLAR_FRACTION = 0.05;
    public static final double DEFAULT_SUB_FIVE_FRACTION = 0.10;
    public static final double DEFAULT_MIN_ANNUAL_VOLATILITY = 0.20;
    public static final double DEFAULT_MAX_ANNUAL_VOLATILITY = 0.90;
    public static final long DEFAULT_MIN_AVERAGE_VOLUME = 200_000;
    public static final long DEFAULT_MAX_AVERAGE_VOLUME = 20_000_000;
    public static final double DEFAULT_GAP_VOLATILITY_RATIO = 0.5;
    public static final double DEFAULT_IN_PLAY_PROBABILITY = 0.04;
    public static final double DEFAULT_IN_PLAY_MIN_VOLUME_MULTIPLE = 3;
    public static final double DEFAULT_IN_PLAY_MAX_VOLUME_MULTIPLE = 10;
    public static final double DEFAULT_IN_PLAY_TREND_DAILY_VOLATILITIES = 2;
    public static final double DEFAULT_HALT_PROBABILITY = 0.01;
    public static final int DEFAULT_HALT_MIN_MINUTES = 5;
    public static final int DEFAULT_HALT_MAX_MINUTES = 90;
    public static final double DEFAULT_HALT_TO_CLOSE_FRACTION = 0.25;
    public static final double DEFAULT_MISSING_MINUTE_PROBABILITY = 0.02;
    public static final double DEFAULT_LISTING_FRACTION = 0.05;
    public static final boolean DEFAULT_EXTENDED_HOURS = true;
    public static final double DEFAULT_EXTENDED_HOURS_BAR_PROBABILITY = 0.15;

    public GeneratorConfig {
        List<String> problems = problems(from, to, symbols, subDollarFraction, subFiveFraction, minAnnualVolatility,
                maxAnnualVolatility, minAverageVolume, maxAverageVolume, gapVolatilityRatio, inPlayProbability,
                inPlayMinVolumeMultiple, inPlayMaxVolumeMultiple, inPlayTrendDailyVolatilities, haltProbability,
                haltMinMinutes, haltMaxMinutes, haltToCloseFraction, missingMinuteProbability, listingFraction,
                extendedHoursBarProbability);
        if (!problems.isEmpty()) {
            throw new InvalidValueException("GeneratorConfig: " + String.join("; ", problems));
        }
    }

    /** A builder over {@code [from, to]} with every other knob at its default. */
    public static Builder builder(LocalDate from, LocalDate to) {
        return new Builder(from, to);
    }

    /** {@code [from, to]}, {@code symbols} symbols, {@code seed}, everything else default. */
    public static GeneratorConfig of(LocalDate from, LocalDate to, int symbols, long seed) {
        return builder(from, to).symbols(symbols).seed(seed).build();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder(from, to);
        b.symbols = symbols;
        b.seed = seed;
        b.subDollarFraction = subDollarFraction;
        b.subFiveFraction = subFiveFraction;
        b.minAnnualVolatility = minAnnualVolatility;
        b.maxAnnualVolatility = maxAnnualVolatility;
        b.minAverageVolume = minAverageVolume;
        b.maxAverageVolume = maxAverageVolume;
        b.gapVolatilityRatio = gapVolatilityRatio;
        b.inPlayProbability = inPlayProbability;
        b.inPlayMinVolumeMultiple = inPlayMinVolumeMultiple;
        b.inPlayMaxVolumeMultiple = inPlayMaxVolumeMultiple;
        b.inPlayTrendDailyVolatilities = inPlayTrendDailyVolatilities;
        b.haltProbability = haltProbability;
        b.haltMinMinutes = haltMinMinutes;
        b.haltMaxMinutes = haltMaxMinutes;
        b.haltToCloseFraction = haltToCloseFraction;
        b.missingMinuteProbability = missingMinuteProbability;
        b.listingFraction = listingFraction;
        b.extendedHours = extendedHours;
        b.extendedHoursBarProbability = extendedHoursBarProbability;
        return b;
    }

    private static List<String> problems(LocalDate from, LocalDate to, int symbols, double subDollarFraction,
                                         double subFiveFraction, double minVol, double maxVol, long minAvgVolume,
                                         long maxAvgVolume, double gapRatio, double inPlay, double inPlayMin,
                                         double inPlayMax, double inPlayTrend, double halt, int haltMin, int haltMax,
                                         double haltToClose, double missing, double listing, double extendedBars) {
        List<String> p = new ArrayList<>();
        if (from == null || to == null) {
            p.add("from and to must not be null");
        } else if (to.isBefore(from)) {
            p.add("to " + to + " is before from " + from);
        }
        if (symbols < 1 || symbols > MAX_SYMBOLS) {
            p.add("symbols " + symbols + " must be in 1.." + MAX_SYMBOLS);
        }
        probability(p, "subDollarFraction", subDollarFraction);
        probability(p, "subFiveFraction", subFiveFraction);
        if (subDollarFraction + subFiveFraction > 1) {
            p.add("subDollarFraction + subFiveFraction " + (subDollarFraction + subFiveFraction) + " exceeds 1");
        }
        if (!(minVol > 0 && minVol <= maxVol && maxVol <= 5)) {
            p.add("volatility range [" + minVol + ", " + maxVol + "] must satisfy 0 < min <= max <= 5");
        }
        if (!(minAvgVolume >= 1 && minAvgVolume <= maxAvgVolume)) {
            p.add("average volume range [" + minAvgVolume + ", " + maxAvgVolume + "] must satisfy 1 <= min <= max");
        }
        if (!(gapRatio >= 0 && gapRatio <= 10)) {
            p.add("gapVolatilityRatio " + gapRatio + " must be in [0, 10]");
        }
        probability(p, "inPlayProbability", inPlay);
        if (!(inPlayMin >= 1 && inPlayMin <= inPlayMax && inPlayMax <= 1000)) {
            p.add("in-play volume multiples [" + inPlayMin + ", " + inPlayMax + "] must satisfy 1 <= min <= max <= 1000");
        }
        if (!(inPlayTrend >= 0 && inPlayTrend <= 20)) {
            p.add("inPlayTrendDailyVolatilities " + inPlayTrend + " must be in [0, 20]");
        }
        probability(p, "haltProbability", halt);
        if (haltMin < 1 || haltMin > haltMax) {
            p.add("halt minutes [" + haltMin + ", " + haltMax + "] must satisfy 1 <= min <= max");
        }
        probability(p, "haltToCloseFraction", haltToClose);
        if (!(missing >= 0 && missing <= 0.5)) {
            p.add("missingMinuteProbability " + missing + " must be in [0, 0.5]");
        }
        probability(p, "listingFraction", listing);
        probability(p, "extendedHoursBarProbability", extendedBars);
        return p;
    }

    private static void probability(List<String> problems, String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(name + " " + value + " must be in [0, 1]");
        }
    }

    /** Mutable builder; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final LocalDate from;
        private final LocalDate to;
        private int symbols = DEFAULT_SYMBOLS;
        private long seed = DEFAULT_SEED;
        private double subDollarFraction = DEFAULT_SUB_DOLLAR_FRACTION;
        private double subFiveFraction = DEFAULT_SUB_FIVE_FRACTION;
        private double minAnnualVolatility = DEFAULT_MIN_ANNUAL_VOLATILITY;
        private double maxAnnualVolatility = DEFAULT_MAX_ANNUAL_VOLATILITY;
        private long minAverageVolume = DEFAULT_MIN_AVERAGE_VOLUME;
        private long maxAverageVolume = DEFAULT_MAX_AVERAGE_VOLUME;
        private double gapVolatilityRatio = DEFAULT_GAP_VOLATILITY_RATIO;
        private double inPlayProbability = DEFAULT_IN_PLAY_PROBABILITY;
        private double inPlayMinVolumeMultiple = DEFAULT_IN_PLAY_MIN_VOLUME_MULTIPLE;
        private double inPlayMaxVolumeMultiple = DEFAULT_IN_PLAY_MAX_VOLUME_MULTIPLE;
        private double inPlayTrendDailyVolatilities = DEFAULT_IN_PLAY_TREND_DAILY_VOLATILITIES;
        private double haltProbability = DEFAULT_HALT_PROBABILITY;
        private int haltMinMinutes = DEFAULT_HALT_MIN_MINUTES;
        private int haltMaxMinutes = DEFAULT_HALT_MAX_MINUTES;
        private double haltToCloseFraction = DEFAULT_HALT_TO_CLOSE_FRACTION;
        private double missingMinuteProbability = DEFAULT_MISSING_MINUTE_PROBABILITY;
        private double listingFraction = DEFAULT_LISTING_FRACTION;
        private boolean extendedHours = DEFAULT_EXTENDED_HOURS;
        private double extendedHoursBarProbability = DEFAULT_EXTENDED_HOURS_BAR_PROBABILITY;

        private Builder(LocalDate from, LocalDate to) {
            this.from = Objects.requireNonNull(from, "from");
            this.to = Objects.requireNonNull(to, "to");
        }

        public Builder symbols(int value) {
            symbols = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder subDollarFraction(double value) {
            subDollarFraction = value;
            return this;
        }

        public Builder subFiveFraction(double value) {
            subFiveFraction = value;
            return this;
        }

        public Builder annualVolatility(double min, double max) {
            minAnnualVolatility = min;
            maxAnnualVolatility = max;
            return this;
        }

        public Builder averageVolume(long min, long max) {
            minAverageVolume = min;
            maxAverageVolume = max;
            return this;
        }

        public Builder gapVolatilityRatio(double value) {
            gapVolatilityRatio = value;
            return this;
        }

        public Builder inPlayProbability(double value) {
            inPlayProbability = value;
            return this;
        }

        public Builder inPlayVolumeMultiple(double min, double max) {
            inPlayMinVolumeMultiple = min;
            inPlayMaxVolumeMultiple = max;
            return this;
        }

        public Builder inPlayTrendDailyVolatilities(double value) {
            inPlayTrendDailyVolatilities = value;
            return this;
        }

        public Builder haltProbability(double value) {
            haltProbability = value;
            return this;
        }

        public Builder haltMinutes(int min, int max) {
            haltMinMinutes = min;
            haltMaxMinutes = max;
            return this;
        }

        public Builder haltToCloseFraction(double value) {
            haltToCloseFraction = value;
            return this;
        }

        public Builder missingMinuteProbability(double value) {
            missingMinuteProbability = value;
            return this;
        }

        public Builder listingFraction(double value) {
            listingFraction = value;
            return this;
        }

        public Builder extendedHours(boolean value) {
            extendedHours = value;
            return this;
        }

        public Builder extendedHoursBarProbability(double value) {
            extendedHoursBarProbability = value;
            return this;
        }

        /**
         * The validated config.
         *
         * @throws InvalidValueException listing every invalid knob with its value
         */
        public GeneratorConfig build() {
            return new GeneratorConfig(from, to, symbols, seed, subDollarFraction, subFiveFraction, minAnnualVolatility,
                    maxAnnualVolatility, minAverageVolume, maxAverageVolume, gapVolatilityRatio, inPlayProbability,
                    inPlayMinVolumeMultiple, inPlayMaxVolumeMultiple, inPlayTrendDailyVolatilities, haltProbability,
                    haltMinMinutes, haltMaxMinutes, haltToCloseFraction, missingMinuteProbability, listingFraction,
                    extendedHours, extendedHoursBarProbability);
        }
    }
}
