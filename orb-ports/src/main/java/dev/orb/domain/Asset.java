package dev.orb.domain;

/**
 * Tradability of a symbol at the broker.
 *
 * @param symbol       the ticker
 * @param tradable     the broker accepts orders in it
 * @param shortable    it may be sold short
 * @param easyToBorrow it is on the easy-to-borrow list (orb shorts only such names)
 */
public record Asset(Symbol symbol, boolean tradable, boolean shortable, boolean easyToBorrow) {
    public Asset {
        Require.nonNull(symbol, "Asset.symbol");
    }

    /** A tradable, shortable, easy-to-borrow asset. */
    public static Asset fullyTradable(Symbol symbol) {
        return new Asset(symbol, true, true, true);
    }
}
