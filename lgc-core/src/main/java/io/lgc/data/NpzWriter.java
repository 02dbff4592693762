package io.lgc.data;

import io.lgc.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes {@code DIR/train.npz}, or one named {@code .npz} file, as {@code np.savez_compressed} would:
 * deflated members {@code x.npy} (uint8, N×H×W for one channel, N×H×W×C for more), {@code y.npy} (int64) and,
 * when class names are given, {@code class_names.npy} (fixed-width unicode). {@code np.load}
 * reads it, and so does {@link NpzReader}. A table is written as {@code x.npy} float32 N×F with
 * its feature columns' names in {@code feature_names.npy} and its label column's name in
 * {@code label_name.npy}.
 *
 * <p>Images keep the layout of dataset arrays (torchvision's MNIST and CIFAR-10, Keras'
 * {@code load_data()}), not the decoder's [C, H, W]: a reconstruction then replaces its source
 * unchanged, and {@link NpzReader} reads it back at any size, while N×1×H×W with W ≤ 4 would
 * look like channels-last images one pixel high.
 *
 * <p>The images stream straight into the archive: the count is known up front, so the header of
 * {@code x.npy} can be written first. Labels are kept (4 bytes a sample) and written at commit,
 * since a zip member must end before the next begins. The archive is a hidden temporary renamed
 * into place on commit. Identical data give identical bytes: members carry a fixed date.
 */
final class NpzWriter extends AtomicDatasetWriter {
    static final String FILE_NAME = DatasetWriter.NAME + ".npz";
    /** The earliest date a zip can hold, so that the bytes do not depend on when they were written. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /** The images' shape, or null for a table. */
    private final ImageShape shape;
    /** The table's columns, or null for images. */
    private final TableColumns columns;
    private final List<String> classNames;
    private final SampleCount samples;
    private final int[] labels;
    private final PendingFile file;
    private final ZipOutputStream zip;
    private final byte[] scratch;

    private NpzWriter(SampleLayout layout, int count, List<String> classNames, SampleCount samples, PendingFile file,
            ZipOutputStream zip) {
        this.shape = layout instanceof ImageShape image ? image : null;
        this.columns = layout instanceof TableColumns table ? table : null;
        this.classNames = classNames;
        this.samples = samples;
        this.labels = new int[count];
        this.file = file;
        this.zip = zip;
        this.scratch = new byte[layout.size() * (columns != null ? Float.BYTES : 1)];
    }

    /** Starts writing {@code count} table rows as {@code file}: x float32 N×F. */
    static NpzWriter openTable(Path file, TableColumns columns, int count, List<String> classNames)
            throws IOException {
        return open(file, columns, count, classNames, "<f4", new long[] {count, columns.size()});
    }

    /** Starts writing {@code count} images as {@code file}, which appears on commit. */
    static NpzWriter open(Path file, ImageShape shape, int count, List<String> classNames) throws IOException {
        requireChannels(file, shape);
        long[] xShape = shape.channels() == 1
                ? new long[] {count, shape.height(), shape.width()}
                : new long[] {count, shape.height(), shape.width(), shape.channels()};
        return open(file, shape, count, classNames, "|u1", xShape);
    }

    static void requireChannels(Path output, ImageShape shape) {
        if (shape.channels() > 4) {
            // N×H×W×C with C > 4 would read back as N×C×H×W or not at all (see NpzReader).
            throw new InputException(output + ": npz output holds 1 to 4 channels, the data has " + shape.channels()
                    + "; write idx instead");
        }
    }

    private static NpzWriter open(Path target, SampleLayout layout, int count, List<String> classNames,
            String xDtype, long[] xShape) throws IOException {
        SampleCount samples = new SampleCount(layout, count, classNames);
        PendingFile file = PendingFile.plain(target);
        ZipOutputStream zip = new ZipOutputStream(file.out);
        try {
            zip.putNextEntry(entry("x"));
            zip.write(NpyHeader.format(xDtype, xShape));
            return new NpzWriter(layout, count, classNames == null ? null : List.copyOf(classNames), samples, file,
                    zip);
        } catch (IOException | RuntimeException e) {
            discard(zip, file);
            throw e;
        }
    }

