package dev.orb.ports;

/**
 * Everything orb persists, as one port: the journal, system state, market data, the audit trail and logs.
 * orb-adapter-jdbc implements it on H2 and PostgreSQL; orb-core's fakes keep it in memory.
 *
 * <p>Implementations must be safe for concurrent use and durable once a method returns.
 */
public interface Storage extends JournalStore, SystemStateStore, MarketStore, TradingStore, LogStore {
}
