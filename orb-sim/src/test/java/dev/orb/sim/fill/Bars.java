package dev.orb.sim.fill;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.orb.domain.Bar;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Direction;
import dev.orb.domain.MarketTime;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import dev.orb.domain.Timeframe;
import dev.orb.sim.BarSeries;

/** Test helpers: minute bars written as {@code "09:35 o h l c"} in New York time, and order intents. */
final class Bars {
    private Bars() {
    }

    static Bar bar(String symbol, LocalDate date, String spec) {
        String[] p = spec.trim().split("\\s+");
        return new Bar(Symbol.of(symbol), ZonedDateTime.of(date, LocalTime.parse(p[0]), MarketTime.NEW_YORK).toInstant(),
                Timeframe.ONE_MINUTE, Price.of(p[1]), Price.of(p[2]), Price.of(p[3]), Price.of(p[4]), 100);
    }

    static BarSeries series(String symbol, LocalDate date, String... specs) {
        List<Bar> bars = new ArrayList<>();
        for (String s : specs) {
            bars.add(bar(symbol, date, s));
        }
        return BarSeries.of(Symbol.of(symbol), bars);
    }

    static OrderIntent intent(String symbol, LocalDate date, Direction direction, String entry, String stop, long shares) {
        return new OrderIntent(ClientOrderId.of(date, Symbol.of(symbol), OrderPurpose.ENTRY, 1), date, Symbol.of(symbol),
                direction, Price.of(entry), Price.of(stop), shares, TimeInForce.DAY);
    }

    static LocalTime nyTime(java.time.Instant instant) {
        return instant.atZone(MarketTime.NEW_YORK).toLocalTime();
    }
}
