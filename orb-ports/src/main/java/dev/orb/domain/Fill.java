package dev.orb.domain;

import java.time.Instant;

/**
 * One execution. The execution id is unique per broker: a fill seen twice (stream replay, resync) is the
 * same fill and counts once.
 *
 * @param executionId   the broker's execution id
 * @param brokerOrderId the order that filled
 * @param clientOrderId its client order id
 * @param symbol        the ticker
 * @param side          buy or sell
 * @param quantity      shares in this execution, ≥ 1
 * @param price         execution price
 * @param time          execution time
 */
public record Fill(String executionId, String brokerOrderId, ClientOrderId clientOrderId, Symbol symbol, OrderSide side,
                   long quantity, Price price, Instant time) {
    public Fill {
        Require.nonNull(executionId, "Fill.executionId");
        if (!(!executionId.isBlank())) {
            throw new InvalidValueException("Fill.executionId: must not be blank");
        }
        Require.nonNull(brokerOrderId, "Fill.brokerOrderId");
        Require.nonNull(clientOrderId, "Fill.clientOrderId");
        Require.nonNull(symbol, "Fill.symbol");
        Require.nonNull(side, "Fill.side");
        Require.positive(quantity, "Fill.quantity");
        Require.nonNull(price, "Fill.price");
        Require.nonNull(time, "Fill.time");
    }
}
