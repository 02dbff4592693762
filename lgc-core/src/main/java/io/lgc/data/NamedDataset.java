package io.lgc.data;

import java.util.List;
import java.util.Optional;

/**
 * A dataset known by name, such as {@code fashion-mnist/train}: which files to look for, in
 * which directory under a data root, and its class names.
 */
record NamedDataset(String name, String directory, String imagesFile, String labelsFile,
        List<String> classNames, String installCommand) {

    static final List<NamedDataset> ALL = List.of(
            fashionMnist("train", "train"),
            fashionMnist("test", "t10k"));

    private static NamedDataset fashionMnist(String split, String filePrefix) {
        return new NamedDataset("fashion-mnist/" + split, "fashion-mnist",
                filePrefix + "-images-idx3-ubyte.gz", filePrefix + "-labels-idx1-ubyte.gz",
                ClassNames.FASHION_MNIST, "sudo apt-get install dataset-fashion-mnist");
    }

    static Optional<NamedDataset> byName(String name) {
        return ALL.stream().filter(d -> d.name.equals(name)).findFirst();
    }

    /** Whether an argument was probably meant as a name of this family ("fashion-mnist/valid"). */
    static boolean looksLikeName(String argument) {
        return ALL.stream().anyMatch(d -> argument.startsWith(d.directory + "/"));
    }

    static List<String> names() {
        return ALL.stream().map(NamedDataset::name).toList();
    }
}
