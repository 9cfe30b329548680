package dev.orb.sim.synth;

import dev.orb.domain.Symbol;

/**
 * Generates one symbol's bars for one session and accumulates its daily aggregate from the regular-session
 * bars it emits (open of the first, highest high, lowest low, close of the last, summed volume), so the day
 * file always agrees with the minute file. Reused across symbols and sessions; not thread-safe.
 */
final class SymbolDay {
    private static final long MINUTE = 60_000_000_000L;
    private static final int EXTENDED_MINUTES_AFTER_CLOSE = 240;

    private final GeneratorConfig config;
    private double[] weights = new double[0];
    private double weightSum;

    // The day aggregate of the symbol being generated.
    boolean hasBars;
    long dayOpen;
    long dayHigh;
    long dayLow;
    long dayClose;
    long dayVolume;
    long dayTransactions;

    SymbolDay(GeneratorConfig config) {
        this.config = config;
    }

    /**
     * Emits the symbol's minute bars of the session to {@code sink}; {@link #hasBars} and the day fields then
     * describe its regular session.
     *
     * @param preMarketStart epoch nanos of 04:00 New York that day
     * @param open           epoch nanos of the regular open
     * @param minutes        regular-session minutes (390, or 210 on an early close)
     * @param listingDay     whether the symbol lists this session (no previous close: no gap, no pre-market)
     */
    void generate(SymbolPath s, long preMarketStart, long open, int minutes, boolean listingDay, SessionSink sink) {
        hasBars = false;
        dayVolume = 0;
        dayTransactions = 0;
        Symbol symbol = s.symbol;
        double previousClose = s.price();

        boolean inPlay = s.chance(config.inPlayProbability());
        double direction = s.chance(0.5) ? 1 : -1;
        double gap = config.gapVolatilityRatio() * s.dailyVolatility * s.gaussian();
        if (inPlay) {
            gap += direction * s.dailyVolatility * s.uniform(0.5, 2.0);
        }
        double volumeMultiple = inPlay ? s.uniform(config.inPlayMinVolumeMultiple(), config.inPlayMaxVolumeMultiple()) : 1;
        double sessionVolume = s.averageVolume * StrictMath.exp(0.3 * s.gaussian() - 0.045) * volumeMultiple;
        double minuteVolatility = s.dailyVolatility / StrictMath.sqrt(390) * (inPlay ? 1.5 : 1.0);
        double drift = inPlay ? direction * config.inPlayTrendDailyVolatilities() * s.dailyVolatility
                * s.uniform(0.5, 1.5) / minutes : 0;
        int haltStart = -1;
        int haltEnd = -1;
        if (s.chance(config.haltProbability())) {
            haltStart = 10 + s.random.nextInt(Math.max(1, minutes - 20));
            int length = config.haltMinMinutes() + s.random.nextInt(config.haltMaxMinutes() - config.haltMinMinutes() + 1);
            haltEnd = s.chance(config.haltToCloseFraction()) ? minutes : Math.min(minutes, haltStart + length);
        }
        double dayOpenPrice = listingDay ? previousClose : s.move(gap);

        if (config.extendedHours() && !listingDay) {
            int preMinutes = (int) ((open - preMarketStart) / MINUTE);
            double ratio = dayOpenPrice / previousClose;
            long last = Ticks.nanos(previousClose);
            for (int m = 0; m < preMinutes; m++) {
                double target = previousClose * StrictMath.pow(ratio, (m + 1) / (double) preMinutes);
                double noise = minuteVolatility * s.extendedGaussian();
                if (s.extendedChance(config.extendedHoursBarProbability())) {
                    long close = Ticks.nanos(target * StrictMath.exp(noise));
                    last = emitExtended(s, sink, preMarketStart + m * MINUTE, last, close, minuteVolatility);
                }
            }
        }

        ensureWeights(minutes);
        long previous = Ticks.nanos(dayOpenPrice);
        for (int m = 0; m < minutes; m++) {
            double price = s.move(drift + minuteVolatility * s.gaussian());
            long barOpen = previous;
            long barClose = Ticks.nanos(price);
            previous = barClose;
            long high = Math.max(Math.max(barOpen, barClose),
                    Ticks.nanos(Ticks.dollars(Math.max(barOpen, barClose)) * (1 + Math.abs(s.gaussian()) * minuteVolatility / 2)));
            long low = Math.min(Math.min(barOpen, barClose),
                    Ticks.nanos(Ticks.dollars(Math.min(barOpen, barClose)) * (1 - Math.min(0.5, Math.abs(s.gaussian()) * minuteVolatility / 2))));
            long volume = Math.max(1, Math.round(sessionVolume * weights[m] / weightSum
                    * StrictMath.exp(0.5 * s.gaussian() - 0.125)));
            boolean missing = s.chance(s.missingRate);
            if (missing || (m >= haltStart && m < haltEnd)) {
                continue;
            }
            long transactions = Math.max(1, Math.round(volume / s.tradeSize));
            sink.minuteBar(symbol, open + m * MINUTE, barOpen, high, low, barClose, volume, transactions);
            aggregate(barOpen, high, low, barClose, volume, transactions);
        }

        if (config.extendedHours()) {
            double regularClose = s.price();
            long last = previous;
            long postStart = open + minutes * MINUTE;
            double walk = regularClose;
            for (int m = 0; m < EXTENDED_MINUTES_AFTER_CLOSE; m++) {
                walk = walk * StrictMath.exp(minuteVolatility * s.extendedGaussian());
                if (s.extendedChance(config.extendedHoursBarProbability())) {
                    last = emitExtended(s, sink, postStart + m * MINUTE, last, Ticks.nanos(walk), minuteVolatility);
                }
            }
        }
    }

    private long emitExtended(SymbolPath s, SessionSink sink, long start, long open, long close, double volatility) {
        long high = Math.max(Math.max(open, close),
                Ticks.nanos(Ticks.dollars(Math.max(open, close)) * (1 + Math.abs(s.extendedGaussian()) * volatility / 2)));
        long low = Math.min(open, close);
        long volume = Math.max(1, Math.round(s.averageVolume * 0.00005 * StrictMath.exp(s.extendedGaussian())));
        sink.minuteBar(s.symbol, start, open, high, low, close, volume, Math.max(1, Math.round(volume / s.tradeSize)));
        return close;
    }

    private void aggregate(long open, long high, long low, long close, long volume, long transactions) {
        if (!hasBars) {
            hasBars = true;
            dayOpen = open;
            dayHigh = high;
            dayLow = low;
        } else {
            dayHigh = Math.max(dayHigh, high);
            dayLow = Math.min(dayLow, low);
        }
        dayClose = close;
        dayVolume += volume;
        dayTransactions += transactions;
    }

    /** U-shaped intraday volume: heavy at the open, a smaller peak at the close, flat around midday. */
    private void ensureWeights(int minutes) {
        if (weights.length == minutes) {
            return;
        }
        weights = new double[minutes];
        weightSum = 0;
        for (int m = 0; m < minutes; m++) {
            double x = minutes == 1 ? 0 : 2.0 * m / (minutes - 1) - 1;
            weights[m] = 1 + 3 * x * x + 5 * StrictMath.exp(-m / 6.0) + 2 * StrictMath.exp(-(minutes - 1 - m) / 6.0);
            weightSum += weights[m];
        }
    }
}
