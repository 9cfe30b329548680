/**
 * A deterministic synthetic market ({@link dev.orb.sim.synth.SyntheticMarket}) with its knobs
 * ({@link dev.orb.sim.synth.GeneratorConfig}), written in the Polygon flat-file format so that tests, the demo
 * and users read the same kind of input. Nothing here is null unless its Javadoc says so.
 */
package dev.orb.sim.synth;
