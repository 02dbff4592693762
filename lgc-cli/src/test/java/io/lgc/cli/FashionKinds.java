package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import io.lgc.data.ClassFolders;
import io.lgc.data.ClassNames;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.ImageShape;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Small subsets of the real Fashion-MNIST in each input kind the command line reads, for the
 * end-to-end tests. The files are written here, independently of the product's writers, so that a
 * bug shared by a writer and its reader cannot cancel out between the input and the
 * reconstruction. Needs the Debian package dataset-fashion-mnist; {@link #assumeInstalled()}
 * skips a test without it.
 */
final class FashionKinds {
    static final Path INSTALLED = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

    /**
     * A tint ({@code 0xRRGGBB}) for each of {@code classes} classes: all different, all with red
     * stronger than green stronger than blue. Any swap of channels on the way changes that order
     * for every class; and since all classes share it, a decoder learns it in its first steps,
     * long before it learns to tell the classes' tints apart.
     */
    static int[] tints(int classes) {
        int[] tints = new int[classes];
        for (int c = 0; c < classes; c++) {
            int green = 60 + 120 * c / Math.max(1, classes - 1);
            int blue = c % 2 == 0 ? 10 : 40;
            tints[c] = 0xFF0000 | green << 8 | blue;
        }
        return tints;
    }

    private static Dataset train;
    private static Dataset test;

    private FashionKinds() {}

    static void assumeInstalled() {
        assumeTrue(Files.exists(INSTALLED), "dataset-fashion-mnist is not installed");
    }

    /** The first {@code perClass} training images of each given label, relabelled 0, 1, ... in that order. */
    static Dataset train(int perClass, int... labels) {
        if (train == null) {
            train = DatasetResolver.resolve("fashion-mnist/train", null);
        }
        return classes(train, perClass, labels);
    }

    /** As {@link #train}, from the test split. */
    static Dataset test(int perClass, int... labels) {
        if (test == null) {
            test = DatasetResolver.resolve("fashion-mnist/test", null);
        }
        return classes(test, perClass, labels);
    }

    private static Dataset classes(Dataset full, int perClass, int... labels) {
        int d = full.shape().size();
        List<String> names = new ArrayList<>();
        byte[] pixels = new byte[perClass * labels.length * d];
        int[] newLabels = new int[perClass * labels.length];
        int at = 0;
        for (int c = 0; c < labels.length; c++) {
            names.add(full.classNames().get(labels[c]));
            int[] indices = full.indicesOf(labels[c]);
            for (int i = 0; i < perClass; i++, at++) {
                System.arraycopy(full.pixels(), indices[i] * d, pixels, at * d, d);
                newLabels[at] = c;
            }
        }
        return new Dataset(pixels, newLabels, names, full.shape());
    }

    /**
     * Grayscale images as RGB in their class's tint ({@code 0xRRGGBB}): a pixel of value v gets
     * {@code v * tint / 255} in each channel, so the black background stays black.
     */
    static Dataset tinted(Dataset gray, int[] tints) {
        ImageShape g = gray.shape();
        int area = g.height() * g.width();
        ImageShape shape = new ImageShape(3, g.height(), g.width());
        byte[] pixels = new byte[gray.size() * shape.size()];
        for (int i = 0; i < gray.size(); i++) {
            int tint = tints[gray.labels()[i]];
            for (int ch = 0; ch < 3; ch++) {
                int scale = (tint >> (16 - 8 * ch)) & 0xFF;
                for (int p = 0; p < area; p++) {
                    int v = Byte.toUnsignedInt(gray.pixels()[i * area + p]);
                    pixels[i * shape.size() + ch * area + p] = (byte) Math.round(v * scale / 255.0);
                }
            }
        }
        return new Dataset(pixels, gray.labels(), gray.classNames(), shape);
    }

    /** Each image centred on a black square of side {@code size} (28×28 → 32×32 for CIFAR). */
    static Dataset padded(Dataset data, int size) {
        ImageShape in = data.shape();
        ImageShape out = new ImageShape(in.channels(), size, size);
        int top = (size - in.height()) / 2;
        int left = (size - in.width()) / 2;
        byte[] pixels = new byte[data.size() * out.size()];
        for (int i = 0; i < data.size(); i++) {
            for (int ch = 0; ch < in.channels(); ch++) {
                for (int y = 0; y < in.height(); y++) {
                    System.arraycopy(data.pixels(), i * in.size() + (ch * in.height() + y) * in.width(), pixels,
                            i * out.size() + (ch * size + top + y) * size + left, in.width());
                }
            }
        }
        return new Dataset(pixels, data.labels(), data.classNames(), out);
    }

    /**
     * An image folder as people make them: {@code dir/<class name>/<n>.<extension>}, no
     * {@code classes.txt}, so the classes are the folder names (which must be valid file names).
     * Written here, not by the product's writer, so that a bug shared by its writer and reader
     * cannot cancel out.
     */
    static Path writeFolder(Dataset data, Path dir, String extension) {
        return writeFolder(data, dir, extension, data.classNames());
    }

    /**
     * An image folder as the reader documents it with {@code classes.txt}: the exact class names
     * in that file, each class in its {@link ClassFolders} folder ("T-shirt/top" in "T-shirt_top").
     */
    static Path writeFolderWithClassesFile(Dataset data, Path dir, String extension) throws IOException {
        writeFolder(data, dir, extension, ClassFolders.folderNames(data.classNames()));
        Files.writeString(dir.resolve("classes.txt"), String.join("\n", data.classNames()) + "\n",
                StandardCharsets.UTF_8);
        return dir;
    }

    private static Path writeFolder(Dataset data, Path dir, String extension, List<String> folders) {
        ImageShape s = data.shape();
        int area = s.height() * s.width();
        int[] next = new int[data.numClasses()];
        try {
            for (int i = 0; i < data.size(); i++) {
                int label = data.labels()[i];
                BufferedImage image = new BufferedImage(s.width(), s.height(),
                        s.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
                byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                int base = i * s.size();
                for (int p = 0; p < area; p++) {
                    if (s.channels() == 1) {
                        raster[p] = data.pixels()[base + p];
                    } else {
                        for (int ch = 0; ch < 3; ch++) { // CHW RGB to interleaved BGR
                            raster[3 * p + 2 - ch] = data.pixels()[base + ch * area + p];
                        }
                    }
                }
                Path file = dir.resolve(folders.get(label)).resolve(next[label]++ + "." + extension);
                Files.createDirectories(file.getParent());
                if (!ImageIO.write(image, extension.equals("jpg") ? "jpeg" : extension, file.toFile())) {
                    throw new IllegalStateException("no ImageIO writer for " + extension);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * A NumPy archive as {@code np.savez(file, x=x, y=y, class_names=names)} writes it, written
     * here rather than by the product's writer: x uint8 N×H×W, y uint8 (the product writes int64),
     * class names as {@code <U}, members stored.
     */
    static Path writeNpz(Dataset data, Path file) throws IOException {
        ImageShape s = data.shape();
        if (s.channels() != 1) {
            throw new IllegalArgumentException("grayscale only, got " + s);
        }
        byte[] y = new byte[data.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (byte) data.labels()[i];
        }
        int width = data.classNames().stream().mapToInt(String::length).max().orElse(1);
        ByteBuffer names = ByteBuffer.allocate(4 * width * data.numClasses()).order(ByteOrder.LITTLE_ENDIAN);
        for (String name : data.classNames()) {
            int start = names.position();
            name.codePoints().forEach(names::putInt);
            names.position(start + 4 * width);
        }
        Files.createDirectories(file.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setMethod(ZipOutputStream.STORED);
            member(zip, "x", npy("|u1", "(" + data.size() + ", " + s.height() + ", " + s.width() + ")", data.pixels()));
            member(zip, "y", npy("|u1", "(" + data.size() + ",)", y));
            member(zip, "class_names", npy("<U" + width, "(" + data.numClasses() + ",)", names.array()));
        }
        return file;
    }

    /** A version 1.0 {@code .npy}: magic, version, header length, the header dict padded to 64 bytes. */
    private static byte[] npy(String descr, String shape, byte[] body) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        out.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(body);
        return out.array();
    }

    private static void member(ZipOutputStream zip, String key, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(key + ".npy");
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setSize(content.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * A CIFAR-10 batch: per image one label byte and the red, green and blue 32×32 planes, with the
     * class names in {@code batches.meta.txt} beside it (ending in a blank line, as the original).
     */
    static Path writeCifar(Dataset data, Path file) {
        if (!data.shape().equals(new ImageShape(3, 32, 32)) || data.numClasses() != 10) {
            throw new IllegalArgumentException("CIFAR-10 holds 10 classes of 3x32x32, got "
                    + data.numClasses() + " of " + data.shape());
        }
        int d = data.shape().size();
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int i = 0; i < data.size(); i++) {
                    out.write(data.labels()[i]);
                    out.write(data.pixels(), i * d, d);
                }
            }
            Files.writeString(file.resolveSibling("batches.meta.txt"),
                    String.join("\n", data.classNames()) + "\n\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Per class and channel, the mean pixel value: {@code [class][channel]}. What a decoder must
     * keep of the tints, and what swapped or mixed-up channels would change.
     */
    static double[][] meanColours(Dataset data) {
        ImageShape s = data.shape();
        int area = s.height() * s.width();
        double[][] sums = new double[data.numClasses()][s.channels()];
        int[] counts = data.classCounts();
        for (int i = 0; i < data.size(); i++) {
            for (int ch = 0; ch < s.channels(); ch++) {
                long sum = 0;
                for (int p = 0; p < area; p++) {
                    sum += Byte.toUnsignedInt(data.pixels()[i * s.size() + ch * area + p]);
                }
                sums[data.labels()[i]][ch] += sum / (double) area;
            }
        }
        for (int c = 0; c < sums.length; c++) {
            for (int ch = 0; ch < s.channels(); ch++) {
                sums[c][ch] /= counts[c];
            }
        }
        return sums;
    }

    /** What one compress, reconstruct, evaluate run through the command line gave. */
    record RoundTrip(CliRun reconstruct, Path reconstructionDir, Dataset reconstruction, double accuracy) {}

    /**
     * Runs the user's story through the command line: {@code compress TRAIN}, {@code reconstruct}
     * in the default format (as many per class as the source has), then {@code evaluate --train
     * RECONSTRUCTION --test TEST}. Each step must succeed. The settings are small enough for a
     * test; batches of 16 at a higher learning rate give the autoencoder enough steps on a few
     * hundred images to learn colour, which the default batch of 128 did not in as many epochs.
     */
    static RoundTrip roundTrip(Path dir, Path train, Path test) throws IOException {
        Path artifact = dir.resolve("data.lgc");
        Path recon = dir.resolve("recon");
        Path json = dir.resolve("eval.json");
        CliRun compress = CliRun.of("compress", train.toString(), "-o", artifact.toString(), "--epochs", "4",
                "--batch-size", "16", "--lr", "0.004", "--latent-dim", "8", "--components", "2", "--n-init", "1",
                "--feature-weight", "0", "--seed", "5", "-q");
        assertThat(compress.exitCode()).as(compress.err()).isZero();
        CliRun reconstruct = CliRun.of("reconstruct", artifact.toString(), "-o", recon.toString(), "--per-class",
                "auto", "--seed", "3", "-q");
        assertThat(reconstruct.exitCode()).as(reconstruct.err()).isZero();
        CliRun evaluate = CliRun.of("evaluate", "--train", recon.toString(), "--test", test.toString(),
                "--epochs", "4", "--json", json.toString(), "-q");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        double accuracy = JsonParser.parseString(Files.readString(json)).getAsJsonObject()
                .get("accuracy").getAsDouble();
        return new RoundTrip(reconstruct, recon, DatasetResolver.resolve(recon.toString(), null), accuracy);
    }

    /**
     * Checks that every class of the reconstruction has its source's colour: the same order of
     * channels by mean intensity, and colour rather than gray (the strongest channel carries more
     * than 40 % of the intensity; gray carries a third). Blur may pale the tints, but swapped,
     * merged or scrambled channels anywhere on the way fail this.
     */
    static void assertSameColours(Dataset reconstruction, Dataset source) {
        double[][] got = meanColours(reconstruction);
        double[][] want = meanColours(source);
        for (int c = 0; c < want.length; c++) {
            String name = source.classNames().get(c);
            assertThat(strongestFirst(got[c])).as("channels of class %s by strength, mean values %s", name,
                    Arrays.toString(got[c])).containsExactly(strongestFirst(want[c]));
            assertThat(Arrays.stream(got[c]).max().orElseThrow() / Arrays.stream(got[c]).sum())
                    .as("strongest channel's share in class %s", name).isGreaterThan(0.4);
        }
    }

    private static Integer[] strongestFirst(double[] means) {
        Integer[] channels = {0, 1, 2};
        Arrays.sort(channels, (a, b) -> Double.compare(means[b], means[a]));
        return channels;
    }

    /** The Fashion-MNIST names of some labels; to state expectations without the fixture's help. */
    static List<String> names(int... labels) {
        List<String> names = new ArrayList<>();
        for (int label : labels) {
            names.add(ClassNames.FASHION_MNIST.get(label));
        }
        return names;
    }
}
