package io.lgc.privacy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.lgc.Progress;
import io.lgc.model.Engines;

/**
 * For every query row, the Euclidean distance to its nearest and second-nearest reference row and
 * the nearest one's index. Computed in blocks of {@link #QUERY_BLOCK} × {@link #REFERENCE_BLOCK}
 * distances on libtorch (‖q‖² + ‖r‖² − 2 q·r), so memory is bounded by one block whatever the
 * sizes: 60,000 × 60,000 distances are never held at once.
 *
 * @param first distance to the nearest reference row
 * @param second distance to the second nearest (infinite when there is only one reference row)
 * @param index the nearest reference row (the lowest index among equally near ones)
 */
public record Nearest(double[] first, double[] second, int[] index) {
    static final int QUERY_BLOCK = 1024;
    static final int REFERENCE_BLOCK = 4096;

    /** Nearest reference rows of every query; progress under {@code task}. */
    public static Nearest of(Rows queries, Rows reference, String task, Progress progress) {
        if (queries.dim() != reference.dim()) {
            throw new IllegalArgumentException("rows of " + queries.dim() + " and " + reference.dim() + " values");
        }
        if (reference.count() == 0) {
            throw new IllegalArgumentException("no reference rows");
        }
        int n = queries.count();
        double[] first = new double[n];
        double[] second = new double[n];
        int[] index = new int[n];
        java.util.Arrays.fill(first, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(second, Double.POSITIVE_INFINITY);
        long blocks = (long) ceilDiv(n, QUERY_BLOCK) * ceilDiv(reference.count(), REFERENCE_BLOCK);
        long done = 0;
        long start = System.nanoTime();
        Engines.pytorch();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int q0 = 0; q0 < n; q0 += QUERY_BLOCK) {
                int qn = Math.min(QUERY_BLOCK, n - q0);
                for (int r0 = 0; r0 < reference.count(); r0 += REFERENCE_BLOCK) {
                    int rn = Math.min(REFERENCE_BLOCK, reference.count() - r0);
                    try (NDManager block = manager.newSubManager()) {
                        float[] d2 = squaredDistances(block, queries, q0, qn, reference, r0, rn);
                        merge(d2, qn, rn, q0, r0, first, second, index);
                    }
                    progress.update(task, ++done, blocks, start);
                }
                refineNearest(queries, q0, qn, reference, first, index);
            }
        }
        for (int i = 0; i < n; i++) {
            second[i] = Math.sqrt(Math.max(second[i], first[i])); // the refined first may pass the rounded second
            first[i] = Math.sqrt(first[i]);
        }
        return new Nearest(first, second, index);
    }

    private static float[] squaredDistances(NDManager m, Rows queries, int q0, int qn, Rows reference, int r0,
            int rn) {
        int d = queries.dim();
        NDArray q = m.create(queries.slice(q0, qn), new Shape(qn, d));
        NDArray r = m.create(reference.slice(r0, rn), new Shape(rn, d));
        NDArray qq = q.square().sum(new int[] {1}, true);
        NDArray rr = r.square().sum(new int[] {1}, true).transpose();
        return qq.add(rr).sub(q.matMul(r.transpose()).mul(2)).maximum(0f).toFloatArray();
    }

    /**
     * The expanded form loses precision in float32 (a copy can come out a hair above 0), so the
     * nearest distance is recomputed directly, in double: an exact copy is then exactly 0.
     */
    private static void refineNearest(Rows queries, int q0, int qn, Rows reference, double[] first, int[] index) {
        float[] q = queries.slice(q0, qn);
        int d = queries.dim();
        for (int i = 0; i < qn; i++) {
            float[] r = reference.slice(index[q0 + i], 1);
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double diff = (double) q[i * d + j] - r[j];
                sum += diff * diff;
            }
            first[q0 + i] = sum;
        }
    }

    private static void merge(float[] d2, int qn, int rn, int q0, int r0, double[] first, double[] second,
            int[] index) {
        for (int i = 0; i < qn; i++) {
            int row = q0 + i;
            for (int j = 0; j < rn; j++) {
                double v = d2[i * rn + j];
                if (v < first[row]) {
                    second[row] = first[row];
                    first[row] = v;
                    index[row] = r0 + j;
                } else if (v < second[row]) {
                    second[row] = v;
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
