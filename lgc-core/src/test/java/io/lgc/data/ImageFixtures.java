package io.lgc.data;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;

/** Small images written with ImageIO, for the image folder tests. */
final class ImageFixtures {
    private ImageFixtures() {}

    /** An 8-bit grayscale image whose pixel (x, y) is {@code value(x, y)}. */
    static BufferedImage gray(int width, int height, IntBinaryOperator value) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, value.applyAsInt(x, y));
            }
        }
        return image;
    }

    /** An RGB image whose pixel (x, y) is the 0xRRGGBB {@code rgb(x, y)}. */
    static BufferedImage rgb(int width, int height, IntBinaryOperator rgb) {
        return withRgb(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR), rgb);
    }

    static BufferedImage withRgb(BufferedImage image, IntBinaryOperator rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, rgb.applyAsInt(x, y));
            }
        }
        return image;
    }

    static BufferedImage constantGray(int width, int height, int value) {
        return gray(width, height, (x, y) -> value);
    }

    /** Writes an image in the format its name ends with (png, jpg, bmp, gif). */
    static Path write(Path file, BufferedImage image) {
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1);
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, format.equals("jpg") ? "jpeg" : format, file.toFile())) {
                throw new IllegalStateException("no " + format + " writer for " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
