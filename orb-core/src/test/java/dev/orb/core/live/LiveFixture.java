package dev.orb.core.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.fakes.FakeBroker;
import dev.orb.core.fakes.InMemoryMarketData;
import dev.orb.core.fakes.InMemoryStorage;
import dev.orb.core.fakes.ManualClock;
import dev.orb.core.session.Command;
import dev.orb.core.session.Decision;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.EngineListener;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.MarketTime;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;

/**
 * A live host wired to orb-core's fakes: a manual clock, a fake broker (the broker's side, shared by "processes")
 * reached through a {@link FlakyBroker}, in-memory storage and market data, and recorders of everything the days
 * report. The universe, the RVOL history and the one-minute opening-range bars are stored as the nightly sync and a
 * live bar feed would leave them.
 */
final class LiveFixture {
    static final TradingCalendar NYSE = NyseCalendar.standard();
    static final long OR_VOLUME = 300_000;
    static final long HISTORY_VOLUME = 100_000;

    final OrbConfig config = OrbConfig.defaults();
    final DayPlan plan;
    final ManualClock clock;
    final FakeBroker market;
    FlakyBroker broker;
    final InMemoryStorage storage = new InMemoryStorage();
    final InMemoryMarketData marketData = new InMemoryMarketData();
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    final List<Decision> decisions = new CopyOnWriteArrayList<>();
    final List<Command.Alert> alerts = new CopyOnWriteArrayList<>();
    final List<TradingSession> daysMade = new CopyOnWriteArrayList<>();
    final List<TradingSession> syncs = new CopyOnWriteArrayList<>();
    private final Map<LocalDate, List<DailyStats>> universes = new HashMap<>();
    private final Map<LocalDate, Map<Symbol, Long>> volumes = new HashMap<>();

    LiveFixture(Instant start, LiveConfig live) {
        plan = new DayPlan(NYSE, config, live);
        clock = new ManualClock(start);
        market = new FakeBroker(clock, new BigDecimal("100000"));
        broker = new FlakyBroker(market);
    }

    static LiveFixture at(LocalDate date, int hour, int minute) {
        return new LiveFixture(ny(date, hour, minute, 0), LiveConfig.defaults());
    }

    static LiveFixture at(LocalDate date, int hour, int minute, LiveConfig live) {
        return new LiveFixture(ny(date, hour, minute, 0), live);
    }

    static Instant ny(LocalDate date, int hour, int minute, int second) {
        return ZonedDateTime.of(date, LocalTime.of(hour, minute, second), MarketTime.NEW_YORK).toInstant();
    }

    /** AAA goes long (buy stop 101.00, stop 100.80, 198 shares), BBB short (sell stop 49.00, stop 49.15). */
    LiveFixture twoCandidates(LocalDate date) {
        universe(date, "AAA", "100.00", "2.00");
        universe(date, "BBB", "50.00", "1.50");
        rvolHistory(date, "AAA");
        rvolHistory(date, "BBB");
        bars(date, "AAA", "100.00", "101.00", "99.50", "100.80", 5);
        bars(date, "BBB", "50.00", "50.20", "49.00", "49.20", 5);
        return this;
    }

    LiveFixture universe(LocalDate date, String ticker, String prevClose, String atr) {
        Symbol s = Symbol.of(ticker);
        universes.computeIfAbsent(date, d -> new ArrayList<>()).add(new DailyStats(s, date, new BigDecimal(atr),
                new BigDecimal("2000000"), Price.of(prevClose)));
        storage.saveUniverse(date, universes.get(date));
        return this;
    }

    /** Stores {@link #HISTORY_VOLUME} as the opening-range volume of each of the {@code rvol.lookback} sessions before. */
    LiveFixture rvolHistory(LocalDate date, String ticker) {
        for (TradingSession s : NYSE.sessionsBefore(date, config.rvolLookback())) {
            Map<Symbol, Long> v = volumes.computeIfAbsent(s.date(), d -> new TreeMap<>());
            v.put(Symbol.of(ticker), HISTORY_VOLUME);
            storage.saveOpeningRangeVolumes(s.date(), config.openingRangeMinutes(), v);
        }
        return this;
    }

    /**
     * Publishes the first {@code published} one-minute bars of an opening range (open, high, low, close) summing to
     * {@link #OR_VOLUME}, and sets the broker's last price to the close.
     */
    LiveFixture bars(LocalDate date, String ticker, String open, String high, String low, String close, int published) {
        Symbol s = Symbol.of(ticker);
        Instant start = NYSE.session(date).orElseThrow().openInstant();
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar(s, start, Timeframe.ONE_MINUTE, Price.of(open), Price.of(high), Price.of(low),
                Price.of(close), OR_VOLUME - 4));
        for (int i = 1; i < published; i++) {
            Price c = Price.of(close);
            bars.add(new Bar(s, start.plusSeconds(60L * i), Timeframe.ONE_MINUTE, c, c, c, c, 1));
        }
        marketData.addIntraday(bars);
        market.setPrice(s, Price.of(close));
        return this;
    }

    /** The last minute's bar of a range published with 4 of its 5 bars. */
    void publishLastBar(LocalDate date, String ticker, String close) {
        Symbol s = Symbol.of(ticker);
        Instant start = NYSE.session(date).orElseThrow().openInstant().plusSeconds(240);
        Price c = Price.of(close);
        marketData.addIntraday(List.of(new Bar(s, start, Timeframe.ONE_MINUTE, c, c, c, c, 1)));
    }

    TradingDay.Builder days() {
        return TradingDay.builder(plan).broker(broker).storage(storage).marketData(marketData).clock(clock)
                .listener(new EngineListener() {
                    @Override
                    public void onDecision(EngineEvent event, Decision decision) {
                        events.add(event);
                        decisions.add(decision);
                    }

                    @Override
                    public void onAlert(Command.Alert alert) {
                        alerts.add(alert);
                    }
                });
    }

    LiveScheduler scheduler() {
        TradingDay.Builder days = days();
        return LiveScheduler.builder(plan, clock, s -> {
            daysMade.add(s);
            return days.build(s);
        }).nightlySync(syncs::add).build();
    }

    void advance(LiveScheduler scheduler, LocalDate date, int hour, int minute, int second) {
        scheduler.advanceTo(ny(date, hour, minute, second), clock::set);
    }

    void trade(String ticker, String price) {
        market.trade(Symbol.of(ticker), Price.of(price));
    }

    <T extends EngineEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Command.Alert> alerts(Command.Severity severity) {
        return alerts.stream().filter(a -> a.severity() == severity).toList();
    }

    /** Entry orders the broker was asked to create (purpose E), repeats included. */
    long entrySubmits() {
        return market.submitCalls().stream()
                .filter(r -> r.clientOrderId().parse().map(p -> p.purpose() == OrderPurpose.ENTRY).orElse(false))
                .count();
    }
}
