package dev.orb.domain;

/** The OHLCV consistency rules shared by {@link Bar} and {@link DailyBar}. */
final class Ohlc {
    private Ohlc() {
    }

    static void check(String type, String where, Price open, Price high, Price low, Price close, long volume) {
        if (high.isBelow(open) || high.isBelow(close)) {
            throw new InvalidValueException(type + ".high: " + high + " is below open " + open + " or close " + close
                    + " (" + where + ")");
        }
        if (low.isAbove(open) || low.isAbove(close)) {
            throw new InvalidValueException(type + ".low: " + low + " is above open " + open + " or close " + close
                    + " (" + where + ")");
        }
        if (volume < 0) {
            throw new InvalidValueException(type + ".volume: " + volume + " must not be negative (" + where + ")");
        }
    }
}
