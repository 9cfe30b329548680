package dev.orb.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One filled trade, open or closed. Keyed by its entry order's client order id.
 *
 * @param entryOrderId the entry's client order id
 * @param session      session date
 * @param symbol       the ticker
 * @param direction    LONG or SHORT
 * @param shares       filled shares
 * @param entryPrice   planned entry (stop trigger)
 * @param stopPrice    protective stop
 * @param fillTime     entry fill time
 * @param fillPrice    average entry fill price
 * @param exitTime     exit time, or null while open
 * @param exitPrice    average exit price, or null while open
 * @param exitReason   why it closed, or null while open
 * @param commission   round-trip commission so far, ≥ 0
 * @param pnl          realised P&amp;L net of commission, or null while open
 */
public record TradeRecord(ClientOrderId entryOrderId, LocalDate session, Symbol symbol, Direction direction, long shares,
                          Price entryPrice, Price stopPrice, Instant fillTime, BigDecimal fillPrice, Instant exitTime,
                          BigDecimal exitPrice, ExitReason exitReason, BigDecimal commission, BigDecimal pnl) {
    public TradeRecord {
        Require.nonNull(entryOrderId, "TradeRecord.entryOrderId");
        Require.nonNull(session, "TradeRecord.session");
        Require.nonNull(symbol, "TradeRecord.symbol");
        Require.nonNull(direction, "TradeRecord.direction");
        Require.positive(shares, "TradeRecord.shares");
        Require.nonNull(entryPrice, "TradeRecord.entryPrice");
        Require.nonNull(stopPrice, "TradeRecord.stopPrice");
        Require.nonNull(fillTime, "TradeRecord.fillTime");
        Require.positive(fillPrice, "TradeRecord.fillPrice");
        Require.nonNegative(commission, "TradeRecord.commission");
        boolean closed = exitTime != null;
        if (!(closed == (exitPrice != null) && closed == (exitReason != null) && closed == (pnl != null))) {
            throw new InvalidValueException("TradeRecord: exitTime, exitPrice, exitReason and pnl must be all set or all null (" + entryOrderId + ")");
        }
    }

    public boolean isClosed() {
        return exitTime != null;
    }
}
