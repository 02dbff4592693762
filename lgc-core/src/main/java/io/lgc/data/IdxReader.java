package io.lgc.data;

import io.lgc.InputException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads IDX datasets (the MNIST format): an images file of unsigned bytes (IDX3: count, height,
 * width; or IDX4: count, channels, height, width) and a labels file (IDX1), each gzip'd or not.
 * Every problem with the files is an {@link InputException} that names the file.
 */
public final class IdxReader {
    private IdxReader() {}

    /** Reads an images file with the labels file and {@code classes.txt} found beside it. */
    public static Dataset read(Path images) {
        return read(IdxFiles.beside(images, null));
    }

    /** Reads an images file with the given labels file, or the one beside it when null. */
    public static Dataset read(Path images, Path labelsOverride) {
        return read(IdxFiles.beside(images, labelsOverride));
    }

    /**
     * Reads a dataset. The number of classes is the number of names in {@code classes.txt} when
     * there is one, else the largest label + 1, named "0", "1", ...
     */
    public static Dataset read(IdxFiles files) {
        // Small files first, so a mismatch is reported before the pixels are read.
        int[] labels = readLabels(files.labels());
        List<String> names = classNamesFor(files, labels);
        try (IdxInput in = IdxInput.open(files.images())) {
            ImagesHeader header = readImagesHeader(in);
            if (header.count() != labels.length) {
                throw in.problem(header.count() + " images, but " + files.labels() + " holds "
                        + labels.length + " labels");
            }
            return new Dataset(readPixels(in, header), labels, names, header.shape());
        }
    }

    /** Reads an images file alone. */
    public static IdxImages readImages(Path images) {
        try (IdxInput in = IdxInput.open(images)) {
            ImagesHeader header = readImagesHeader(in);
            return new IdxImages(readPixels(in, header), header.count(), header.shape());
        }
    }

    /** Reads a labels file alone: one unsigned byte per sample. */
    public static int[] readLabels(Path labelsFile) {
        try (IdxInput in = IdxInput.open(labelsFile)) {
            int count = in.readHeader(IdxMagic.LABELS_EXPECTED, IdxMagic.LABELS)[0];
            String what = count + " labels";
            byte[] body = in.readBody(count, what);
            in.requireEnd(what);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = Byte.toUnsignedInt(body[i]);
            }
            return labels;
        }
    }

    private record ImagesHeader(int count, ImageShape shape, long bodyBytes) {
        String describe() {
            String size = shape.channels() == 1 ? shape.height() + "x" + shape.width() : shape.toString();
            return count + " images of " + size;
        }
    }

    private static ImagesHeader readImagesHeader(IdxInput in) {
        int[] dims = in.readHeader(IdxMagic.IMAGES_EXPECTED, IdxMagic.IMAGES, IdxMagic.IMAGES_WITH_CHANNELS);
        long bodyBytes = in.bodyBytes(dims); // bounds the shape too, so its size cannot overflow
        ImageShape shape = dims.length == 3
                ? new ImageShape(1, dims[1], dims[2])
                : new ImageShape(dims[1], dims[2], dims[3]);
        return new ImagesHeader(dims[0], shape, bodyBytes);
    }

    private static byte[] readPixels(IdxInput in, ImagesHeader header) {
        byte[] pixels = in.readBody(header.bodyBytes(), header.describe());
        in.requireEnd(header.describe());
        return pixels;
    }

    private static List<String> classNamesFor(IdxFiles files, int[] labels) {
        int maxLabel = -1;
        for (int label : labels) {
            maxLabel = Math.max(maxLabel, label);
        }
        if (files.classNames() == null) {
            return ClassNames.numbered(maxLabel + 1);
        }
        List<String> names = ClassNames.read(files.classNames());
        if (names.size() <= maxLabel) {
            throw new InputException(files.classNames() + ": " + names.size() + " class names, but "
                    + files.labels() + " uses label " + maxLabel + ", which needs at least "
                    + (maxLabel + 1));
        }
        return names;
    }
}
