package io.lgc.data;

import java.util.List;
import java.util.Objects;

/**
 * A labelled table held in memory: one row of float features per sample and its class.
 *
 * <p>{@code values} holds {@code size()} rows one after the other, {@code columns.size()} features
 * each, in the feature order of {@link TableColumns#features()}. Labels are class indices into
 * {@code classNames}. As with {@link Dataset}, the arrays are not copied.
 */
public record Table(float[] values, int[] labels, List<String> classNames, TableColumns columns)
        implements LabelledData {
    public Table {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(columns, "columns");
        classNames = List.copyOf(classNames);
        if ((long) labels.length * columns.size() != values.length) {
            throw new IllegalArgumentException("values hold " + values.length + " numbers, expected "
                    + labels.length + " rows of " + columns.size());
        }
        LabelledData.checkLabels(labels, classNames);
    }

    @Override
    public SampleLayout layout() {
        return columns;
    }

    /** The feature values as they are (standardising is the caller's choice, see {@link FeatureScaling}). */
    @Override
    public void inputs(int[] order, int from, int to, float[] into) {
        int f = columns.size();
        for (int i = from; i < to; i++) {
            System.arraycopy(values, order[i] * f, into, (i - from) * f, f);
        }
    }

    @Override
    public Table subset(int[] indices) {
        int f = columns.size();
        float[] v = new float[indices.length * f];
        int[] lb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * f, v, i * f, f);
            lb[i] = labels[indices[i]];
        }
        return new Table(v, lb, classNames, columns);
    }

    /** The same rows and labels with other feature values (same count). */
    public Table withValues(float[] newValues) {
        return new Table(newValues, labels, classNames, columns);
    }
}
