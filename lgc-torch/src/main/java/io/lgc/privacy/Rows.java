package io.lgc.privacy;

import io.lgc.data.LabelledData;

/**
 * Records as points of {@code dim()} floats, the space in which the audit measures distances:
 * pixels scaled to [0, 1] for images, the feature values for tables (converted a slice at a time,
 * so a large dataset is never held twice), or given values such as features of a network.
 */
public final class Rows {
    private final LabelledData data;
    private final float[] values;
    private final int dim;
    private final int count;

    public Rows(LabelledData data) {
        this.data = data;
        this.values = null;
        this.dim = data.layout().size();
        this.count = data.size();
    }

    private Rows(float[] values, int dim) {
        if (dim <= 0 || values.length % dim != 0) {
            throw new IllegalArgumentException(values.length + " values are not rows of " + dim);
        }
        this.data = null;
        this.values = values;
        this.dim = dim;
        this.count = values.length / dim;
    }

    /** Rows of {@code dim} values each, one after the other. */
    static Rows of(float[] values, int dim) {
        return new Rows(values, dim);
    }

    /** The records, when the rows are records as they are (null for given values). */
    public LabelledData data() {
        return data;
    }

    public int count() {
        return count;
    }

    public int dim() {
        return dim;
    }

    /** Rows {@code from .. from + count - 1}, one after the other. */
    float[] slice(int from, int n) {
        float[] out = new float[n * dim];
        if (values != null) {
            System.arraycopy(values, from * dim, out, 0, n * dim);
            return out;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = from + i;
        }
        data.inputs(order, 0, n, out);
        return out;
    }
}
