package io.lgc.data;

import java.util.List;

/** Checks the batches a writer is given against the layout, count and classes it announced. */
final class SampleCount {
    private final SampleLayout shape;
    private final int count;
    private final int labelLimit;
    private int written;

    /** @param classNames null when the writer takes any non-negative label */
    SampleCount(SampleLayout shape, int count, List<String> classNames) {
        if (count < 1) {
            throw new IllegalArgumentException("an output holds at least one sample, got count " + count);
        }
        if ((long) count * shape.size() > IdxInput.MAX_BODY_BYTES) {
            throw new IllegalArgumentException(count + " samples of " + shape + " are more than a dataset can hold");
        }
        if (classNames != null) {
            ClassNames.requireWritable(classNames);
        }
        this.shape = shape;
        this.count = count;
        this.labelLimit = classNames == null ? Integer.MAX_VALUE : classNames.size();
    }

    /** Checks a batch of images before anything of it is written. */
    void check(byte[] pixels, int[] labels) {
        check(pixels.length, "pixel bytes", labels);
    }

    /** Checks a batch of table rows before anything of it is written. */
    void check(float[] values, int[] labels) {
        check(values.length, "values", labels);
    }

    private void check(int values, String what, int[] labels) {
        if ((long) labels.length * shape.size() != values) {
            throw new IllegalArgumentException(values + " " + what + " for " + labels.length
                    + " samples of " + shape);
        }
        if (written + (long) labels.length > count) {
            throw new IllegalArgumentException("batch of " + labels.length + " after " + written
                    + " samples exceeds the " + count + " announced");
        }
        for (int label : labels) {
            if (label < 0 || label >= labelLimit) {
                throw new IllegalArgumentException(labelLimit == Integer.MAX_VALUE ? "label " + label + " is negative"
                        : "label " + label + " outside 0.." + (labelLimit - 1));
            }
        }
    }

    /** Counts a batch as written; returns the index of its first sample. */
    int add(int samples) {
        int first = written;
        written += samples;
        return first;
    }

    boolean complete() {
        return written == count;
    }

    IllegalStateException incomplete() {
        return new IllegalStateException("wrote " + written + " of the " + count
                + " samples announced; nothing was committed");
    }
}
