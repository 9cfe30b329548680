package dev.orb.sim;

import java.util.List;

import dev.orb.domain.Bar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;

/** {@link BarSeries#of}: a series over a validated copy of a list of domain bars. */
final class BarListSeries implements BarSeries {
    private final Symbol symbol;
    private final List<Bar> bars;

    BarListSeries(Symbol symbol, List<Bar> bars) {
        this.symbol = symbol;
        this.bars = List.copyOf(bars);
        for (int i = 0; i < this.bars.size(); i++) {
            Bar bar = this.bars.get(i);
            if (!bar.symbol().equals(symbol)) {
                throw new InvalidValueException("BarSeries: bar " + i + " is of " + bar.symbol() + ", not " + symbol);
            }
            if (!bar.timeframe().equals(Timeframe.ONE_MINUTE)) {
                throw new InvalidValueException("BarSeries: bar " + i + " of " + symbol + " at " + bar.start()
                        + " is a " + bar.timeframe() + " bar, not a one-minute bar");
            }
            if (i > 0 && !bar.start().isAfter(this.bars.get(i - 1).start())) {
                throw new InvalidValueException("BarSeries: bar " + i + " of " + symbol + " starts at " + bar.start()
                        + ", not after the previous bar's start " + this.bars.get(i - 1).start());
            }
        }
    }

    @Override
    public Symbol symbol() {
        return symbol;
    }

    @Override
    public int size() {
        return bars.size();
    }

    @Override
    public long startNanos(int i) {
        return EpochNanos.of(bars.get(i).start());
    }

    @Override
    public long openNanos(int i) {
        return bars.get(i).open().nanos();
    }

    @Override
    public long highNanos(int i) {
        return bars.get(i).high().nanos();
    }

    @Override
    public long lowNanos(int i) {
        return bars.get(i).low().nanos();
    }

    @Override
    public long closeNanos(int i) {
        return bars.get(i).close().nanos();
    }

    @Override
    public long volume(int i) {
        return bars.get(i).volume();
    }

    @Override
    public Bar bar(int i) {
        return bars.get(i);
    }

    @Override
    public String toString() {
        return "BarSeries[" + symbol + ", " + bars.size() + " bars]";
    }
}
