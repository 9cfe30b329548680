package dev.orb.sim.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Direction;
import dev.orb.domain.Fill;
import dev.orb.domain.Order;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Position;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingMode;
import dev.orb.ports.Broker;
import dev.orb.ports.BrokerException;
import dev.orb.ports.BulkResult;
import dev.orb.ports.OrbClock;
import dev.orb.ports.OrderUpdateListener;
import dev.orb.ports.Subscription;
import dev.orb.sim.fill.EntryFill;
import dev.orb.sim.fill.ExitFill;
import dev.orb.sim.fill.FillModel;

/**
 * A {@link Broker} for one backtest session that fills the session engine's orders on replayed minute bars with
 * the rules of {@link FillModel} (backtest-semantics.md, "Fills"). It decides nothing: which orders exist, when
 * they are cancelled and when positions close is the engine's business; this class only answers as a broker would.
 *
 * <ul>
 *   <li>{@link #submit} accepts one-triggers-other stop entries (an {@link OrderRequest} with a stop-loss price):
 *       the parent is {@code NEW}, its stop-loss leg {@code HELD} until the parent fills. Other order types are
 *       refused ({@link BrokerException} with {@code rejected() == true}): the engine sends no others in a
 *       backtest with the planned-entry stop anchor.</li>
 *   <li>{@link #onBar} is fed the session's minute bars in time order for the symbols in {@link #activeSymbols()}.
 *       An entry triggers by {@link FillModel#entry}; the stop is checked in the entry bar itself
 *       ({@link FillModel#stopInEntryBar}) and in later bars ({@link FillModel#stopInLaterBar}).</li>
 *   <li>{@link #closePosition} (the engine's end-of-day or flatten) cancels the symbol's orders and fills a market
 *       order at the close of the symbol's last bar fed so far, timed at that bar's start
 *       ({@link FillModel#endOfDay}): at end of day that is the last bar that starts before eod.</li>
 * </ul>
 * Every fill's time is the start of the bar it happened in. Updates go to the subscribed listener synchronously,
 * after the broker's own books are consistent, so the listener may call back (cancel, close) while being told.
 *
 * <p>Not thread-safe: one backtest drives it from one thread.
 */
public final class SimulatedBroker implements Broker {
    private final OrbClock clock;
    private final FillModel fills;
    private final LocalDate session;
    private final BigDecimal startEquity;
    private final BigDecimal leverage;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<ClientOrderId, String> byClientId = new HashMap<>();
    private final Map<Symbol, Book> books = new TreeMap<>();
    private BigDecimal realizedNet = BigDecimal.ZERO;
    private OrderUpdateListener listener;
    private long ids;
    private long executions;

