/**
 * orb's Alpaca adapter: the {@link dev.orb.ports.Broker} (orders, positions, the trade-updates stream), live
 * opening-range bars ({@link dev.orb.ports.MarketData}) and the exchange calendar
 * ({@link dev.orb.ports.TradingCalendar}), all from one {@link dev.orb.adapter.alpaca.AlpacaConfig} through
 * {@link dev.orb.adapter.alpaca.AlpacaBroker#create}.
 *
 * <p>What it guarantees: never two orders for one client order id (an unknown outcome is resolved by looking the
 * id up before any retry); one shared request budget (Alpaca's 200 per minute) for every REST call, queued, 429
 * honoured; every fill delivered once even across stream outages; switching paper/live only when flat; keys
 * never in {@code toString()}, logs or exception messages. docs/alpaca.md explains the broker's rules and traps.
 *
 * <p>Nothing is null unless documented; returned collections are unmodifiable.
 */
package dev.orb.adapter.alpaca;
