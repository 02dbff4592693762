/**
 * Datasets in memory and the files they come from.
 *
 * <ul>
 *   <li>{@link io.lgc.data.DatasetResolver} turns a command-line argument ({@code fashion-mnist/train},
 *       an images file, an output directory) into a {@link io.lgc.data.ResolvedDataset}: the
 *       dataset plus its source files for provenance.
 *   <li>{@link io.lgc.data.IdxReader} reads IDX files strictly; {@link io.lgc.data.IdxWriter} writes
 *       them, streamed, deterministic and atomically renamed into place.
 *   <li>{@link io.lgc.data.IdxFiles} and {@link io.lgc.data.IdxFileNames} find the labels file and
 *       {@code classes.txt} beside an images file; {@link io.lgc.data.ClassNames} reads the latter.
 *   <li>{@link io.lgc.data.Subsets} draws reproducible subsets.
 * </ul>
 *
 * <p>Bad files are reported as {@link io.lgc.InputException}s whose message starts with the file's
 * path and says what is wrong; failures to write output are {@link java.io.IOException}s.
 */
package io.lgc.data;
