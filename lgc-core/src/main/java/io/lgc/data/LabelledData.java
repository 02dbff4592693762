package io.lgc.data;

import io.lgc.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A labelled dataset of either kind: images ({@link Dataset}) or a table ({@link Table}). What
 * trains, encodes and evaluates on data needs only this: the labels, the classes, what a sample is
 * ({@link #layout()}) and each sample's values as network input ({@link #inputs}).
 */
public sealed interface LabelledData permits Dataset, Table {
    /** Class index of every sample; not copied, do not modify. */
    int[] labels();

    List<String> classNames();

    /** What one sample is: an image shape or the table's columns. */
    SampleLayout layout();

    /**
     * Writes the network inputs of samples {@code order[from..to)} into {@code into}, one sample
     * after the other, {@link SampleLayout#size()} values each: pixels scaled to [0, 1] for images,
     * the feature values for tables.
     */
    void inputs(int[] order, int from, int to, float[] into);

    /** The samples at the given indices, in that order. */
    LabelledData subset(int[] indices);

    default int size() {
        return labels().length;
    }

    default int numClasses() {
        return classNames().size();
    }

    /** Number of samples of each class. */
    default int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels()) {
            counts[label]++;
        }
        return counts;
    }

    /** Indices of the samples of one class, in dataset order. */
    default int[] indicesOf(int label) {
        int[] labels = labels();
        return IntStream.range(0, size()).filter(i -> labels[i] == label).toArray();
    }

    /**
     * Fails unless every class has at least {@code perClass} samples, as a mixture per class needs.
     * Readers accept any count; a command that needs more calls this with the dataset's name.
     *
     * @throws InputException naming {@code source} and the classes that fall short
     */
    default void requireAtLeast(int perClass, String source) {
        int[] counts = classCounts();
        List<String> tooFew = new ArrayList<>();
        for (int label = 0; label < counts.length; label++) {
            if (counts[label] < perClass) {
                tooFew.add("'" + classNames().get(label) + "' (label " + label + ") has " + counts[label]);
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

    /** Checks what every kind checks: one label per sample, each naming a class. */
    static void checkLabels(int[] labels, List<String> classNames) {
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classNames.size() - 1));
            }
        }
    }
}
