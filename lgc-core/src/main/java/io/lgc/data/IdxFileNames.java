package io.lgc.data;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming convention of IDX datasets: {@code <prefix>-images-idx3-ubyte[.gz]} beside
 * {@code <prefix>-labels-idx1-ubyte[.gz]} (MNIST, Fashion-MNIST), also with a dot before
 * {@code idx} ({@code train-images.idx3-ubyte}), and {@code idx4} for images with channels.
 */
public final class IdxFileNames {
    /** Class names, one per line, beside the images file. */
    public static final String CLASS_NAMES = "classes.txt";

    // Groups: prefix, the separator before "idx", the images rank, the optional ".gz".
    private static final Pattern IMAGES = Pattern.compile("(.+)-images([-.])idx([34])-ubyte(\\.gz)?");

    private IdxFileNames() {}

    /** Whether a file name follows the images convention (so a directory scan can pick it). */
    public static boolean isImagesFileName(String name) {
        return IMAGES.matcher(name).matches();
    }

    /**
     * Names a labels file beside the given images file may have, most likely first: the same
     * compression as the images, then the other one (the reader does not care). Empty when the name
     * follows no convention.
     */
    public static List<String> labelsNamesFor(String imagesName) {
        Matcher m = IMAGES.matcher(imagesName);
        if (!m.matches()) {
            return List.of();
        }
        String labels = m.group(1) + "-labels" + m.group(2) + "idx1-ubyte";
        return m.group(4) != null ? List.of(labels + ".gz", labels) : List.of(labels, labels + ".gz");
    }

    /** The gzip'd images file the writer produces: IDX3 for one channel, IDX4 for more. */
    public static String imagesFileName(String prefix, ImageShape shape) {
        return prefix + "-images-idx" + (shape.channels() == 1 ? 3 : 4) + "-ubyte.gz";
    }

    /** The gzip'd labels file the writer produces. */
    public static String labelsFileName(String prefix) {
        return prefix + "-labels-idx1-ubyte.gz";
    }
}
