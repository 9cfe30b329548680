/**
 * The ports: the interfaces through which orb's core talks to the world — the clock, the exchange
 * calendar, market data, the broker and storage. Adapters implement them; the core depends on nothing else.
 *
 * <p>Each interface states its threading contract. Nothing returned is null unless said so; collections
 * returned are unmodifiable snapshots.
 */
package dev.orb.ports;
