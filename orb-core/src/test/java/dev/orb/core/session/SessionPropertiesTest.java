package dev.orb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.StopAnchor;
import dev.orb.core.fakes.FakeBroker;
import dev.orb.core.fakes.FakeBroker.SubmitFailure;
import dev.orb.core.fakes.InMemoryStorage;
import dev.orb.core.fakes.ManualClock;
import dev.orb.core.journal.EventCodec;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Order;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderType;
import dev.orb.domain.Position;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;

/**
 * safety.md's promises that the core decides, as properties over generated sessions: a random universe, a random
 * configuration, and a random sequence of market moves, operator actions, equity shocks, stream drops, duplicate
 * fills and submit failures, run through the real engine and runner against the fakes. Every invariant is checked
 * after every event (inside the runner) and at every quiet point (against the broker's own books).
 */
class SessionPropertiesTest {
    private static final LocalDate DATE = LocalDate.of(2024, 3, 12);

    @Property
    void safetyPromisesHoldOnEveryGeneratedSession(@ForAll long seed) {
        Run run = new Run(seed);
        run.play();
        // the generator must exercise what the promises are about: shown in the jqwik report
        int trades = run.storage.trades(DATE, DATE).size();
        Statistics.label("trades").collect(trades == 0 ? "0" : trades < 3 ? "1-2" : "3+");
        Statistics.label("kill switch engaged at EOD").collect(run.runner.state().killSwitch().engaged());
        Statistics.label("stand-alone stops").collect(run.broker.submitCalls().stream().anyMatch(r ->
                r.clientOrderId().parse().map(p -> p.purpose() == OrderPurpose.PROTECTIVE_STOP).orElse(false)));
    }

    @Property(tries = 300)
    void decideIsDeterministic(@ForAll long seed) {
        Run run = new Run(seed);
        run.play();
        SessionEngine engine = new SessionEngine(run.config);
        List<Decision> first = replay(engine, run.events);
        List<Decision> second = replay(new SessionEngine(run.config), run.events);
        assertThat(second).isEqualTo(first);
        assertThat(first).isEqualTo(run.decisions);
    }

    @Property(tries = 300)
    void journalRoundTripRebuildsTheSameState(@ForAll long seed) {
        Run run = new Run(seed);
        run.play();
        List<EngineEvent> decoded = new ArrayList<>();
        for (EngineEvent e : run.events) {
            String payload = EventCodec.encode(e);
            EngineEvent back = EventCodec.decode(EventCodec.type(e), payload);
            assertThat(EventCodec.encode(back)).isEqualTo(payload);
            decoded.add(back);
        }
        List<Decision> rebuilt = replay(new SessionEngine(run.config), decoded);
        assertThat(rebuilt.get(rebuilt.size() - 1).state()).isEqualTo(run.runner.state());
    }

    private static List<Decision> replay(SessionEngine engine, List<EngineEvent> events) {
        List<Decision> out = new ArrayList<>();
        SessionState state = SessionState.initial();
        for (EngineEvent e : events) {
            Decision d = engine.decide(state, e);
            out.add(d);
            state = d.state();
        }
        return out;
    }

    /** One generated session. */
    private static final class Run {
        final Random random;
        final OrbConfig config;
        final BigDecimal equity;
        final TradingSession session = TradingSession.regular(DATE);
        final ManualClock clock = new ManualClock(session.openInstant().minus(Duration.ofMinutes(1)));
        final FakeBroker broker;
        final InMemoryStorage storage = new InMemoryStorage();
        final SessionRunner runner;
        final List<EngineEvent> events = new ArrayList<>();
        final List<Decision> decisions = new ArrayList<>();
        final Map<Symbol, Price> closes = new TreeMap<>();
        final Map<Symbol, DailyStats> universe = new TreeMap<>();
        final Map<Symbol, List<Bar>> bars = new TreeMap<>();
        final Map<Symbol, long[]> history = new TreeMap<>();
        final Map<Symbol, Asset> assets = new TreeMap<>();
        boolean eodDone;
        final List<String> trace = new ArrayList<>();

        Run(long seed) {
            random = new Random(seed);
            config = OrbConfig.builder()
                    .maxPositions(1 + random.nextInt(8))
                    .scanTopN(1 + random.nextInt(25))
                    .riskPerTrade(new BigDecimal(1 + random.nextInt(50)).movePointLeft(3))
                    .maxLeverage(new BigDecimal(1 + random.nextInt(40)).movePointLeft(1))
                    .stopAnchor(random.nextBoolean() ? StopAnchor.PLANNED_ENTRY : StopAnchor.FILL_PRICE)
                    .flattenOnDailyLoss(random.nextBoolean())
                    .build();
            equity = new BigDecimal(2_000 + random.nextInt(500_000));
            broker = new FakeBroker(clock, equity);
            runner = new SessionRunner(new SessionEngine(config), broker, storage, clock, SessionJournal.NONE,
                    new EngineListener() {
                        @Override
                        public void onDecision(EngineEvent event, Decision decision) {
                            events.add(event);
                            decisions.add(decision);
                            checkDecision(decision);
                        }
                    });
            int n = 1 + random.nextInt(25);
            for (int i = 0; i < n; i++) {
                addSymbol(Symbol.of("S" + i));
            }
        }

