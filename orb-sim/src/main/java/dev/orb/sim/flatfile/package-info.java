/**
 * Polygon flat files: the layout ({@link dev.orb.sim.flatfile.FlatFileLayout}), a dataset that lists the
 * sessions of a run ({@link dev.orb.sim.flatfile.FlatFileDataset}), a validating streaming reader that holds one
 * session at a time ({@link dev.orb.sim.flatfile.FlatFileReader}, {@link dev.orb.sim.flatfile.SessionReplay}),
 * column-wise minute bars for the replay's hot path ({@link dev.orb.sim.flatfile.SessionMinutes}) and a writer
 * of the same format ({@link dev.orb.sim.flatfile.FlatFileWriter}).
 *
 * <p>Numbers are parsed exactly from the text: prices to nano-dollars with at most nine decimals, volumes as
 * whole numbers. Anything malformed is a {@link dev.orb.sim.flatfile.FlatFileException} naming file and line,
 * never a silently different value. Nothing here is null unless its Javadoc says so.
 */
package dev.orb.sim.flatfile;
