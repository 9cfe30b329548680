package dev.orb.domain;

/** The OHLCV consistency rules shared by {@link Bar} and {@link DailyBar}. */
final class Ohlc {
    private Ohlc() {
    }

    /**
     * Checks the rules; the message names {@code symbol} and {@code when} as {@code "<symbol> <when>"}, built only
     * when a rule fails (bars and opening ranges are constructed by the million).
     */
    static void check(String type, Symbol symbol, Object when, Price open, Price high, Price low, Price close,
                      long volume) {
        if (high.isBelow(open) || high.isBelow(close)) {
            throw new InvalidValueException(type + ".high: " + high + " is below open " + open + " or close " + close
                    + " (" + symbol + " " + when + ")");
        }
        if (low.isAbove(open) || low.isAbove(close)) {
            throw new InvalidValueException(type + ".low: " + low + " is above open " + open + " or close " + close
                    + " (" + symbol + " " + when + ")");
        }
        if (volume < 0) {
            throw new InvalidValueException(type + ".volume: " + volume + " must not be negative (" + symbol + " "
                    + when + ")");
        }
    }
}
