package io.lgc.data;

import io.lgc.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A labelled image dataset held in memory as uint8 pixels.
 *
 * <p>{@code pixels} holds {@code size()} samples one after the other, each {@code shape.size()}
 * bytes in CHW order, read as unsigned. Labels are class indices into {@code classNames}.
 * The arrays are not copied: a dataset is built once by a reader and then only read.
 */
public record Dataset(byte[] pixels, int[] labels, List<String> classNames, ImageShape shape) {
    public Dataset {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(shape, "shape");
        classNames = List.copyOf(classNames);
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes, expected "
                    + labels.length + " samples of " + shape.size());
        }
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException(
                        "label " + label + " outside 0.." + (classNames.size() - 1));
            }
        }
    }

    public int size() {
        return labels.length;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** Number of samples of each class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Fails unless every class has at least {@code perClass} samples, as a mixture per class needs.
     * Readers accept any count; a command that needs more calls this with the dataset's name.
     *
     * @throws InputException naming {@code source} and the classes that fall short
     */
    public void requireAtLeast(int perClass, String source) {
        int[] counts = classCounts();
        List<String> tooFew = new ArrayList<>();
        for (int label = 0; label < counts.length; label++) {
            if (counts[label] < perClass) {
                tooFew.add("'" + classNames.get(label) + "' (label " + label + ") has " + counts[label]);
            }
        }
        if (tooFew.isEmpty()) {
            return;
        }
        int shown = Math.min(tooFew.size(), 5);
        String more = tooFew.size() > shown ? " and " + (tooFew.size() - shown) + " more classes" : "";
        throw new InputException(source + ": every class needs at least " + perClass + " samples, but "
                + String.join(", ", tooFew.subList(0, shown)) + more);
    }

    /** The samples at the given indices, in that order. */
    public Dataset subset(int[] indices) {
        int d = shape.size();
        byte[] px = new byte[indices.length * d];
        int[] lb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * d, px, i * d, d);
            lb[i] = labels[indices[i]];
        }
        return new Dataset(px, lb, classNames, shape);
    }

    /** The same samples under other class names, one for every label in use. */
    public Dataset withClassNames(List<String> names) {
        return new Dataset(pixels, labels, names, shape);
    }

    /** Indices of the samples of one class, in dataset order. */
    public int[] indicesOf(int label) {
        return java.util.stream.IntStream.range(0, size()).filter(i -> labels[i] == label).toArray();
    }
}
