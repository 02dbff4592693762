package io.lgc.data;

import io.lgc.InputException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a dataset as an image folder: {@code DIR/<class folder>/<index>.png} and
 * {@code DIR/classes.txt}, which {@link ImageFolderReader} reads back with the exact class names
 * (folders are named by {@link ClassFolders}; every class gets one, even without samples).
 *
 * <p>{@code <index>} is the sample's position in the written order, zero-padded to one width so
 * that sorted names keep that order within a class; read back, the samples come class by class.
 * Grayscale samples become 8-bit gray PNGs, 3-channel ones 8-bit RGB; other channel counts have
 * no PNG equivalent and are refused.
 *
 * <p>The writer fills a new, empty directory: {@link DatasetWriter#open} gives it the hidden
 * temporary that is renamed onto DIR on commit. The PNGs are not forced to disk one by one
 * (thousands of fsyncs); that rename is what guarantees a reader never sees a partial folder.
 */
final class PngFolderWriter extends AtomicDatasetWriter {
    private final ImageShape shape;
    private final SampleCount samples;
    private final Path dir;
    private final int digits;
    private final List<Path> written = new ArrayList<>();
    /** One encoder for all images: looking it up per image costs a quarter of the time. */
    private final ImageWriter png;
    private List<String> folders;
    private int maxLabel = -1;

    private PngFolderWriter(ImageShape shape, int count, SampleCount samples, Path dir, List<String> folders) {
        this.shape = shape;
        this.samples = samples;
        this.dir = dir;
        this.digits = Integer.toString(count - 1).length();
        this.folders = folders;
        this.png = ImageIO.getImageWritersByFormatName("png").next();
    }

    static PngFolderWriter open(Path dir, ImageShape shape, int count, List<String> classNames) throws IOException {
        requireChannels(dir, shape);
        SampleCount samples = new SampleCount(shape, count, classNames);
        List<String> folders = null;
        if (classNames != null) {
            folders = ClassFolders.folderNames(classNames);
            writeClasses(dir, classNames, folders);
        }
        return new PngFolderWriter(shape, count, samples, dir, folders);
    }

    static void requireChannels(Path dir, ImageShape shape) {
        if (shape.channels() != 1 && shape.channels() != 3) {
            throw new InputException(dir + ": PNG output holds grayscale (1 channel) or RGB (3 channels) images,"
                    + " the data has " + shape.channels() + " channels; write idx or npz instead");
        }
    }

    @Override
    public void write(byte[] pixels, int[] labels) throws IOException {
        requireOpen();
        samples.check(pixels, labels);
        int first = samples.add(labels.length);
        try {
            for (int i = 0; i < labels.length; i++) {
                Path file = folder(labels[i]).resolve(fileName(first + i));
                try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
                    png.setOutput(out);
                    png.write(image(pixels, i * shape.size()));
                }
                written.add(file);
                maxLabel = Math.max(maxLabel, labels[i]);
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
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
        if (folders == null) {
            // Numbered classes; classes.txt keeps "10" after "9", which sorting folders would not.
            List<String> names = ClassNames.numbered(maxLabel + 1);
            folders = ClassFolders.folderNames(names);
            writeClasses(dir, names, folders);
        }
        png.dispose();
        List<Path> files = new ArrayList<>(written);
        files.add(dir.resolve(IdxFileNames.CLASS_NAMES));
        return files;
    }

    @Override
    void discard() {
        png.dispose();
    }

    private Path folder(int label) throws IOException {
        Path folder = dir.resolve(folders != null ? folders.get(label) : Integer.toString(label));
        if (folders == null && !Files.isDirectory(folder)) {
            Files.createDirectory(folder); // not createDirectories: never recreate a temporary deleted at shutdown
        }
        return folder;
    }

    private String fileName(int index) {
        String number = Integer.toString(index);
        return "0".repeat(digits - number.length()) + number + ".png";
    }

    private BufferedImage image(byte[] pixels, int offset) {
        int width = shape.width();
        int area = shape.height() * width;
        if (shape.channels() == 1) {
            BufferedImage gray = new BufferedImage(width, shape.height(), BufferedImage.TYPE_BYTE_GRAY);
            byte[] data = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
            System.arraycopy(pixels, offset, data, 0, area);
            return gray;
        }
        BufferedImage rgb = new BufferedImage(width, shape.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < area; p++) {
            bgr[3 * p] = pixels[offset + 2 * area + p];
            bgr[3 * p + 1] = pixels[offset + area + p];
            bgr[3 * p + 2] = pixels[offset + p];
        }
        return rgb;
    }

    private static void writeClasses(Path dir, List<String> names, List<String> folders) throws IOException {
        for (String folder : folders) {
            if (!Files.isDirectory(dir.resolve(folder))) {
                Files.createDirectory(dir.resolve(folder));
            }
        }
        Files.write(dir.resolve(IdxFileNames.CLASS_NAMES), ClassNames.format(names).getBytes(StandardCharsets.UTF_8));
    }
}
