package io.lgc.gmm;

import java.util.Random;

/**
 * Data drawn from known mixtures with code independent of {@link GaussianMixture#sample}, so that a
 * bug in our sampler cannot hide a bug in our fit.
 */
final class KnownMixtures {
    /** Three well-separated 2-D components with different weights, shapes and orientations. */
    static final double[] WEIGHTS = {0.5, 0.3, 0.2};
    static final double[][] MEANS = {{0, 0}, {8, 1}, {2, 9}};
    /** Lower Cholesky factors L of the covariances L·Lᵀ. */
    static final double[][][] FACTORS = {
        {{1.0, 0}, {0.5, 0.6}},
        {{0.5, 0}, {-0.3, 1.5}},
        {{1.2, 0}, {0.0, 0.4}},
    };

    private KnownMixtures() {
    }

    static double[][] covariance(int c) {
        double[][] l = FACTORS[c];
        double[][] cov = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                cov[i][j] = l[i][0] * l[j][0] + l[i][1] * l[j][1];
            }
        }
        return cov;
    }

    /** n points from the three-component mixture, component i for the first ⌊n·w₀⌋, etc. */
    static double[][] threeComponents(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][];
        for (int s = 0; s < n; s++) {
            double u = (s + 0.5) / n;
            int c = u < WEIGHTS[0] ? 0 : u < WEIGHTS[0] + WEIGHTS[1] ? 1 : 2;
            double z0 = random.nextGaussian();
            double z1 = random.nextGaussian();
            double[][] l = FACTORS[c];
            x[s] = new double[] {MEANS[c][0] + l[0][0] * z0, MEANS[c][1] + l[1][0] * z0 + l[1][1] * z1};
        }
        return x;
    }

    /** n points from k spherical blobs of unit variance, centres 4·N(0, 1) in d dimensions. */
    static double[][] blobs(int n, int d, int k, long seed) {
        Random random = new Random(seed);
        double[][] centers = new double[k][d];
        for (double[] center : centers) {
            for (int i = 0; i < d; i++) {
                center[i] = 4 * random.nextGaussian();
            }
        }
        double[][] x = new double[n][d];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < d; i++) {
                x[s][i] = centers[s % k][i] + random.nextGaussian();
            }
        }
        return x;
    }

    /** Index of the row of {@code candidates} nearest to {@code point}. */
    static int nearest(double[][] candidates, double[] point) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < candidates.length; c++) {
            double sum = 0;
            for (int i = 0; i < point.length; i++) {
                double v = candidates[c][i] - point[i];
                sum += v * v;
            }
            if (sum < bestDistance) {
                bestDistance = sum;
                best = c;
            }
        }
        return best;
    }
}
