/**
 * Datasets in memory and the files they come from: images ({@link io.lgc.data.Dataset}, uint8
 * pixels) or tables ({@link io.lgc.data.Table}, float features with named columns), both
 * {@link io.lgc.data.LabelledData}, which is all that training, encoding and evaluation need.
 *
 * <ul>
 *   <li>{@link io.lgc.data.DatasetResolver} turns a command-line argument ({@code fashion-mnist/train},
 *       a file, a directory) into a {@link io.lgc.data.ResolvedDataset}: the dataset plus its source
 *       files for provenance, the {@link io.lgc.data.InputFormat} it was read as, and warnings
 *       (skipped or converted images). {@link io.lgc.data.ReadOptions} name the format and the
 *       per-format settings: image size, channels and {@code skipBad} for image folders, array keys
 *       for npz, the labels file for IDX.
 *   <li>Readers, one per format: {@link io.lgc.data.IdxReader} (MNIST's IDX, strict),
 *       {@code ImageFolderReader} (one sub-folder of PNG/JPEG/BMP/GIF images per class, resized by
 *       {@code ImageResizer}), {@code CifarReader} (CIFAR-10/100 binary batches) and
 *       {@code NpzReader} (NumPy archives, with a parser of its own for {@code .npy}; images or a
 *       table) and {@code CsvReader} (CSV tables, RFC 4180, over {@code CsvRecords}).
 *       {@code FormatDetector} picks one when the format is not given.
 *   <li>{@link io.lgc.data.DatasetWriter} writes a dataset in an {@link io.lgc.data.OutputFormat}
 *       (IDX, npz, a PNG folder; a table as CSV or npz), streamed and atomically renamed into place; every output reads
 *       back through the resolver. {@link io.lgc.data.ClassFolders} makes class names safe as
 *       folder names, and {@code classes.txt} maps them back.
 *   <li>{@link io.lgc.data.IdxFiles} and {@link io.lgc.data.IdxFileNames} find the labels file and
 *       {@code classes.txt} beside an images file; {@link io.lgc.data.ClassNames} reads the latter.
 *   <li>{@link io.lgc.data.Subsets} draws reproducible subsets; {@link io.lgc.data.FeatureScaling}
 *       standardises a table's features and undoes it.
 * </ul>
 *
 * <p>Bad files are reported as {@link io.lgc.InputException}s whose message starts with the file's
 * path (and names the image, record or array element) and says what is wrong; failures to write
 * output are {@link java.io.IOException}s.
 *
 * <p>Handed out by the API ({@code io.lgc.api.Lgc}): {@code LabelledData}, {@code Dataset}, {@code Table},
 * {@code ReadOptions}, {@code ImageSize}, {@code ImageShape}, {@code TableColumns}, {@code OutputFormat}.
 * The readers, writers and their helpers are internal.
 */
package io.lgc.data;
