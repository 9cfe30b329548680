package dev.orb.adapter.alpaca.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Position;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import net.jacobpeterson.alpaca.model.endpoint.account.enums.AccountStatus;
import net.jacobpeterson.alpaca.model.endpoint.calendar.Calendar;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.StockBar;

/**
 * Translates alpaca-java's account, position, asset, bar and calendar models into orb's domain values. Failures
 * surface as the domain's {@code InvalidValueException} or {@code NumberFormatException} naming the field; the
 * callers wrap them into the port's exception.
 */
final class Mappers {
    private static final Logger LOG = LoggerFactory.getLogger(Mappers.class);

    private Mappers() {
    }

    /**
     * The account. Trading counts as blocked when Alpaca blocks it, the user suspended it, or the account is not
     * ACTIVE (an unknown status included — refusing to trade is the safe reading). A negative buying power
     * (margin call) reads as zero.
     */
    static Account account(net.jacobpeterson.alpaca.model.endpoint.account.Account a) {
        BigDecimal buyingPower = Numbers.decimal(a.getBuyingPower(), "account buying_power", BigDecimal.ZERO);
        if (buyingPower.signum() < 0) {
            LOG.warn("Alpaca reports negative buying power {}; reading it as 0", buyingPower.toPlainString());
            buyingPower = BigDecimal.ZERO;
        }
        boolean active = a.getStatus() == AccountStatus.ACTIVE;
        if (!active) {
            LOG.warn("Alpaca account status is {}: trading is treated as blocked", a.getStatus());
        }
        BigDecimal multiplier = Numbers.decimal(a.getMultiplier(), "account multiplier", BigDecimal.ONE);
        return new Account(
                Numbers.decimal(a.getEquity(), "account equity", BigDecimal.ZERO),
                Numbers.decimal(a.getLastEquity(), "account last_equity", BigDecimal.ZERO),
                buyingPower,
                Math.max(1, multiplier.intValue()),
                isTrue(a.getPatternDayTrader()),
                a.getDaytradeCount() == null ? 0 : a.getDaytradeCount(),
                isTrue(a.getTradingBlocked()) || isTrue(a.getTradeSuspendedByUser()) || !active,
                isTrue(a.getAccountBlocked()),
                isTrue(a.getShortingEnabled()));
    }

    /** The position; the sign of the quantity follows {@code side} ("short" is negative). */
    static Position position(net.jacobpeterson.alpaca.model.endpoint.positions.Position p) {
        String what = "position " + p.getSymbol();
        long qty = Math.abs(Numbers.shares(p.getQuantity(), what + " qty"));
        boolean isShort = "short".equalsIgnoreCase(p.getSide())
                || (p.getSide() == null && Numbers.shares(p.getQuantity(), what + " qty") < 0);
        return new Position(Symbol.of(p.getSymbol()), isShort ? -qty : qty,
                Numbers.decimal(p.getAverageEntryPrice(), what + " avg_entry_price"),
                positiveOrNull(Numbers.decimal(p.getCurrentPrice(), what + " current_price")));
    }

    /** Tradability; a missing flag reads as false. */
    static Asset asset(Symbol symbol, net.jacobpeterson.alpaca.model.endpoint.assets.Asset a) {
        return new Asset(symbol, isTrue(a.getTradable()), isTrue(a.getShortable()), isTrue(a.getEasyToBorrow()));
    }

    /** An intraday bar; vendor doubles become exact 9-decimal prices. */
    static Bar bar(Symbol symbol, Timeframe timeframe, StockBar b) {
        return new Bar(symbol, b.getTimestamp().toInstant(), timeframe, vendor(b.getOpen(), symbol, "o"),
                vendor(b.getHigh(), symbol, "h"), vendor(b.getLow(), symbol, "l"), vendor(b.getClose(), symbol, "c"),
                b.getVolume() == null ? 0 : b.getVolume());
    }

    /** A daily bar, dated by its start in New York (Alpaca stamps daily bars at midnight New York time). */
    static DailyBar dailyBar(Symbol symbol, StockBar b) {
        return new DailyBar(symbol, dateInNewYork(b), vendor(b.getOpen(), symbol, "o"), vendor(b.getHigh(), symbol, "h"),
                vendor(b.getLow(), symbol, "l"), vendor(b.getClose(), symbol, "c"),
                b.getVolume() == null ? 0 : b.getVolume());
    }

    static LocalDate dateInNewYork(StockBar b) {
        return b.getTimestamp().withZoneSameInstant(MarketTime.NEW_YORK).toLocalDate();
    }

    /** One calendar day ("open":"09:30","close":"13:00" on an early close). */
    static TradingSession session(Calendar c) {
        return TradingSession.of(c.getDate(), c.getOpen(), c.getClose());
    }

    private static Price vendor(Double value, Symbol symbol, String field) {
        if (value == null) {
            throw new NumberFormatException("bar " + symbol + " " + field + " is missing");
        }
        return Price.ofVendorDouble(value);
    }

    private static BigDecimal positiveOrNull(BigDecimal d) {
        return d == null || d.signum() <= 0 ? null : d;
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
