/**
 * Immutable domain values shared by every orb module: symbols, prices on the exchange tick, bars,
 * daily statistics, opening ranges, order intents, orders, fills, positions, accounts, assets and
 * trading sessions.
 *
 * <p>Every value is a record validated at construction; an invalid argument raises
 * {@link dev.orb.domain.InvalidValueException} whose message names the field and the offending value.
 * Nothing in this package is null unless its Javadoc says so. Prices that can become part of an order are
 * {@link dev.orb.domain.Price}: fixed-scale and exact, never binary floating point.
 */
package dev.orb.domain;
