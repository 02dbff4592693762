package io.lgc.data;

import io.lgc.InputFiles;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Image files through {@code javax.imageio}: which names count as images, their size from the
 * header alone, and their pixels as uint8 planes.
 */
final class ImageFiles {
    /** File name endings of the formats the JDK decodes; other files in a class folder are ignored. */
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    /**
     * The pixel budget of one source image: larger ones are refused from the dimensions in their
     * header, before decoding, so that a decompression bomb (a few KB declaring 100000x100000) costs
     * nothing. Decoding one this size takes up to about 700 MB (a 16-bit RGBA raster, then ARGB).
     */
    static final long MAX_PIXELS = 50_000_000;

    private ImageFiles() {}

    /** Why an image could not be read, in words for the user. */
    static final class UnreadableImage extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableImage(String reason) {
            super(reason, null, false, false);
        }
    }

    static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Width and height from the header, without decoding the pixels. */
    static ImageSize readSize(Path file) throws UnreadableImage {
        return withReader(file, reader -> size(reader));
    }

    /**
     * The first image in the file (the first frame of an animated GIF), as planes; a PNG only once
     * its chunk CRCs hold.
     */
    static DecodedImage decode(Path file) throws UnreadableImage {
        return withReader(file, reader -> {
            size(reader); // refuses oversized images before the pixels are allocated
            requireIntactPng(file);
            return planes(reader.read(0));
        });
    }

    private interface ReaderTask<T> {
        T apply(ImageReader reader) throws IOException, UnreadableImage;
    }

    private static <T> T withReader(Path file, ReaderTask<T> task) throws UnreadableImage {
        String notAFile = InputFiles.problem(file); // before opening: a FIFO would block, a device never end
        if (notAFile != null) {
            throw new UnreadableImage(notAFile);
        }
        // A file-backed stream: ImageIO.read would otherwise cache through temporary files.
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableImage(in.length() == 0 ? "empty file" : "not a PNG, JPEG, BMP or GIF image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return task.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UnreadableImage(describe(e));
        } catch (RuntimeException e) {
            // The JDK's decoders throw unchecked exceptions on some corrupt files.
            throw new UnreadableImage("corrupt image (" + e + ")");
        }
    }

    /** A PNG file's chunk CRCs, which the JDK's decoder ignores; other formats pass unchecked. */
    private static void requireIntactPng(Path file) throws UnreadableImage {
        try (InputStream in = InputFiles.open(file)) {
            if (!PngChunks.hasSignature(in.readNBytes(PngChunks.SIGNATURE.length))) {
                return;
            }
            String problem = PngChunks.problem(in);
            if (problem != null) {
                throw new UnreadableImage(problem);
            }
        } catch (IOException e) {
            throw new UnreadableImage(describe(e));
        }
    }

    private static ImageSize size(ImageReader reader) throws IOException, UnreadableImage {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw new UnreadableImage("header declares " + width + "x" + height + " pixels");
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new UnreadableImage(width + "x" + height + " pixels, more than the " + MAX_PIXELS + " allowed");
        }
        return new ImageSize(width, height);
    }

    private static String describe(IOException e) {
        StringBuilder reason = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
        if (e.getCause() != null && e.getCause() != e) {
            reason.append(": ").append(e.getCause());
        }
        return reason.toString();
    }

    /**
     * Grayscale images (a gray colour space, or a palette of grays only, as in GIF or 8-bit BMP)
     * give one plane of their stored values; everything else gives R, G and B in sRGB. Alpha is
     * dropped, not composited: the colour stored under a transparent pixel is kept.
     */
    static DecodedImage planes(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (model instanceof IndexColorModel palette) {
            return isGrayPalette(palette) ? grayFromPalette(palette, raster, height, width) : rgb(image);
        }
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            // The raster, not getRGB: getRGB would convert linear gray to sRGB and change the values.
            return gray(raster, model.getComponentSize(0), height, width);
        }
        return rgb(image);
    }

    private static boolean isGrayPalette(IndexColorModel palette) {
        for (int i = 0; i < palette.getMapSize(); i++) {
            int r = palette.getRed(i);
            if (palette.getGreen(i) != r || palette.getBlue(i) != r) {
                return false;
            }
        }
        return true;
    }

    private static DecodedImage grayFromPalette(IndexColorModel palette, Raster raster, int height, int width) {
        int[] indices = raster.getSamples(0, 0, width, height, 0, (int[]) null);
        byte[] plane = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            plane[i] = (byte) palette.getRed(indices[i]);
        }
        return new DecodedImage(1, height, width, plane);
    }

    private static DecodedImage gray(Raster raster, int bits, int height, int width) {
        int[] samples = raster.getSamples(0, 0, width, height, 0, (int[]) null);
        byte[] plane = new byte[samples.length];
        long max = (1L << bits) - 1;
        for (int i = 0; i < samples.length; i++) {
            // 16-bit PNGs and the like, rounded to the nearest 8-bit value
            plane[i] = (byte) (bits == 8 ? samples[i] : (samples[i] * 255L * 2 + max) / (2 * max));
        }
        return new DecodedImage(1, height, width, plane);
    }

    private static DecodedImage rgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        int area = width * height;
        byte[] planes = new byte[3 * area];
        for (int i = 0; i < area; i++) {
            planes[i] = (byte) (argb[i] >> 16);
            planes[area + i] = (byte) (argb[i] >> 8);
            planes[2 * area + i] = (byte) argb[i];
        }
        return new DecodedImage(3, height, width, planes);
    }
}
