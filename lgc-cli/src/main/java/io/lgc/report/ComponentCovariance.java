package io.lgc.report;

import io.lgc.gmm.GaussianMixture;

/** One component's covariance as a full d×d matrix, whatever the mixture's covariance type. */
final class ComponentCovariance {
    private ComponentCovariance() {
    }

    static double[][] of(GaussianMixture mixture, int component) {
        int d = mixture.dimension();
        double[] flat = mixture.covariancesFlat();
        double[][] out = new double[d][d];
        switch (mixture.covarianceType()) {
            case FULL -> copyBlock(flat, component * d * d, out);
            case TIED -> copyBlock(flat, 0, out);
            case DIAG -> {
                for (int i = 0; i < d; i++) {
                    out[i][i] = flat[component * d + i];
                }
            }
            case SPHERICAL -> {
                for (int i = 0; i < d; i++) {
                    out[i][i] = flat[component];
                }
            }
        }
        return out;
    }

    private static void copyBlock(double[] flat, int offset, double[][] out) {
        int d = out.length;
        for (int i = 0; i < d; i++) {
            System.arraycopy(flat, offset + i * d, out[i], 0, d);
        }
    }
}
