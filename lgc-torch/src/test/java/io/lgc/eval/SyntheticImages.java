package io.lgc.eval;

import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Small labelled image sets for tests, where the right answer is known by construction. */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    /**
     * Class c is a bright horizontal band in the c-th of {@code classes} row blocks over a dark noisy
     * background: separable by any classifier that looks. Samples cycle through the classes.
     */
    public static Dataset bands(int perClass, int classes, int side, long seed) {
        Random random = new Random(seed);
        int n = perClass * classes;
        int d = side * side;
        byte[] px = new byte[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int y = 0; y < side; y++) {
                boolean band = y * classes / side == c;
                for (int x = 0; x < side; x++) {
                    int v = band ? 180 + random.nextInt(76) : random.nextInt(60);
                    px[i * d + y * side + x] = (byte) v;
                }
            }
        }
        return new Dataset(px, labels, names(classes), new ImageShape(1, side, side));
    }

    /** Images whose every pixel is the given value, one per entry, all of class 0 of one class. */
    public static Dataset flat(int side, int... values) {
        int d = side * side;
        byte[] px = new byte[values.length * d];
        for (int i = 0; i < values.length; i++) {
            java.util.Arrays.fill(px, i * d, (i + 1) * d, (byte) values[i]);
        }
        return new Dataset(px, new int[values.length], names(1), new ImageShape(1, side, side));
    }

    /**
     * Three classes of 20 8x8 images: a random pattern per class plus rounding-sized noise, whose latents
     * vary so little within a class that fp16 would move their mixtures too far.
     */
    public static Dataset nearlyConstantClasses() {
        Random random = new Random(1);
        int[][] base = new int[3][64];
        for (int[] pattern : base) {
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = 40 + random.nextInt(175);
            }
        }
        byte[] pixels = new byte[60 * 64];
        int[] labels = new int[60];
        for (int n = 0; n < 60; n++) {
            labels[n] = n / 20;
            for (int i = 0; i < 64; i++) {
                pixels[n * 64 + i] = (byte) Math.round(base[labels[n]][i] + 0.6 * random.nextGaussian());
            }
        }
        return new Dataset(pixels, labels, List.of("a", "b", "c"), new ImageShape(1, 8, 8));
    }

    /** Three classes of 8×8 images: horizontal, vertical and diagonal stripes with noise. */
    public static Dataset stripes(int perClass, long seed) {
        Random random = new Random(seed);
        int n = perClass * 3;
        byte[] px = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    int coordinate = labels[i] == 0 ? y : labels[i] == 1 ? x : x + y;
                    boolean on = coordinate % 2 == 0;
                    px[i * 64 + y * 8 + x] = (byte) ((on ? 190 : 20) + random.nextInt(60));
                }
            }
        }
        return new Dataset(px, labels, List.of("horizontal", "vertical", "diagonal"), new ImageShape(1, 8, 8));
    }

    public static List<String> names(int classes) {
        return IntStream.range(0, classes).mapToObj(c -> "class" + c).toList();
    }
}
