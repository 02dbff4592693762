package io.lgc.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a dataset into an output directory in one of the {@link OutputFormat}s, streamed in
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
     * Starts writing {@code count} samples of {@code shape} into {@code dir}, created when missing.
     *
     * @param classNames the classes, so that labels must lie below their number; null for none
     *     ("0", "1", ... as far as the labels go)
     */
    static DatasetWriter open(OutputFormat format, Path dir, ImageShape shape, int count, List<String> classNames)
            throws IOException {
        return switch (format) {
            case IDX -> IdxWriter.open(dir, NAME, shape, count, classNames);
            case NPZ -> NpzWriter.open(dir, shape, count, classNames);
            case PNG -> PngFolderWriter.open(dir, shape, count, classNames);
        };
    }

    /** Writes a whole dataset with its class names; returns the files written. */
    static List<Path> write(OutputFormat format, Dataset dataset, Path dir) throws IOException {
        try (DatasetWriter out = open(format, dir, dataset.shape(), dataset.size(), dataset.classNames())) {
            out.write(dataset.pixels(), dataset.labels());
            return out.commit();
        }
    }

    /** Appends a batch: {@code labels.length} samples, CHW, one after the other in {@code pixels}. */
    void write(byte[] pixels, int[] labels) throws IOException;

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