    /**
     * A broker for {@code session} whose account starts with {@code startEquity}.
     *
     * @param clock       the simulated clock: stamps order creation and updates
     * @param fills       the fill rules and costs
     * @param startEquity equity at the start of the session, dollars
     * @param leverage    buying power as a multiple of equity (the strategy's {@code sizing.maxLeverage})
     */
    public SimulatedBroker(OrbClock clock, FillModel fills, LocalDate session, BigDecimal startEquity,
                           BigDecimal leverage) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fills = Objects.requireNonNull(fills, "fills");
        this.session = Objects.requireNonNull(session, "session");
        this.startEquity = Objects.requireNonNull(startEquity, "startEquity");
        this.leverage = Objects.requireNonNull(leverage, "leverage");
    }

    // ---- the replay side ---------------------------------------------------------------------------------

    /** Symbols with a working entry or an open position, ascending: those whose bars {@link #onBar} needs. */
    public List<Symbol> activeSymbols() {
        List<Symbol> out = new ArrayList<>();
        for (Book b : books.values()) {
            if (b.state == State.WORKING || b.state == State.OPEN) {
                out.add(b.intent.symbol());
            }
        }
        return out;
    }

    /**
     * One minute bar of the session; bars of one symbol must come in increasing start order and start in
     * {@code [orders sent, eod)}. A bar of a symbol without a working entry or open position is ignored.
     */
    public void onBar(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        Book b = books.get(bar.symbol());
        if (b == null || (b.state != State.WORKING && b.state != State.OPEN)) {
            return;
        }
        if (b.lastBar != null && !bar.start().isAfter(b.lastBar.start())) {
            throw new IllegalArgumentException("SimulatedBroker.onBar: bar of " + bar.symbol() + " at " + bar.start()
                    + " does not follow " + b.lastBar.start());
        }
        b.lastBar = bar;
        if (b.state == State.WORKING) {
            Optional<EntryFill> entry = fills.entry(b.intent, bar);
            if (entry.isPresent()) {
                fillEntry(b, entry.get());
                Optional<ExitFill> stop = fills.stopInEntryBar(b.intent, bar);
                if (stop.isPresent() && b.state == State.OPEN) {
                    fillStopLeg(b, stop.get());
                }
            }
        } else {
            fills.stopInLaterBar(b.intent, bar).ifPresent(stop -> fillStopLeg(b, stop));
        }
    }

    // ---- Broker ---------------------------------------------------------------------------------------

    /**
     * Equity marked to the last close fed: start equity + net P&amp;L of closed positions (commission of the
     * round trip included) + unrealised P&amp;L of open ones. Buying power is {@code leverage × equity} less the
     * gross notional of open positions, never negative.
     */
    @Override
    public Account account() {
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (Position p : positions()) {
            unrealized = unrealized.add(p.unrealizedPnl());
            gross = gross.add(p.grossNotional());
        }
        BigDecimal equity = startEquity.add(realizedNet).add(unrealized);
        BigDecimal buyingPower = leverage.multiply(equity).subtract(gross).max(BigDecimal.ZERO);
        return new Account(equity, startEquity, buyingPower, 4, false, 0, false, false, true);
    }

    @Override
    public List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (Book b : books.values()) {
            if (b.state == State.OPEN) {
                long signed = b.intent.direction() == Direction.LONG ? b.intent.shares() : -b.intent.shares();
                out.add(new Position(b.intent.symbol(), signed, b.fillPrice.toBigDecimal(),
                        b.lastBar.close().toBigDecimal()));
            }
        }
        return out;
    }

    @Override
    public List<Order> openOrders() {
        List<Order> out = new ArrayList<>();
        for (Order o : orders.values()) {
            if (!o.status().isTerminal()) {
                out.add(withCurrentLegs(o));
            }
        }
        return out;
    }

    @Override
    public List<Order> ordersUpdatedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        List<Order> out = new ArrayList<>();
        for (Order o : orders.values()) {
            if (!o.updatedAt().isBefore(since)) {
                out.add(withCurrentLegs(o));
            }
        }
        return out;
    }

    @Override
    public Optional<Order> orderByClientOrderId(ClientOrderId id) {
        String brokerId = byClientId.get(Objects.requireNonNull(id, "id"));
        return brokerId == null ? Optional.empty() : Optional.of(withCurrentLegs(orders.get(brokerId)));
    }

    /** Every asset is tradable, shortable and easy to borrow (the published study has no borrow constraints). */
    @Override
    public Asset asset(Symbol symbol) {
        return Asset.fullyTradable(symbol);
    }

    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        String existing = byClientId.get(request.clientOrderId());
        if (existing != null) {
            return withCurrentLegs(orders.get(existing));
        }
        if (request.type() != OrderType.STOP || !request.isOneTriggersOther()) {
            throw new BrokerException("SimulatedBroker accepts one-triggers-other stop entries only, not a "
                    + request.type() + " order " + request.clientOrderId(), true);
        }
        Book current = books.get(request.symbol());
        if (current != null && (current.state == State.WORKING || current.state == State.OPEN)) {
            throw new BrokerException("SimulatedBroker: " + request.symbol() + " already has a working entry or a"
                    + " position; " + request.clientOrderId() + " refused", true);
        }
        Direction direction = request.side() == OrderSide.BUY ? Direction.LONG : Direction.SHORT;
        OrderIntent intent = new OrderIntent(request.clientOrderId(), session, request.symbol(), direction,
                request.stopPrice(), request.stopLossPrice(), request.quantity(), request.timeInForce());
        Instant now = clock.now();
        String parentId = nextId();
        String legId = nextId();
        Order leg = new Order(legId, new ClientOrderId("leg-" + legId), request.symbol(), request.side().opposite(),
                OrderType.STOP, request.quantity(), 0, request.stopLossPrice(), null, null, OrderStatus.HELD,
                request.timeInForce(), now, now, List.of());
        Order parent = new Order(parentId, request.clientOrderId(), request.symbol(), request.side(), OrderType.STOP,
                request.quantity(), 0, request.stopPrice(), null, null, OrderStatus.NEW, request.timeInForce(), now,
                now, List.of(leg));
        orders.put(parentId, parent);
        orders.put(legId, leg);
        byClientId.put(request.clientOrderId(), parentId);
        byClientId.put(leg.clientOrderId(), legId);
        books.put(request.symbol(), new Book(intent, parentId, legId));
        emit(new OrderUpdate(OrderEventType.NEW, parent, null, now));
        return withCurrentLegs(orders.get(parentId));
    }

    @Override
    public void cancel(String brokerOrderId) {
        Order o = orders.get(Objects.requireNonNull(brokerOrderId, "brokerOrderId"));
        if (o == null) {
            throw new BrokerException("SimulatedBroker: order not found: " + brokerOrderId, true);
        }
        cancelOrder(o);
    }

    @Override
    public BulkResult cancelAll() {
        List<String> done = new ArrayList<>();
        for (Order o : List.copyOf(orders.values())) {
            Order current = orders.get(o.brokerOrderId());
            if (!current.status().isTerminal()) {
                cancelOrder(current);
                done.add(current.brokerOrderId());
            }
        }
        return new BulkResult(done, List.of());
    }

    @Override
    public void closePosition(Symbol symbol) {
        Book b = books.get(Objects.requireNonNull(symbol, "symbol"));
        if (b == null || b.state != State.OPEN) {
            throw new BrokerException("SimulatedBroker: no position in " + symbol, true);
        }
        Order leg = orders.get(b.legId);
        if (!leg.status().isTerminal()) {
            cancelOrder(leg);
        }
        if (b.state != State.OPEN) {
            return; // the listener closed it while being told of the cancel
        }
        ExitFill exit = fills.endOfDay(b.intent, b.lastBar);
        Instant now = clock.now();
        ClientOrderId closeId = new ClientOrderId("close-" + nextId());
        Order market = new Order(nextId(), closeId, symbol, b.intent.direction().exitSide(), OrderType.MARKET,
                b.intent.shares(), 0, null, null, null, OrderStatus.NEW, b.intent.timeInForce(), now, now, List.of());
        orders.put(market.brokerOrderId(), market);
        byClientId.put(closeId, market.brokerOrderId());
        emit(new OrderUpdate(OrderEventType.NEW, market, null, now));
        fillExit(b, market, exit);
    }

    @Override
    public BulkResult closeAll() {
        cancelAll();
        List<String> done = new ArrayList<>();
        for (Book b : List.copyOf(books.values())) {
            if (b.state == State.OPEN) {
                closePosition(b.intent.symbol());
                done.add(b.intent.symbol().value());
            }
        }
        return new BulkResult(done, List.of());
    }

    /** Supports one listener at a time; a second subscription replaces the first. */
    @Override
    public Subscription subscribe(OrderUpdateListener newListener) {
        OrderUpdateListener l = Objects.requireNonNull(newListener, "listener");
        listener = l;
        return () -> {
            if (listener == l) {
                listener = null;
            }
        };
    }

    @Override
    public TradingMode mode() {
        return TradingMode.PAPER;
    }

    // ---- internals ---------------------------------------------------------------------------------------

    private void fillEntry(Book b, EntryFill entry) {
        b.state = State.OPEN;
        b.fillPrice = entry.price();
        Order parent = orders.get(b.entryId);
        Order filled = parent.with(OrderStatus.FILLED, parent.quantity(), entry.price().toBigDecimal(), entry.time());
        orders.put(b.entryId, filled);
        Order leg = orders.get(b.legId);
        Order active = leg.with(OrderStatus.NEW, 0, null, entry.time());
        orders.put(b.legId, active);
        emit(new OrderUpdate(OrderEventType.FILL, withCurrentLegs(filled), fill(filled, entry.price(), entry.time()),
                entry.time()));
        emit(new OrderUpdate(OrderEventType.NEW, active, null, entry.time()));
    }

    private void fillStopLeg(Book b, ExitFill stop) {
        fillExit(b, orders.get(b.legId), stop);
    }

    private void fillExit(Book b, Order order, ExitFill exit) {
        b.state = State.CLOSED;
        long shares = b.intent.shares();
        BigDecimal perShare = exit.price().toBigDecimal().subtract(b.fillPrice.toBigDecimal());
        BigDecimal gross = perShare.multiply(BigDecimal.valueOf(b.intent.direction().sign() * shares));
        realizedNet = realizedNet.add(gross).subtract(fills.commission(shares));
        Order filled = order.with(OrderStatus.FILLED, order.quantity(), exit.price().toBigDecimal(), exit.time());
        orders.put(order.brokerOrderId(), filled);
        emit(new OrderUpdate(OrderEventType.FILL, filled, fill(filled, exit.price(), exit.time()), exit.time()));
    }

    private Fill fill(Order order, Price price, Instant time) {
        return new Fill("sx-" + (++executions), order.brokerOrderId(), order.clientOrderId(), order.symbol(),
                order.side(), order.quantity(), price, time);
    }

    private void cancelOrder(Order o) {
        if (o.status().isTerminal()) {
            return;
        }
        Instant now = clock.now();
        Order canceled = o.with(OrderStatus.CANCELED, o.filledQuantity(), o.filledAvgPrice(), now);
        orders.put(o.brokerOrderId(), canceled);
        Book b = books.get(o.symbol());
        boolean unfilledEntry = b != null && o.brokerOrderId().equals(b.entryId) && o.filledQuantity() == 0;
        if (unfilledEntry) {
            b.state = State.CANCELED;
            Order leg = orders.get(b.legId);
            if (!leg.status().isTerminal()) {
                orders.put(b.legId, leg.with(OrderStatus.CANCELED, 0, null, now));
            }
        }
        emit(new OrderUpdate(OrderEventType.CANCELED, withCurrentLegs(canceled), null, now));
        if (unfilledEntry) {
            emit(new OrderUpdate(OrderEventType.CANCELED, orders.get(b.legId), null, now));
        }
    }

    private Order withCurrentLegs(Order o) {
        if (o.legs().isEmpty()) {
            return o;
        }
        List<Order> legs = new ArrayList<>(o.legs().size());
        for (Order leg : o.legs()) {
            legs.add(orders.getOrDefault(leg.brokerOrderId(), leg));
        }
        return o.withLegs(legs);
    }

    private String nextId() {
        return "sb-" + (++ids);
    }

    private void emit(OrderUpdate update) {
        OrderUpdateListener l = listener;
        if (l != null) {
            l.onOrderUpdate(update);
        }
    }

    private enum State {
        WORKING,
        OPEN,
        CLOSED,
        CANCELED
    }

    /** One symbol's entry, its stop-loss leg and the position they make. */
    private static final class Book {
        final OrderIntent intent;
        final String entryId;
        final String legId;
        State state = State.WORKING;
        Price fillPrice;
        Bar lastBar;

        Book(OrderIntent intent, String entryId, String legId) {
            this.intent = intent;
            this.entryId = entryId;
            this.legId = legId;
        }
    }
}
