package io.lgc.gmm;

import java.util.random.RandomGenerator;

/**
 * Draws points from a mixture as scikit-learn does: component counts from a multinomial over the
 * weights, then mean + L·z per point with covariance = L·Lᵀ and z standard normal, grouped by
 * component in component order.
 */
final class Sampler {
    private Sampler() {
    }

    static Sample draw(Components params, int n, RandomGenerator rng) {
        int[] counts = componentCounts(params, n, rng);
        double[][] x = new double[n][];
        int[] component = new int[n];
        double[] z = new double[params.d];
        int row = 0;
        for (int c = 0; c < params.k; c++) {
            double[][] factor = samplingFactor(params, c);
            for (int t = 0; t < counts[c]; t++, row++) {
                for (int i = 0; i < params.d; i++) {
                    z[i] = rng.nextGaussian();
                }
                x[row] = transform(params, c, factor, z);
                component[row] = c;
            }
        }
        return new Sample(x, component);
    }

    private static int[] componentCounts(Components params, int n, RandomGenerator rng) {
        double[] cumulative = new double[params.k];
        double running = 0;
        int lastPositive = 0;
        for (int c = 0; c < params.k; c++) {
            running += params.weights[c];
            cumulative[c] = running;
            if (params.weights[c] > 0) {
                lastPositive = c;
            }
        }
        int[] counts = new int[params.k];
        for (int t = 0; t < n; t++) {
            double u = rng.nextDouble() * running;
            int c = 0;
            while (c < lastPositive && !(u < cumulative[c])) {
                c++;
            }
            counts[c]++;
        }
        return counts;
    }

    /** Lower-triangular L with covariance = L·Lᵀ (inverse of the whitening factor), or null. */
    private static double[][] samplingFactor(Components params, int c) {
        return switch (params.type) {
            case FULL -> Cholesky.invertLower(params.whitening[c]);
            case TIED -> Cholesky.invertLower(params.whitening[0]);
            case DIAG, SPHERICAL -> null;
        };
    }

    private static double[] transform(Components params, int c, double[][] factor, double[] z) {
        double[] mu = params.means[c];
        double[] out = new double[params.d];
        for (int i = 0; i < params.d; i++) {
            double v;
            if (factor != null) {
                v = 0;
                for (int j = 0; j <= i; j++) {
                    v += factor[i][j] * z[j];
                }
            } else {
                double precision = params.precisionSqrt[c][params.type == CovarianceType.DIAG ? i : 0];
                v = z[i] / precision;
            }
            out[i] = mu[i] + v;
        }
        return out;
    }
}
