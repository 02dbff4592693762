package io.lgc.data;

import io.lgc.InputException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
 * <p>DIR is built under a hidden name beside it and renamed into place on commit. DIR must not
 * exist, be empty, or hold an earlier PNG output (which is then replaced): this writer owns the
 * whole directory, so it refuses to replace anything else. The PNGs are not forced to disk one by
 * one (thousands of fsyncs); the rename is what guarantees a reader never sees a partial folder.
 */
final class PngFolderWriter extends AtomicDatasetWriter {
    private final ImageShape shape;
    private final SampleCount samples;
    private final PendingDirectory dir;
    /** DIR as the caller named it, so that the paths returned are spelt the same way. */
    private final Path outputDir;
    private final int digits;
    private final List<Path> written = new ArrayList<>();
    /** One encoder for all images: looking it up per image costs a quarter of the time. */
    private final ImageWriter png;
    private List<String> folders;
    private int maxLabel = -1;

    private PngFolderWriter(ImageShape shape, int count, SampleCount samples, PendingDirectory dir, Path outputDir,
            List<String> folders) {
        this.shape = shape;
        this.samples = samples;
        this.dir = dir;
        this.outputDir = outputDir;
        this.digits = Integer.toString(count - 1).length();
        this.folders = folders;
        this.png = ImageIO.getImageWritersByFormatName("png").next();
    }

    static PngFolderWriter open(Path dir, ImageShape shape, int count, List<String> classNames) throws IOException {
        if (shape.channels() != 1 && shape.channels() != 3) {
            throw new InputException(dir + ": PNG output holds grayscale (1 channel) or RGB (3 channels) images,"
                    + " the data has " + shape.channels() + " channels; write idx or npz instead");
        }
        requireReplaceable(dir);
        SampleCount samples = new SampleCount(shape, count, classNames);
        PendingDirectory pending = PendingDirectory.create(dir);
        try {
            List<String> folders = null;
            if (classNames != null) {
                folders = ClassFolders.folderNames(classNames);
                writeClasses(pending.temp, classNames, folders);
            }
            return new PngFolderWriter(shape, count, samples, pending, dir, folders);
        } catch (IOException | RuntimeException e) {
            pending.discard();
            throw e;
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
                written.add(outputDir.resolve(dir.temp.relativize(file)));
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
            writeClasses(dir.temp, names, folders);
        }
        dir.commit();
        png.dispose();
        List<Path> files = new ArrayList<>(written);
        files.add(outputDir.resolve(IdxFileNames.CLASS_NAMES));
        return files;
    }

    @Override
    void discard() {
        png.dispose();
        dir.discard();
    }

    private Path folder(int label) throws IOException {
        Path folder = dir.temp.resolve(folders != null ? folders.get(label) : Integer.toString(label));
        if (folders == null) {
            Files.createDirectories(folder);
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
            Files.createDirectories(dir.resolve(folder));
        }
        Files.write(dir.resolve(IdxFileNames.CLASS_NAMES), ClassNames.format(names).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The output may go where nothing is, into an empty directory, or over an earlier PNG output:
     * {@code classes.txt} plus folders holding only PNGs (hidden entries aside).
     */
    private static void requireReplaceable(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(dir + ": exists and is not a directory; PNG output goes to a directory");
        }
        List<Path> entries = visibleEntries(dir);
        if (entries.isEmpty()) {
            return;
        }
        boolean earlierOutput = entries.contains(dir.resolve(IdxFileNames.CLASS_NAMES));
        for (Path entry : entries) {
            if (!earlierOutput) {
                break;
            }
            if (entry.getFileName().toString().equals(IdxFileNames.CLASS_NAMES)) {
                continue;
            }
            earlierOutput = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                    && visibleEntries(entry).stream().allMatch(f -> f.getFileName().toString().endsWith(".png")
                            && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS));
        }
        if (!earlierOutput) {
            throw new InputException(dir + ": exists and holds files that are not an earlier PNG output;"
                    + " PNG output replaces the whole directory, so give a new or empty one");
        }
    }

    private static List<Path> visibleEntries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
