/**
 * The pure rules of the ORB strategy (strategy.md §1–8): daily statistics and the universe filter, the opening
 * range, relative volume, ranking and selection, entry and stop prices, position sizing, the morning
 * {@link dev.orb.core.strategy.Scanner scan} as one function, and the session's schedule.
 *
 * <p>Everything here is a stateless static function or an immutable record: no I/O, no clock, no logging, safe
 * to call from any thread. Arguments and results are never null unless a Javadoc says so; a null argument
 * raises {@link java.lang.NullPointerException} naming it, an invalid value raises
 * {@link dev.orb.domain.InvalidValueException} naming the symbol and the value. Prices, ATR and sizes are exact
 * decimals; relative volume is an exact {@link dev.orb.core.strategy.Ratio}, converted to {@code double} only
 * for display.
 */
package dev.orb.core.strategy;
