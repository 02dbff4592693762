package io.lgc.gmm;

/**
 * The inner loops. Loops over samples are written as simple counted loops over separate arrays so
 * that HotSpot's superword pass turns them into SIMD code; reductions use several accumulators so
 * that they are not bound by the latency of one chain of additions. Summation order is fixed, so
 * results do not depend on threads.
 */
final class Kernels {
    /** Samples per rank update in {@link #addScatter}. */
    static final int UNROLL = 4;

    private Kernels() {
    }

    /**
     * q[s] = ‖T·xₛ‖² for the lower-triangular T and the samples stored feature-major in x (only the
     * first {@code length} entries of each row are used).
     */
    static void whitenedSquaredNorms(double[][] t, double[][] x, int length, double[] y, double[] q) {
        java.util.Arrays.fill(q, 0, length, 0.0);
        for (int j = 0; j < t.length; j++) {
            whitenRow(t[j], j, x, length, y);
            for (int s = 0; s < length; s++) {
                q[s] += y[s] * y[s];
            }
        }
    }

    /** y[s] = Σ_{i ≤ j} row[i]·x[i][s]: one coordinate of the whitened samples. */
    static void whitenRow(double[] row, int j, double[][] x, int length, double[] y) {
        double p0 = row[0];
        double[] x0 = x[0];
        for (int s = 0; s < length; s++) {
            y[s] = p0 * x0[s];
        }
        int i = 1;
        for (; i + 3 <= j; i += 4) {
            double a = row[i];
            double b = row[i + 1];
            double c = row[i + 2];
            double e = row[i + 3];
            double[] xa = x[i];
            double[] xb = x[i + 1];
            double[] xc = x[i + 2];
            double[] xe = x[i + 3];
            for (int s = 0; s < length; s++) {
                y[s] += a * xa[s] + b * xb[s] + c * xc[s] + e * xe[s];
            }
        }
        for (; i <= j; i++) {
            double a = row[i];
            double[] xa = x[i];
            for (int s = 0; s < length; s++) {
                y[s] += a * xa[s];
            }
        }
    }

    /**
     * Adds Σₛ rₛ·(xₛ − μ)(xₛ − μ)ᵀ over the chunk's samples to the lower triangle of {@code s}.
     * Samples with zero responsibility contribute exactly nothing and are skipped.
     */
    static void addScatter(double[][] rows, int start, int length, double[] r, double[] mu,
                           double[][] s, Workspace.Scratch w) {
        int[] nonZero = w.nonZero;
        int count = 0;
        for (int t = 0; t < length; t++) {
            if (r[t] != 0) {
                nonZero[count++] = t;
            }
        }
        double[][] buffers = w.rowBuffers;
        int t = 0;
        for (; t + UNROLL <= count; t += UNROLL) {
            for (int u = 0; u < UNROLL; u++) {
                int at = nonZero[t + u];
                center(rows[start + at], mu, r[at], buffers[u], buffers[UNROLL + u]);
            }
            rank4Update(s, buffers);
        }
        for (; t < count; t++) {
            int at = nonZero[t];
            center(rows[start + at], mu, r[at], buffers[0], buffers[UNROLL]);
            rank1Update(s, buffers[0], buffers[UNROLL]);
        }
    }

    private static void center(double[] x, double[] mu, double weight, double[] centered, double[] weighted) {
        for (int i = 0; i < mu.length; i++) {
            double v = x[i] - mu[i];
            centered[i] = v;
            weighted[i] = weight * v;
        }
    }

    private static void rank4Update(double[][] s, double[][] buffers) {
        double[] a0 = buffers[0];
        double[] a1 = buffers[1];
        double[] a2 = buffers[2];
        double[] a3 = buffers[3];
        double[] w0 = buffers[4];
        double[] w1 = buffers[5];
        double[] w2 = buffers[6];
        double[] w3 = buffers[7];
        for (int i = 0; i < s.length; i++) {
            double b0 = w0[i];
            double b1 = w1[i];
            double b2 = w2[i];
            double b3 = w3[i];
            double[] row = s[i];
            for (int j = 0; j <= i; j++) {
                row[j] += b0 * a0[j] + b1 * a1[j] + b2 * a2[j] + b3 * a3[j];
            }
        }
    }

    private static void rank1Update(double[][] s, double[] a, double[] w) {
        for (int i = 0; i < s.length; i++) {
            double b = w[i];
            double[] row = s[i];
            for (int j = 0; j <= i; j++) {
                row[j] += b * a[j];
            }
        }
    }

    /** Σₛ a[s]·b[s] over the first {@code length} entries. */
    static double dot(double[] a, double[] b, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σₛ a[s] over the first {@code length} entries. */
    static double sum(double[] a, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < length; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σₛ r[s]·(x[s] − m)² over the first {@code length} entries. */
    static double weightedSquaredDeviation(double[] r, double[] x, double m, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            double v0 = x[i] - m;
            double v1 = x[i + 1] - m;
            double v2 = x[i + 2] - m;
            double v3 = x[i + 3] - m;
            s0 += r[i] * v0 * v0;
            s1 += r[i + 1] * v1 * v1;
            s2 += r[i + 2] * v2 * v2;
            s3 += r[i + 3] * v3 * v3;
        }
        for (; i < length; i++) {
            double v = x[i] - m;
            s0 += r[i] * v * v;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Element-wise sum of per-chunk lower triangles, in chunk order. */
    static double[][] sumLower(double[][][] partials, int d) {
        double[][] total = new double[d][d];
        for (double[][] partial : partials) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    total[i][j] += partial[i][j];
                }
            }
        }
        return total;
    }
}
