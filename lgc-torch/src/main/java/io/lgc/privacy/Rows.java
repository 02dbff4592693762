package io.lgc.privacy;

import io.lgc.data.LabelledData;

/**
 * Records as points of {@code dim()} floats: pixels scaled to [0, 1] for images, the feature
 * values for tables: the space in which the audit measures distances. Converted a slice at a time,
 * so a large dataset is never held twice.
 */
public record Rows(LabelledData data) {
    public int count() {
        return data.size();
    }

    public int dim() {
        return data.layout().size();
    }

    /** Rows {@code from .. from + count - 1}, one after the other. */
    float[] slice(int from, int count) {
        float[] out = new float[count * dim()];
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = from + i;
        }
        data.inputs(order, 0, count, out);
        return out;
    }
}
