package dev.orb.adapter.alpaca;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.orb.adapter.alpaca.internal.BarsClient;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.ports.MarketData;

/** {@link MarketData} from Alpaca's data API, through the broker's current environment and request budget. */
final class AlpacaMarketData implements MarketData {
    private final Supplier<BarsClient> bars;
    private final DataFeed feed;

    AlpacaMarketData(Supplier<BarsClient> bars, DataFeed feed) {
        this.bars = Objects.requireNonNull(bars, "bars");
        this.feed = Objects.requireNonNull(feed, "feed");
    }

    @Override
    public List<DailyBar> dailyBarsOfMarket(LocalDate date) {
        return bars.get().dailyOfMarket(Objects.requireNonNull(date, "date"));
    }

    @Override
    public List<DailyBar> dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        return bars.get().daily(Objects.requireNonNull(symbol, "symbol"), Objects.requireNonNull(from, "from"),
                Objects.requireNonNull(to, "to"));
    }

    @Override
    public Map<Symbol, List<Bar>> intradayBars(Collection<Symbol> symbols, Timeframe timeframe, Instant from,
                                               Instant to) {
        Objects.requireNonNull(symbols, "symbols");
        if (symbols.isEmpty()) {
            return Map.of();
        }
        return bars.get().intraday(symbols, timeframe, Objects.requireNonNull(from, "from"),
                Objects.requireNonNull(to, "to"));
    }

    @Override
    public String toString() {
        return "AlpacaMarketData[feed=" + feed + "]";
    }
}
