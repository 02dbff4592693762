package io.lgc.linalg;

import java.util.SplittableRandom;

/**
 * The leading eigenpairs of a large symmetric positive semi-definite matrix by subspace iteration
 * with a Rayleigh–Ritz step: a few extra vectors are carried so that convergence depends on the gap
 * after them, and the small projected problem is solved exactly by {@link SymmetricEigen}. A full
 * Jacobi decomposition of a 784 × 784 pixel covariance would cost minutes; this costs seconds.
 *
 * @param values the {@code count} largest eigenvalues, largest first
 * @param vectors unit eigenvectors, {@code vectors[i]} for {@code values[i]}, sign fixed as in
 *     {@link SymmetricEigen}
 * @param iterations subspace iterations used
 */
public record TopEigen(double[] values, double[][] vectors, int iterations) {
    private static final int EXTRA_VECTORS = 10;
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-12;

    /**
     * @param matrix symmetric positive semi-definite, not modified
     * @param count how many eigenpairs, 1 ≤ count ≤ n
     * @param seed seeds the starting subspace, so results repeat exactly
     */
    public static TopEigen of(double[][] matrix, int count, long seed) {
        int n = matrix.length;
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("cannot take " + count + " eigenpairs of a " + n + "x" + n + " matrix");
        }
        int m = Math.min(n, count + EXTRA_VECTORS);
        double[][] q = randomOrthonormal(n, m, seed);
        double[] previous = new double[m];
        int iteration = 0;
        SymmetricEigen ritz;
        while (true) {
            double[][] z = multiply(matrix, q);
            ritz = SymmetricEigen.of(projected(q, z));
            iteration++;
            if (converged(previous, ritz.values(), count) || iteration >= MAX_ITERATIONS) {
                break;
            }
            previous = ritz.values();
            q = z;
            orthonormalize(q);
        }
        double[] values = new double[count];
        double[][] vectors = new double[count][n];
        for (int r = 0; r < count; r++) {
            values[r] = ritz.values()[r];
            double[] coefficients = ritz.vectors()[r];
            for (int c = 0; c < m; c++) {
                for (int i = 0; i < n; i++) {
                    vectors[r][i] += coefficients[c] * q[c][i];
                }
            }
            normalize(vectors[r]);
            SymmetricEigen.fixSign(vectors[r]);
        }
        return new TopEigen(values, vectors, iteration);
    }

    private static boolean converged(double[] previous, double[] current, int count) {
        for (int i = 0; i < count; i++) {
            if (Math.abs(current[i] - previous[i]) > TOLERANCE * Math.max(Math.abs(current[0]), Double.MIN_NORMAL)) {
                return false;
            }
        }
        return true;
    }

    /** Columns stored as rows: {@code q[c]} is the c-th basis vector. */
    private static double[][] randomOrthonormal(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] q = new double[m][n];
        for (double[] column : q) {
            for (int i = 0; i < n; i++) {
                column[i] = random.nextDouble() - 0.5;
            }
        }
        orthonormalize(q);
        return q;
    }

    /** A·q for every basis vector q (A symmetric, so rows of A serve as its columns). */
    private static double[][] multiply(double[][] a, double[][] q) {
        int n = a.length;
        double[][] out = new double[q.length][n];
        for (int c = 0; c < q.length; c++) {
            double[] v = q[c];
            for (int i = 0; i < n; i++) {
                double[] row = a[i];
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += row[j] * v[j];
                }
                out[c][i] = sum;
            }
        }
        return out;
    }

    /** Qᵀ A Q, from Z = A Q. */
    private static double[][] projected(double[][] q, double[][] z) {
        int m = q.length;
        double[][] t = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double dot = 0.5 * (dot(q[a], z[b]) + dot(q[b], z[a]));
                t[a][b] = dot;
                t[b][a] = dot;
            }
        }
        return t;
    }

    /** Modified Gram–Schmidt, twice, which keeps the basis orthonormal to working precision. */
    private static void orthonormalize(double[][] q) {
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < q.length; c++) {
                for (int p = 0; p < c; p++) {
                    double d = dot(q[p], q[c]);
                    for (int i = 0; i < q[c].length; i++) {
                        q[c][i] -= d * q[p][i];
                    }
                }
                normalize(q[c]);
            }
        }
    }

    private static void normalize(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm == 0) {
            // The matrix has rank below the subspace; any unit vector orthogonal later serves.
            v[0] = 1;
            return;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}
