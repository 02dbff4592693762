package io.lgc.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** Writes the report's pictures as PNG files into the staging directory and remembers their names. */
final class Figures {
    private final Path dir;
    private final List<String> files = new ArrayList<>();

    Figures(Path dir) {
        this.dir = dir;
    }

    Figure chart(String file, JFreeChart chart, int width, int height, String alt, String caption) {
        return image(file, chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null), alt, caption,
                false);
    }

    Figure image(String file, BufferedImage image, String alt, String caption, boolean pixelArt) {
        if (!file.matches(ReportDirectory.PICTURE_NAME)) {
            throw new IllegalArgumentException("picture name " + file + " does not match " + ReportDirectory.PICTURE_NAME);
        }
        if (files.contains(file)) {
            throw new IllegalArgumentException("picture " + file + " written twice");
        }
        try {
            if (!ImageIO.write(image, "png", dir.resolve(file).toFile())) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(file);
        return new Figure(file, alt, caption, image.getWidth(), image.getHeight(), pixelArt);
    }

    /** Names of the pictures written so far, in order. */
    List<String> files() {
        return List.copyOf(files);
    }
}
