package dev.orb.core.live;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.orb.domain.Asset;
import dev.orb.domain.Symbol;
import dev.orb.ports.Broker;

/** {@link AssetSource#fromBroker}: per-symbol broker calls, cached for one session. Thread-safe (synchronized). */
final class BrokerAssetSource implements AssetSource {
    private final Broker broker;
    private final Map<Symbol, Asset> cache = new HashMap<>();
    private LocalDate cachedSession;

    BrokerAssetSource(Broker broker) {
        this.broker = Objects.requireNonNull(broker, "broker");
    }

    @Override
    public synchronized Map<Symbol, Asset> assets(LocalDate session, Collection<Symbol> symbols) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(symbols, "symbols");
        if (!session.equals(cachedSession)) {
            // borrow lists change overnight: yesterday's answers are not today's
            cache.clear();
            cachedSession = session;
        }
        Map<Symbol, Asset> out = new TreeMap<>();
        for (Symbol s : symbols) {
            Asset a = cache.get(s);
            if (a == null) {
                a = broker.asset(s);
                cache.put(s, a);
            }
            out.put(s, a);
        }
        return out;
    }
}