    @Override
    public void write(byte[] pixels, int[] batchLabels) throws IOException {
        requireOpen();
        if (shape == null) {
            throw new IllegalStateException("this writer holds table rows, not images");
        }
        samples.check(pixels, batchLabels);
        try {
            if (shape.channels() == 1) {
                zip.write(pixels); // CHW with one channel is HW already
            } else {
                writeChannelsLast(pixels, batchLabels.length);
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
        System.arraycopy(batchLabels, 0, labels, samples.add(batchLabels.length), batchLabels.length);
    }

    @Override
    public void writeRows(float[] values, int[] batchLabels) throws IOException {
        requireOpen();
        if (columns == null) {
            throw new IllegalStateException("this writer holds images, not table rows");
        }
        samples.check(values, batchLabels);
        try {
            ByteBuffer row = ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN);
            int f = columns.size();
            for (int i = 0; i < batchLabels.length; i++) {
                row.clear();
                for (int j = 0; j < f; j++) {
                    row.putFloat(values[i * f + j]);
                }
                zip.write(scratch);
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
        System.arraycopy(batchLabels, 0, labels, samples.add(batchLabels.length), batchLabels.length);
    }

    private void writeChannelsLast(byte[] pixels, int count) throws IOException {
        int c = shape.channels();
        int area = shape.height() * shape.width();
        for (int sample = 0; sample < count; sample++) {
            int base = sample * shape.size();
            for (int p = 0; p < area; p++) {
                for (int ch = 0; ch < c; ch++) {
                    scratch[p * c + ch] = pixels[base + ch * area + p];
                }
            }
            zip.write(scratch);
        }
    }

    @Override
    boolean complete() {
        return samples.complete();
    }

    @Override
    RuntimeException incomplete() {
        return samples.incomplete();
    }

    @Override
    List<Path> publish() throws IOException {
        zip.closeEntry();
        zip.putNextEntry(entry("y"));
        zip.write(NpyHeader.format("<i8", labels.length));
        ByteBuffer y = ByteBuffer.allocate(8 * labels.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int label : labels) {
            y.putLong(label);
        }
        zip.write(y.array());
        zip.closeEntry();
        if (classNames != null) {
            writeStrings(NpzReader.CLASS_NAMES_KEY, classNames);
        }
        if (columns != null) {
            writeStrings(NpzReader.FEATURE_NAMES_KEY, columns.features());
            writeStrings(NpzReader.LABEL_NAME_KEY, List.of(columns.labelName()));
        }
        zip.finish();
        file.finish();
        file.moveIntoPlace();
        closeQuietly(zip); // releases the deflater; the file is complete
        return List.of(file.target);
    }

    /** NumPy's {@code <U n}: n UTF-32LE code points per name, zero-padded. */
    private void writeStrings(String key, List<String> names) throws IOException {
        int width = Math.max(1, names.stream().mapToInt(n -> n.codePointCount(0, n.length())).max().orElse(1));
        zip.putNextEntry(entry(key));
        zip.write(NpyHeader.format("<U" + width, names.size()));
        for (String name : names) {
            byte[] item = new byte[4 * width];
            byte[] encoded = name.getBytes(UTF_32LE);
            System.arraycopy(encoded, 0, item, 0, encoded.length);
            zip.write(item);
        }
        zip.closeEntry();
    }

    @Override
    void discard() {
        discard(zip, file);
    }

    private static void discard(ZipOutputStream zip, PendingFile file) {
        file.discard(); // first, so that closing the zip cannot add to the temporary
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipOutputStream zip) {
        try {
            zip.close();
        } catch (IOException | RuntimeException e) {
            // only releasing the deflater; the output is complete or already discarded
        }
    }

    private static ZipEntry entry(String key) {
        ZipEntry entry = new ZipEntry(key + ".npy");
        entry.setTimeLocal(FIXED_TIME);
        return entry;
    }
}
