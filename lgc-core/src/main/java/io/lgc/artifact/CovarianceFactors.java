package io.lgc.artifact;

import io.lgc.gmm.CovarianceType;

/**
 * Stores covariances as their Cholesky factors: packed lower triangles for full and tied
 * matrices, standard deviations for diagonal and spherical ones. A factor with a positive
 * diagonal always gives back a positive-definite covariance, whatever rounding storage applied,
 * and the packed triangle takes half the bytes of the matrix.
 */
final class CovarianceFactors {
    private CovarianceFactors() {
    }

    /** Values per stored factor block: d(d+1)/2 for full and tied, d for diag, 1 for spherical. */
    static int packedSize(CovarianceType type, int d) {
        return switch (type) {
            case FULL, TIED -> d * (d + 1) / 2;
            case DIAG -> d;
            case SPHERICAL -> 1;
        };
    }

    /** Position of the factor's i-th diagonal entry within a packed block (row-major lower triangle). */
    static int diagonalIndex(CovarianceType type, int i) {
        return type == CovarianceType.FULL || type == CovarianceType.TIED ? i * (i + 3) / 2 : i;
    }

    /** Number of factor blocks: one per component, or one shared (tied). */
    static int blocks(CovarianceType type, int components) {
        return type == CovarianceType.TIED ? 1 : components;
    }

    /** Covariances in the gmm package's flat layout → packed factors. */
    static double[] pack(CovarianceType type, int d, double[] covariances) {
        int size = packedSize(type, d);
        int blocks = covariances.length / (type == CovarianceType.FULL || type == CovarianceType.TIED ? d * d
                : type == CovarianceType.DIAG ? d : 1);
        double[] out = new double[blocks * size];
        for (int b = 0; b < blocks; b++) {
            switch (type) {
                case FULL, TIED -> packCholesky(covariances, b * d * d, d, out, b * size);
                case DIAG -> {
                    for (int j = 0; j < d; j++) {
                        out[b * d + j] = Math.sqrt(covariances[b * d + j]);
                    }
                }
                case SPHERICAL -> out[b] = Math.sqrt(covariances[b]);
            }
        }
        return out;
    }

    /** Packed factors → covariances in the gmm package's flat layout. */
    static double[] unpack(CovarianceType type, int d, double[] factors) {
        int size = packedSize(type, d);
        int blocks = factors.length / size;
        return switch (type) {
            case FULL, TIED -> {
                double[] out = new double[blocks * d * d];
                for (int b = 0; b < blocks; b++) {
                    multiplyByTranspose(factors, b * size, d, out, b * d * d);
                }
                yield out;
            }
            case DIAG, SPHERICAL -> {
                double[] out = new double[factors.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = factors[i] * factors[i];
                }
                yield out;
            }
        };
    }

    private static void packCholesky(double[] a, int offset, int d, double[] out, int outOffset) {
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[offset + i * d + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * d + k] * l[j * d + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException("covariance is not positive definite");
                    }
                    l[i * d + i] = Math.sqrt(sum);
                } else {
                    l[i * d + j] = sum / l[j * d + j];
                }
            }
        }
        int p = outOffset;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                out[p++] = l[i * d + j];
            }
        }
    }

    private static void multiplyByTranspose(double[] packed, int offset, int d, double[] out, int outOffset) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = 0; k <= j; k++) {
                    sum += packed[offset + i * (i + 1) / 2 + k] * packed[offset + j * (j + 1) / 2 + k];
                }
                out[outOffset + i * d + j] = sum;
                out[outOffset + j * d + i] = sum;
            }
        }
    }
}
