package io.lgc.data;

import io.lgc.output.OutputTarget;
import io.lgc.output.PendingDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a dataset (images or a table) into an output directory in one of the {@link OutputFormat}s, streamed in
 * batches, and atomically: nothing appears under its final name before {@link #commit()}, and
 * closing without committing (or any failure) leaves no partial output behind.
 *
 * <pre>{@code
 * try (DatasetWriter out = DatasetWriter.open(OutputFormat.NPZ, dir, shape, count, classNames)) {
 *     for (...) out.write(batchPixels, batchLabels);
 *     out.commit();
 * }
 * }</pre>
 *
 * <p>Problems writing the output are {@link IOException}s; data the format cannot hold (5
 * channels as PNG) and an output directory holding something else are
 * {@link io.lgc.InputException}s; misuse (more samples than announced, a label outside the class
 * names) is an {@link IllegalArgumentException} or {@link IllegalStateException}.
 */
public interface DatasetWriter extends AutoCloseable {
    /** The name of what is written: {@code train-images-idx3-ubyte.gz}, {@code train.npz}. */
    String NAME = "train";

    /**
     * Starts writing {@code count} samples of {@code layout} as the directory {@code dir}: images as
     * idx, npz or png, a table as csv or npz (any other pairing is an {@link io.lgc.InputException}
     * naming {@code dir}). DIR appears, whole, on {@link #commit()}. It may be new, an empty
     * directory or an earlier output of these writers, which is replaced; anything else is refused
     * ({@link DatasetOutput}).
     *
     * @param classNames the classes, so that labels must lie below their number; null for none
     *     ("0", "1", ... as far as the labels go)
     */
    static DatasetWriter open(OutputFormat format, Path dir, SampleLayout layout, int count, List<String> classNames)
            throws IOException {
        return open(format, DatasetOutput.target(dir, true), layout, count, classNames);
    }

    /**
     * As {@link #open(OutputFormat, Path, SampleLayout, int, List)}, with the output's rules given. A
     * {@linkplain OutputTarget#file file} target is written as that one file, which a format that is
     * one file ({@link OutputFormat#isOneFile()}: npz, csv) allows.
     */
    static DatasetWriter open(OutputFormat format, OutputTarget target, SampleLayout layout, int count,
            List<String> classNames) throws IOException {
        format.requireFits(layout, target.path().toString());
        new SampleCount(layout, count, classNames); // refuses the count before anything is created
        if (layout instanceof ImageShape shape) {
            if (format == OutputFormat.PNG) {
                PngFolderWriter.requireChannels(target.path(), shape);
            } else if (format == OutputFormat.NPZ) {
                NpzWriter.requireChannels(target.path(), shape);
            }
        }
        if (!target.isDirectory()) {
            return openFile(format, target, layout, count, classNames);
        }
        PendingDirectory pending = PendingDirectory.create(target);
        try {
            return new DirectoryWriter(openIn(format, pending.temp(), layout, count, classNames), pending,
                    target.path());
        } catch (IOException | RuntimeException e) {
            pending.discard();
            throw e;
        }
    }

    /** The most samples of {@code layout} one output holds: what a reader can hold in memory. */
    static long maxSamples(SampleLayout layout) {
        return IdxInput.MAX_BODY_BYTES / layout.size();
    }

    private static DatasetWriter openIn(OutputFormat format, Path dir, SampleLayout layout, int count,
            List<String> classNames) throws IOException {
        if (format.isOneFile()) {
            return openOneFile(format, dir.resolve(format == OutputFormat.CSV ? CsvReader.FILE_NAME
                    : NpzWriter.FILE_NAME), layout, count, classNames);
        }
        ImageShape shape = (ImageShape) layout; // requireFits lets only images through to idx and png
        return switch (format) {
            case IDX -> IdxWriter.open(dir, NAME, shape, count, classNames);
            case PNG -> PngFolderWriter.open(dir, shape, count, classNames);
            case NPZ, CSV -> throw new IllegalStateException("written as one file above");
        };
    }

    private static DatasetWriter openFile(OutputFormat format, OutputTarget target, SampleLayout layout, int count,
            List<String> classNames) throws IOException {
        if (!format.isOneFile()) {
            throw new IllegalArgumentException(format + " output is a directory, not the file " + target.path());
        }
        target.prepare();
        return openOneFile(format, target.path(), layout, count, classNames);
    }

    private static DatasetWriter openOneFile(OutputFormat format, Path file, SampleLayout layout, int count,
            List<String> classNames) throws IOException {
        if (layout instanceof TableColumns columns) {
            return format == OutputFormat.CSV ? CsvWriter.open(file, columns, count, classNames)
                    : NpzWriter.openTable(file, columns, count, classNames);
        }
        return NpzWriter.open(file, (ImageShape) layout, count, classNames);
    }

    /** Writes a whole dataset of either kind with its class names; returns the files written. */
    static List<Path> write(OutputFormat format, LabelledData dataset, Path dir) throws IOException {
        try (DatasetWriter out = open(format, dir, dataset.layout(), dataset.size(), dataset.classNames())) {
            out.write(dataset);
            return out.commit();
        }
    }

    /** As {@link #write(OutputFormat, LabelledData, Path)}, with the output's rules given. */
    static List<Path> write(OutputFormat format, LabelledData dataset, OutputTarget dir) throws IOException {
        try (DatasetWriter out = open(format, dir, dataset.layout(), dataset.size(), dataset.classNames())) {
            out.write(dataset);
            return out.commit();
        }
    }

    /** Appends a batch of either kind: images to an image writer, table rows to a table writer. */
    default void write(LabelledData batch) throws IOException {
        if (batch instanceof Table table) {
            writeRows(table.values(), table.labels());
        } else {
            Dataset images = (Dataset) batch;
            write(images.pixels(), images.labels());
        }
    }

    /** Appends a batch: {@code labels.length} samples, CHW, one after the other in {@code pixels}. */
    void write(byte[] pixels, int[] labels) throws IOException;

    /**
     * Appends a batch of table rows: {@code labels.length} rows of features, one after the other in
     * {@code values}. Image writers refuse it.
     */
    default void writeRows(float[] values, int[] labels) throws IOException {
        throw new IllegalStateException("this writer holds images, not table rows");
    }

    /**
     * Puts the output in place and returns the files written.
     *
     * @throws IllegalStateException when fewer samples were written than announced; nothing is
     *     left behind then
     */
    List<Path> commit() throws IOException;

    /** Discards everything unless {@link #commit()} succeeded. */
    @Override
    void close();
}