        private void addSymbol(Symbol s) {
            long open = 500 + random.nextInt(50_000); // cents: $5.00 to $505.00
            long up = random.nextInt(200);
            long down = random.nextInt(200);
            long closeMove = random.nextInt(3) - 1;
            long high = open + up;
            long low = Math.max(100, open - down);
            long close = closeMove > 0 ? high : closeMove < 0 ? low : open;
            Bar bar = new Bar(s, session.openInstant(), Timeframe.ofMinutes(5), Price.ofCents(open),
                    Price.ofCents(high), Price.ofCents(low), Price.ofCents(close), 100_000 + random.nextInt(900_000));
            BigDecimal atr = new BigDecimal(50 + random.nextInt(1000)).movePointLeft(2);
            universe.put(s, new DailyStats(s, DATE, atr, new BigDecimal("2000000"), Price.ofCents(open)));
            bars.put(s, List.of(bar));
            long[] h = new long[config.rvolLookback()];
            for (int i = 0; i < h.length; i++) {
                h[i] = random.nextInt(400_000);
            }
            history.put(s, h);
            int kind = random.nextInt(10);
            Asset asset = kind == 0 ? new Asset(s, true, false, false) : kind == 1 ? new Asset(s, true, true, false)
                    : Asset.fullyTradable(s);
            assets.put(s, asset);
            broker.setAsset(asset);
            broker.setPrice(s, Price.ofCents(close));
            closes.put(s, Price.ofCents(close));
        }

        void play() {
            if (random.nextInt(5) == 0) {
                storage.saveKillSwitch(new KillSwitchState(true, "operator:x", clock.now(), "left on"));
            }
            runner.start(session);
            for (int i = random.nextInt(3); i > 0; i--) {
                broker.failNextSubmit(SubmitFailure.values()[random.nextInt(SubmitFailure.values().length)]);
            }
            clock.set(SessionSchedule.scanTime(session, config));
            runner.feed(new EngineEvent.ScanReady(clock.now(), universe, bars, history, assets));
            broker.clearFailures();
            checkQuiet();
            int steps = random.nextInt(60);
            List<Symbol> symbols = new ArrayList<>(closes.keySet());
            for (int i = 0; i < steps; i++) {
                clock.advance(Duration.ofSeconds(1 + random.nextInt(300)));
                if (!clock.now().isBefore(SessionSchedule.eodTime(session, config))) {
                    break;
                }
                Symbol s = symbols.get(random.nextInt(symbols.size()));
                int action = random.nextInt(100);
                trace.add(clock.now() + " action " + action + " on " + s);
                if (action < 60) {
                    trade(s);
                } else if (action < 65) {
                    runner.feed(new EngineEvent.KillSwitchEngaged(clock.now(), "operator:x", "generated"));
                } else if (action < 70) {
                    runner.feed(new EngineEvent.KillSwitchReleased(clock.now(), "operator:x", "generated"));
                } else if (action < 76) {
                    BigDecimal shock = BigDecimal.ONE.subtract(new BigDecimal(random.nextInt(1000)).movePointLeft(4));
                    broker.setEquity(equity.multiply(shock).setScale(2, RoundingMode.DOWN));
                    runner.feed(new EngineEvent.AccountUpdated(clock.now(), broker.account()));
                    checkDailyLoss();
                } else if (action < 80) {
                    runner.feed(new EngineEvent.ForceCloseRequested(clock.now(), s, "operator:x"));
                } else if (action < 82) {
                    runner.feed(new EngineEvent.FlattenRequested(clock.now(), "operator:x"));
                } else if (action < 87) {
                    broker.disconnect();
                    trade(s);
                    broker.reconnect();
                } else if (action < 92) {
                    broker.replayLastFill();
                } else if (action < 94) {
                    runner.reconcile();
                } else if (action < 96) {
                    // the broker refuses the next order, whatever it is: an exit, a stop, a re-sent entry
                    broker.failNextSubmit(SubmitFailure.REJECT);
                } else {
                    broker.setEquity(null);
                    runner.feed(new EngineEvent.AccountUpdated(clock.now(), broker.account()));
                    checkDailyLoss();
                }
                checkQuiet();
            }
            broker.clearFailures();
            clock.set(SessionSchedule.eodTime(session, config));
            runner.feed(new EngineEvent.EodReached(clock.now()));
            eodDone = true;
            checkQuiet();
            // nothing can reopen after EOD
            for (Symbol s : closes.keySet()) {
                trade(s);
            }
            checkQuiet();
            assertThat(broker.positions()).as("flat after EOD").isEmpty();
            assertThat(broker.openOrders()).as("nothing working after EOD").isEmpty();
            assertThat(runner.state().phase()).as("phase; entries %s; positions %s", runner.state().entries(),
                    runner.state().positions()).isEqualTo(Phase.CLOSED);
            assertThat(storage.dailyMetrics(DATE, DATE)).hasSize(1);
        }

