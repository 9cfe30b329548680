package dev.orb.core.live;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import dev.orb.domain.Asset;
import dev.orb.domain.OrbException;
import dev.orb.domain.Symbol;
import dev.orb.ports.Broker;

/**
 * Tradability of the universe for the scan (tradable, shortable, easy to borrow). The scan decides which symbols
 * become candidates, so the source is asked about the whole universe at once: a host trading ~1,000 symbols should
 * back it with one bulk list from its broker (Alpaca's {@code GET /v2/assets}) rather than one call per symbol.
 *
 * <p>Called from the scheduler's thread; implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface AssetSource {
    /**
     * The assets of {@code symbols} on {@code session}. A symbol the source does not know may be absent: the engine
     * then treats it as not shortable (longs remain possible).
     *
     * @throws OrbException when the source cannot answer (the scan is retried on the next tick)
     */
    Map<Symbol, Asset> assets(LocalDate session, Collection<Symbol> symbols);

    /**
     * A source that asks {@link Broker#asset} once per symbol and session and remembers the answers for that session
     * (a failed scan retried later asks only what it does not know yet). Fine for tests, the demo and small universes.
     */
    static AssetSource fromBroker(Broker broker) {
        return new BrokerAssetSource(broker);
    }
}
