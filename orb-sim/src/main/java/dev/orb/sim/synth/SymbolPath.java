package dev.orb.sim.synth;

import java.util.Random;

import dev.orb.domain.Symbol;

/**
 * One symbol of the synthetic market: its fixed traits and the state its price path carries from session to
 * session. Every random draw comes from the symbol's own {@link Random}, seeded from the run's seed and the
 * symbol's index, so a symbol's path does not depend on how many other symbols there are.
 *
 * <p>Extended-hours bars draw from a second stream, so that switching them off leaves the regular session as it
 * was. Only {@link java.util.Random} (whose algorithm the JDK specifies) and {@link StrictMath} are used, so the
 * same seed gives the same numbers on every JVM.
 */
final class SymbolPath {
    private static final double TRADING_DAYS = 252;
    private static final double MAX_PRICE = 100_000;
    private static final double MIN_PRICE = 0.0001;

    final Symbol symbol;
    final Random random;
    /** Draws of extended-hours bars only, so that switching them off leaves the regular session unchanged. */
    final Random extendedRandom;
    final double dailyVolatility;
    final double averageVolume;
    final double missingRate;
    final double tradeSize;
    /** Index of the first session with bars. */
    final int listingSession;
    /** Price before the first session (the listing price). */
    private double price;

    private SymbolPath(Symbol symbol, Random random, Random extendedRandom, double dailyVolatility, double averageVolume, double missingRate,
                       double tradeSize, int listingSession, double price) {
        this.symbol = symbol;
        this.random = random;
        this.extendedRandom = extendedRandom;
        this.dailyVolatility = dailyVolatility;
        this.averageVolume = averageVolume;
        this.missingRate = missingRate;
        this.tradeSize = tradeSize;
        this.listingSession = listingSession;
        this.price = price;
    }

    /** Draws the traits of symbol {@code index}. */
    static SymbolPath create(GeneratorConfig config, int index, Symbol symbol, int sessionCount) {
        Random r = new Random(mix(config.seed(), index));
        double tier = r.nextDouble();
        double price;
        if (tier < config.subDollarFraction()) {
            price = uniform(r, 0.10, 0.99);
        } else if (tier < config.subDollarFraction() + config.subFiveFraction()) {
            price = uniform(r, 1.00, 4.99);
        } else {
            price = logUniform(r, 5, 400);
        }
        double annualVolatility = uniform(r, config.minAnnualVolatility(), config.maxAnnualVolatility());
        double averageVolume = logUniform(r, config.minAverageVolume(), config.maxAverageVolume());
        double missingRate = uniform(r, 0, 2 * config.missingMinuteProbability());
        double tradeSize = uniform(r, 50, 250);
        boolean listsLater = r.nextDouble() < config.listingFraction() && sessionCount > 1;
        int listing = listsLater ? 1 + r.nextInt(sessionCount - 1) : 0;
        Random extended = new Random(mix(~config.seed(), index));
        return new SymbolPath(symbol, r, extended, annualVolatility / StrictMath.sqrt(TRADING_DAYS), averageVolume,
                missingRate, tradeSize, listing, price);
    }

    /** The current (last regular-session) price in dollars, off-tick. */
    double price() {
        return price;
    }

    /** Moves the price by the log-return {@code logReturn}, kept within [$0.0001, $100,000]. */
    double move(double logReturn) {
        price = Math.min(MAX_PRICE, Math.max(MIN_PRICE, price * StrictMath.exp(logReturn)));
        return price;
    }

    double uniform(double min, double max) {
        return uniform(random, min, max);
    }

    double gaussian() {
        return random.nextGaussian();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double extendedGaussian() {
        return extendedRandom.nextGaussian();
    }

    boolean extendedChance(double probability) {
        return extendedRandom.nextDouble() < probability;
    }

    private static double uniform(Random r, double min, double max) {
        return min + (max - min) * r.nextDouble();
    }

    private static double logUniform(Random r, double min, double max) {
        return StrictMath.exp(uniform(r, StrictMath.log(min), StrictMath.log(max)));
    }

    /** SplitMix64's finaliser over (seed, index): independent streams per symbol. */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