        private void trade(Symbol s) {
            Price last = closes.get(s);
            long cents = Math.max(1, last.nanos() / 10_000_000L + random.nextInt(161) - 80);
            Price p = Price.ofCents(cents);
            closes.put(s, p);
            trace.add("trade " + s + " " + p);
            broker.trade(s, p);
        }

        /** Promises checked on every decision, inside the runner. */
        private void checkDecision(Decision d) {
            SessionState s = d.state();
            if (s.session() == null) {
                return;
            }
            assertThat(s.exposureSlotsUsed()).as("positions + working entries ≤ max").isLessThanOrEqualTo(config.maxPositions());
            BigDecimal cap = config.maxLeverage().multiply(s.startEquity());
            BigDecimal planned = BigDecimal.ZERO;
            BigDecimal working = BigDecimal.ZERO;
            for (EntryOrder e : s.entries().values()) {
                OpenPosition p = s.positions().get(e.intent().symbol());
                long open = p == null ? 0 : p.openShares();
                planned = planned.add(e.intent().entryStop().toBigDecimal()
                        .multiply(BigDecimal.valueOf(e.remainingQuantity() + open)));
                working = working.add(e.remainingNotional());
            }
            for (Command c : d.commands()) {
                if (c instanceof Command.SubmitOrder so && so.purpose() == OrderPurpose.ENTRY) {
                    assertThat(s.killSwitch().engaged()).as("no entry while the kill switch is engaged").isFalse();
                    assertThat(planned).as("notional ≤ leverage cap").isLessThanOrEqualTo(cap);
                    assertThat(working).as("working entries ≤ buying power").isLessThanOrEqualTo(s.account().buyingPower());
                    OrderRequest r = so.request();
                    BigDecimal risk = r.stopPrice().toBigDecimal().subtract(r.stopLossPrice().toBigDecimal()).abs()
                            .multiply(BigDecimal.valueOf(r.quantity()));
                    assertThat(risk).as("risk ≤ risk × E").isLessThanOrEqualTo(config.riskPerTrade().multiply(s.startEquity()));
                    assertThat(eodDone).as("no entry after EOD").isFalse();
                }
                if (c instanceof Command.SubmitOrder so) {
                    OrderRequest r = so.request();
                    for (Price p : new Price[] {r.stopPrice(), r.limitPrice(), r.stopLossPrice()}) {
                        if (p != null) {
                            assertThat(p.isOnTick()).as("on tick: %s", p).isTrue();
                        }
                    }
                }
            }
        }

        /** Promises checked against the broker's own books when nothing is in flight. */
        private void checkQuiet() {
            broker.assertOneOrderPerClientOrderId();
            Map<Symbol, Integer> workingEntries = new TreeMap<>();
            Map<Symbol, Integer> filledEntries = new TreeMap<>();
            for (Order o : broker.allOrders()) {
                boolean entry = o.clientOrderId().parse().map(p -> p.purpose() == OrderPurpose.ENTRY).orElse(false);
                if (entry && !o.status().isTerminal()) {
                    workingEntries.merge(o.symbol(), 1, Integer::sum);
                }
                if (entry && o.filledQuantity() > 0) {
                    filledEntries.merge(o.symbol(), 1, Integer::sum);
                }
            }
            assertThat(workingEntries.values()).as("one working entry per symbol").allMatch(c -> c <= 1);
            assertThat(filledEntries.values()).as("one filled entry per symbol and session").allMatch(c -> c <= 1);
            long exposure = broker.positions().size() + broker.allOrders().stream().filter(o -> !o.status().isTerminal()
                    && o.clientOrderId().parse().map(p -> p.purpose() == OrderPurpose.ENTRY).orElse(false)
                    && broker.positionQuantity(o.symbol()) == 0).count();
            assertThat(exposure).as("broker: positions + working entries ≤ max").isLessThanOrEqualTo(config.maxPositions());
            for (Position p : broker.positions()) {
                OrderSide exit = p.quantity() > 0 ? OrderSide.SELL : OrderSide.BUY;
                long covered = broker.openOrders().stream()
                        .flatMap(o -> java.util.stream.Stream.concat(java.util.stream.Stream.of(o), o.legs().stream()))
                        .filter(o -> o.symbol().equals(p.symbol()) && o.side() == exit && o.type() == OrderType.STOP
                                && !o.status().isTerminal() && o.status() != dev.orb.domain.OrderStatus.HELD)
                        .mapToLong(Order::quantity).max().orElse(0);
                assertThat(covered).as("position %s %s protected by a working stop; state %s; orders %s; trace %s",
                                p.symbol(), p.quantity(), runner.state().positions().get(p.symbol()),
                                broker.allOrders().stream().filter(o -> o.symbol().equals(p.symbol())).toList(), trace)
                        .isGreaterThanOrEqualTo(p.shares());
            }
        }

        private void checkDailyLoss() {
            BigDecimal e = broker.account().equity();
            BigDecimal limit = equity.multiply(BigDecimal.ONE.subtract(config.maxDailyLoss()));
            if (e.compareTo(limit) < 0) {
                assertThat(runner.state().killSwitch().engaged()).as("daily loss breach engages the kill switch").isTrue();
            }
        }
    }
}
