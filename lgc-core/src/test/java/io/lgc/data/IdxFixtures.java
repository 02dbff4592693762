package io.lgc.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files byte by byte, so tests can forge any header they need. */
final class IdxFixtures {
    static final int IMAGES = 0x00000803;
    static final int IMAGES_WITH_CHANNELS = 0x00000804;
    static final int LABELS = 0x00000801;

    private IdxFixtures() {}

    /** A header: the magic and then each dimension, big-endian. */
    static byte[] header(int magic, int... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.array();
    }

    static byte[] imagesFile(int count, int height, int width, byte[] pixels) {
        return concat(header(IMAGES, count, height, width), pixels);
    }

    static byte[] labelsFile(int... labels) {
        byte[] body = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            body[i] = (byte) labels[i];
        }
        return concat(header(LABELS, labels.length), body);
    }

    /** {@code count} samples of deterministic, varied pixel values. */
    static byte[] pixels(int count, ImageShape shape) {
        byte[] pixels = new byte[count * shape.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31 + i / 7);
        }
        return pixels;
    }

    /** A dataset of {@code count} samples with labels 0, 1, ..., classes-1, 0, 1, ... */
    static Dataset dataset(int count, ImageShape shape, int classes) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
        }
        return new Dataset(pixels(count, shape), labels, ClassNames.numbered(classes), shape);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a well-formed raw images + labels pair under the standard names; returns the images file. */
    static Path writeRawPair(Path dir, String prefix, int count, int classes) {
        ImageShape shape = new ImageShape(1, 4, 3);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
        }
        write(dir.resolve(prefix + "-labels-idx1-ubyte"), labelsFile(labels));
        return write(dir.resolve(prefix + "-images-idx3-ubyte"),
                imagesFile(count, 4, 3, pixels(count, shape)));
    }
}
