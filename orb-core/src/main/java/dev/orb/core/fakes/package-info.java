/**
 * Hand-written fakes of every port, for tests, simulations and users' own property tests: a
 * {@link dev.orb.core.fakes.ManualClock}, {@link dev.orb.core.fakes.InMemoryStorage},
 * {@link dev.orb.core.fakes.InMemoryMarketData} and a {@link dev.orb.core.fakes.FakeBroker} with simple fills
 * and failure injection. They record what was asked of them and offer {@code assert*} helpers.
 *
 * <p>Published in the main jar and, alone, as {@code dev.orb:orb-core:fakes} (classifier {@code fakes}).
 */
package dev.orb.core.fakes;
