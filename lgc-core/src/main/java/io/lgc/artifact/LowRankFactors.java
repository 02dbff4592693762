package io.lgc.artifact;

import io.lgc.linalg.SymmetricEigen;

/**
 * Stores a full covariance as a rank-R part plus a diagonal, Σ ≈ W·Wᵀ + diag(ψ): R loading vectors
 * of d values and d standard deviations √ψ, (R + 1)·d numbers where the Cholesky triangle takes
 * d(d + 1)/2 (at d = 128 and R = 16, 2,176 against 8,256). W holds the top R eigenvectors of Σ, each
 * scaled by the root of its eigenvalue, and ψ what they leave of Σ's diagonal, so that every latent
 * coordinate keeps its variance; any such pair with ψ > 0 gives a positive-definite covariance,
 * whatever rounding storage applied.
 *
 * <p>A block is R + 1 rows of d values: the loading vectors w₀ … w_{R−1}, largest eigenvalue first,
 * then √ψ₀ … √ψ_{d−1}.
 */
final class LowRankFactors {
    /** The smallest ψ kept, relative to the largest variance of the block: a floor against rounding to zero. */
    static final double MIN_RELATIVE_VARIANCE = 1e-6;

    private LowRankFactors() {
    }

    /** Values per block: (rank + 1)·d. */
    static int packedSize(int d, int rank) {
        return (rank + 1) * d;
    }

    /** Position of √ψ_i within a block, the entries that must stay positive. */
    static int deviationIndex(int d, int rank, int i) {
        return rank * d + i;
    }

    /** Full covariances in the gmm package's flat layout (K blocks of d·d) → packed low-rank blocks. */
    static double[] pack(double[] covariances, int d, int rank) {
        int blocks = covariances.length / (d * d);
        int size = packedSize(d, rank);
        double[] out = new double[blocks * size];
        for (int b = 0; b < blocks; b++) {
            double[][] sigma = new double[d][d];
            double largest = 0;
            for (int i = 0; i < d; i++) {
                System.arraycopy(covariances, b * d * d + i * d, sigma[i], 0, d);
                largest = Math.max(largest, sigma[i][i]);
            }
            SymmetricEigen eigen = SymmetricEigen.of(sigma);
            int base = b * size;
            double[] explained = new double[d];
            for (int r = 0; r < rank; r++) {
                double root = Math.sqrt(Math.max(eigen.values()[r], 0));
                for (int i = 0; i < d; i++) {
                    double w = eigen.vectors()[r][i] * root;
                    out[base + r * d + i] = w;
                    explained[i] += w * w;
                }
            }
            for (int i = 0; i < d; i++) {
                double psi = Math.max(sigma[i][i] - explained[i], MIN_RELATIVE_VARIANCE * largest);
                out[base + deviationIndex(d, rank, i)] = Math.sqrt(psi);
            }
        }
        return out;
    }

    /** Packed low-rank blocks → full covariances W·Wᵀ + diag(ψ) in the gmm package's flat layout. */
    static double[] unpack(double[] packed, int d, int rank) {
        int size = packedSize(d, rank);
        int blocks = packed.length / size;
        double[] out = new double[blocks * d * d];
        for (int b = 0; b < blocks; b++) {
            int base = b * size;
            int at = b * d * d;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = 0;
                    for (int r = 0; r < rank; r++) {
                        sum += packed[base + r * d + i] * packed[base + r * d + j];
                    }
                    if (i == j) {
                        double s = packed[base + deviationIndex(d, rank, i)];
                        sum += s * s;
                    }
                    out[at + i * d + j] = sum;
                    out[at + j * d + i] = sum;
                }
            }
        }
        return out;
    }
}
