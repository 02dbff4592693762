package io.lgc.bench;

import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.DatasetWriter;
import io.lgc.data.ImageShape;
import io.lgc.data.OutputFormat;
import io.lgc.data.Subsets;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A CIFAR-like RGB image folder made from real Fashion-MNIST, for bench/rgb.sh; not a test.
 *
 * <p>Each 28×28 image becomes a 32×32 RGB image (bilinear): the garment, its gray level used as
 * opacity, in a random bright colour over a random dark background colour. The colours are drawn
 * per image, independently of the class, from the same distribution for every class: colour says
 * nothing about the label, so neither classifier can score by colour alone, yet the decoder must
 * reproduce it, or a classifier trained on its output meets colours in the test set that it never
 * saw. The run thus measures what RGB costs the method (three channels, colour variation taking
 * latent capacity) on a task whose labels are as hard as Fashion-MNIST's.
 *
 * <p>As a control, the same images also go out in gray (white garment on black, resized the same
 * way): the difference between the two runs is what colour costs.
 *
 * <p>Usage: {@code RgbFolderGenerator DIR TRAIN_PER_CLASS TEST_PER_CLASS SEED}; writes
 * {@code DIR/rgb/train}, {@code DIR/rgb/test}, {@code DIR/gray/train} and {@code DIR/gray/test},
 * each {@code <class>/<n>.png} plus {@code classes.txt}.
 */
public final class RgbFolderGenerator {
    static final int SIDE = 32;

    private RgbFolderGenerator() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int trainPerClass = Integer.parseInt(args[1]);
        int testPerClass = Integer.parseInt(args[2]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[3]));
        Dataset train = Subsets.stratifiedFirst(DatasetResolver.resolve("fashion-mnist/train", null), trainPerClass);
        Dataset test = Subsets.stratifiedFirst(DatasetResolver.resolve("fashion-mnist/test", null), testPerClass);
        // a writer creates its output directory, not the folders above it
        Files.createDirectories(dir.resolve("rgb"));
        Files.createDirectories(dir.resolve("gray"));
        DatasetWriter.write(OutputFormat.PNG, coloured(train, random.split()), dir.resolve("rgb/train"));
        DatasetWriter.write(OutputFormat.PNG, coloured(test, random.split()), dir.resolve("rgb/test"));
        DatasetWriter.write(OutputFormat.PNG, gray(train), dir.resolve("gray/train"));
        DatasetWriter.write(OutputFormat.PNG, gray(test), dir.resolve("gray/test"));
        System.out.println("wrote " + train.size() + " training and " + test.size() + " test images of "
                + SIDE + "x" + SIDE + " under " + dir + ", in RGB and in gray");
    }

    static Dataset coloured(Dataset gray, SplittableRandom random) {
        ImageShape shape = new ImageShape(3, SIDE, SIDE);
        int area = SIDE * SIDE;
        byte[] pixels = new byte[gray.size() * shape.size()];
        for (int i = 0; i < gray.size(); i++) {
            Color garment = Color.getHSBColor((float) random.nextDouble(), (float) random.nextDouble(0.5, 1.0), 1f);
            Color background = Color.getHSBColor((float) random.nextDouble(), (float) random.nextDouble(),
                    (float) random.nextDouble(0.0, 0.35));
            BufferedImage image = resized(composite(gray, i, garment, background));
            for (int p = 0; p < area; p++) {
                int rgb = image.getRGB(p % SIDE, p / SIDE);
                pixels[i * shape.size() + p] = (byte) (rgb >> 16);
                pixels[i * shape.size() + area + p] = (byte) (rgb >> 8);
                pixels[i * shape.size() + 2 * area + p] = (byte) rgb;
            }
        }
        return new Dataset(pixels, gray.labels(), gray.classNames(), shape);
    }

    /** The same images in gray, resized as the coloured ones are. */
    static Dataset gray(Dataset gray) {
        ImageShape shape = new ImageShape(1, SIDE, SIDE);
        byte[] pixels = new byte[gray.size() * shape.size()];
        for (int i = 0; i < gray.size(); i++) {
            BufferedImage image = resized(composite(gray, i, Color.WHITE, Color.BLACK));
            for (int p = 0; p < shape.size(); p++) {
                pixels[i * shape.size() + p] = (byte) image.getRGB(p % SIDE, p / SIDE); // blue = gray
            }
        }
        return new Dataset(pixels, gray.labels(), gray.classNames(), shape);
    }

    /** The gray image as opacity: background where it is 0, the garment colour where it is 255. */
    private static BufferedImage composite(Dataset gray, int index, Color garment, Color background) {
        ImageShape s = gray.shape();
        BufferedImage image = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < s.height() * s.width(); p++) {
            double a = Byte.toUnsignedInt(gray.pixels()[index * s.size() + p]) / 255.0;
            int r = mix(background.getRed(), garment.getRed(), a);
            int g = mix(background.getGreen(), garment.getGreen(), a);
            int b = mix(background.getBlue(), garment.getBlue(), a);
            image.setRGB(p % s.width(), p / s.width(), (r << 16) | (g << 8) | b);
        }
        return image;
    }

    private static int mix(int from, int to, double a) {
        return (int) Math.round(from + (to - from) * a);
    }

    private static BufferedImage resized(BufferedImage image) {
        BufferedImage out = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, SIDE, SIDE, null);
        g.dispose();
        return out;
    }
}
