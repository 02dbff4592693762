package io.lgc.gmm;

/** Cholesky factorisation and triangular inverses of small dense symmetric matrices. */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * Writes the lower-triangular {@code l} with {@code a = l·lᵀ}, reading only the lower triangle
     * of {@code a}; the upper triangle of {@code l} is zeroed.
     *
     * @return false when {@code a} is not numerically positive definite (a pivot is not > 0)
     */
    static boolean decompose(double[][] a, double[][] l) {
        int d = a.length;
        for (int j = 0; j < d; j++) {
            double[] lj = l[j];
            double pivot = a[j][j] - dotPrefix(lj, lj, j);
            if (!(pivot > 0) || pivot == Double.POSITIVE_INFINITY) {
                return false;
            }
            double root = Math.sqrt(pivot);
            lj[j] = root;
            for (int m = j + 1; m < d; m++) {
                lj[m] = 0;
            }
            for (int i = j + 1; i < d; i++) {
                double[] li = l[i];
                li[j] = (a[i][j] - dotPrefix(li, lj, j)) / root;
            }
        }
        return true;
    }

    /** The inverse of a lower-triangular matrix with positive diagonal, itself lower triangular. */
    static double[][] invertLower(double[][] l) {
        int d = l.length;
        double[][] inv = new double[d][d];
        for (int c = 0; c < d; c++) {
            inv[c][c] = 1.0 / l[c][c];
            for (int i = c + 1; i < d; i++) {
                double[] li = l[i];
                double sum = 0;
                for (int m = c; m < i; m++) {
                    sum += li[m] * inv[m][c];
                }
                inv[i][c] = -sum / li[i];
            }
        }
        return inv;
    }

    /**
     * For a symmetric positive definite {@code p}, the lower-triangular {@code t} with
     * {@code p = tᵀ·t} (a "reversed" Cholesky factor), or null when {@code p} is not positive
     * definite. Used to turn a precision matrix into the whitening factor the E-step applies.
     */
    static double[][] reversedFactor(double[][] p) {
        int d = p.length;
        double[][] reversed = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                reversed[i][j] = p[d - 1 - i][d - 1 - j];
            }
        }
        double[][] c = new double[d][d];
        if (!decompose(reversed, c)) {
            return null;
        }
        // p = J·c·cᵀ·J with J the exchange matrix, so t = J·cᵀ·J is lower triangular and p = tᵀ·t.
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                t[i][j] = c[d - 1 - j][d - 1 - i];
            }
        }
        return t;
    }

    /** {@code t⁻¹·t⁻ᵀ} for a lower-triangular {@code t}: the covariance whose whitening factor is t. */
    static double[][] covarianceOfWhitening(double[][] t) {
        double[][] inv = invertLower(t);
        int d = t.length;
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double value = dotPrefix(inv[i], inv[j], j + 1);
                cov[i][j] = value;
                cov[j][i] = value;
            }
        }
        return cov;
    }

    private static double dotPrefix(double[] a, double[] b, int length) {
        double sum = 0;
        for (int m = 0; m < length; m++) {
            sum += a[m] * b[m];
        }
        return sum;
    }
}
