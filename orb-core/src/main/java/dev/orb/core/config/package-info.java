/**
 * {@link dev.orb.core.config.OrbConfig}: every parameter of the strategy and its risk controls in one
 * validated, immutable object with the documented defaults of strategy.md and safety.md.
 */
package dev.orb.core.config;
