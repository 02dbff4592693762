package io.lgc.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a dataset as gzip'd IDX files {@code DIR/<prefix>-images-idx3-ubyte.gz} (IDX4 when the
 * images have several channels) and {@code DIR/<prefix>-labels-idx1-ubyte.gz}, plus
 * {@code DIR/classes.txt} when class names are given.
 *
 * <p>Each file is written to a hidden temporary file in {@code DIR} and renamed into place on
 * {@link #commit()}, so no reader ever sees a half-written file; closing without committing
 * deletes the temporaries. The output depends on the data alone (gzip with modification time 0,
 * fixed compression), so identical datasets give identical bytes, however they were batched.
 *
 * <pre>{@code
 * try (IdxWriter out = IdxWriter.open(dir, "train", shape, count, classNames)) {
 *     for (...) out.write(batchPixels, batchLabels);
 *     out.commit();
 * }
 * }</pre>
 */
public final class IdxWriter extends AtomicDatasetWriter {
    private static final int MAX_LABEL = 255; // labels are stored as unsigned bytes

    private final ImageShape shape;
    private final int count;
    private final int labelLimit;
    private final List<PendingFile> pending;
    private final PendingFile images;
    private final PendingFile labels;
    private int written;

    private IdxWriter(ImageShape shape, int count, int labelLimit, PendingFile images, PendingFile labels,
            List<PendingFile> pending) {
        this.shape = shape;
        this.count = count;
        this.labelLimit = labelLimit;
        this.images = images;
        this.labels = labels;
        this.pending = pending;
    }

    /** Writes a whole dataset with its class names; returns the files written. */
    public static List<Path> write(Dataset dataset, Path dir, String prefix) throws IOException {
        try (IdxWriter out = open(dir, prefix, dataset.shape(), dataset.size(), dataset.classNames())) {
            out.write(dataset.pixels(), dataset.labels());
            return out.commit();
        }
    }

    /** Starts writing {@code count} samples of {@code shape}, without a {@code classes.txt}. */
    public static IdxWriter open(Path dir, String prefix, ImageShape shape, int count) throws IOException {
        return open(dir, prefix, shape, count, null);
    }

    /**
     * Starts writing {@code count} samples of {@code shape} (the IDX header needs the count first).
     *
     * @param classNames written to {@code classes.txt}; labels must then be below their number.
     *     Null writes no {@code classes.txt} (and leaves any existing one alone).
     */
    public static IdxWriter open(Path dir, String prefix, ImageShape shape, int count, List<String> classNames)
            throws IOException {
        requirePrefix(prefix);
        if (count < 1) {
            throw new IllegalArgumentException("an IDX file holds at least one sample, got count " + count);
        }
        String classesText = classNames == null ? null : ClassNames.format(classNames);
        Files.createDirectories(dir);
        List<PendingFile> pending = new ArrayList<>();
        try {
            PendingFile images = PendingFile.gzip(dir.resolve(IdxFileNames.imagesFileName(prefix, shape)));
            pending.add(images);
            images.out.write(imagesHeader(shape, count));
            PendingFile labels = PendingFile.gzip(dir.resolve(IdxFileNames.labelsFileName(prefix)));
            pending.add(labels);
            labels.out.write(labelsHeader(count));
            if (classesText != null) {
                PendingFile classes = PendingFile.plain(dir.resolve(IdxFileNames.CLASS_NAMES));
                pending.add(classes);
                classes.out.write(classesText.getBytes(StandardCharsets.UTF_8));
            }
            int labelLimit = classNames == null ? MAX_LABEL + 1 : Math.min(MAX_LABEL + 1, classNames.size());
            return new IdxWriter(shape, count, labelLimit, images, labels, pending);
        } catch (IOException | RuntimeException e) {
            pending.forEach(PendingFile::discard);
            throw e;
        }
    }

    /** Appends a batch: {@code labels.length} samples whose pixels lie one after the other. */
    @Override
    public void write(byte[] pixels, int[] batchLabels) throws IOException {
        requireOpen();
        if ((long) batchLabels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixel bytes for " + batchLabels.length
                    + " samples of " + shape);
        }
        if (written + (long) batchLabels.length > count) {
            throw new IllegalArgumentException("batch of " + batchLabels.length + " after " + written
                    + " samples exceeds the " + count + " announced");
        }
        byte[] labelBytes = new byte[batchLabels.length];
        for (int i = 0; i < batchLabels.length; i++) {
            int label = batchLabels[i];
            if (label < 0 || label >= labelLimit) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (labelLimit - 1));
            }
            labelBytes[i] = (byte) label;
        }
        try {
            images.out.write(pixels);
            labels.out.write(labelBytes);
        } catch (IOException e) {
            abort();
            throw e;
        }
        written += batchLabels.length;
    }

    /**
     * Finishes the files and renames them into place, the images file last (readers find a dataset
     * by its images file, so it appears once its labels are there). Returns the files written.
     *
     * @throws IllegalStateException when fewer samples were written than announced; nothing is
     *     left behind then
     */
    @Override
    boolean complete() {
        return written == count;
    }

    @Override
    RuntimeException incomplete() {
        return new IllegalStateException("wrote " + written + " of the " + count
                + " samples announced; nothing was committed");
    }

    @Override
    List<Path> publish() throws IOException {
        for (PendingFile file : pending) {
            file.finish();
        }
        List<PendingFile> imagesLast = new ArrayList<>(pending);
        imagesLast.remove(images);
        imagesLast.add(images);
        for (PendingFile file : imagesLast) {
            file.moveIntoPlace();
        }
        return pending.stream().map(f -> f.target).toList();
    }

    @Override
    void discard() {
        pending.forEach(PendingFile::discard);
    }

    private static void requirePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.startsWith(".") || prefix.contains("/")
                || prefix.contains("\\")) {
            throw new IllegalArgumentException("output prefix '" + prefix
                    + "' must be a plain file name start, like 'train'");
        }
    }

    private static byte[] imagesHeader(ImageShape shape, int count) {
        if (shape.channels() == 1) {
            return ByteBuffer.allocate(16).putInt(IdxMagic.IMAGES).putInt(count)
                    .putInt(shape.height()).putInt(shape.width()).array();
        }
        return ByteBuffer.allocate(20).putInt(IdxMagic.IMAGES_WITH_CHANNELS).putInt(count)
                .putInt(shape.channels()).putInt(shape.height()).putInt(shape.width()).array();
    }

    private static byte[] labelsHeader(int count) {
        return ByteBuffer.allocate(8).putInt(IdxMagic.LABELS).putInt(count).array();
    }
}
