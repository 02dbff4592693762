package io.lgc.artifact;

import io.lgc.gmm.CovarianceType;

/**
 * How far storing a mixture moves it: an upper bound on KL(original ‖ stored) in nats, from
 * the chain rule for mixtures, KL(Σ wₖpₖ ‖ Σ w'ₖqₖ) ≤ KL(w ‖ w') + Σ wₖ·KL(pₖ ‖ qₖ), with the
 * Gaussian terms in closed form from the Cholesky factors. The writer uses it to decide whether
 * fp16 mixtures are harmless; infinity when the stored mixture is degenerate.
 */
final class MixtureDivergence {
    private MixtureDivergence() {
    }

    /** Both mixtures in the section's layout: weights [k], means [k·d], packed factors [blocks·packed]. */
    static double upperBound(CovarianceType type, int d, MixtureTensors.Stored original,
            MixtureTensors.Stored stored) {
        int k = original.weights().length;
        double[] w0 = normalised(original.weights());
        double[] w1 = normalised(stored.weights());
        double bound = 0;
        for (int c = 0; c < k; c++) {
            if (w0[c] > 0) {
                bound += w0[c] * Math.log(w0[c] / w1[c]);
            }
        }
        int per = CovarianceFactors.packedSize(type, d);
        for (int c = 0; c < k; c++) {
            int block = type == CovarianceType.TIED ? 0 : c;
            double[][] l0 = lower(type, d, original.factors(), block * per);
            double[][] l1 = lower(type, d, stored.factors(), block * per);
            double[] shift = new double[d];
            for (int i = 0; i < d; i++) {
                shift[i] = stored.means()[c * d + i] - original.means()[c * d + i];
            }
            bound += w0[c] * gaussian(l0, l1, shift);
        }
        return Double.isNaN(bound) ? Double.POSITIVE_INFINITY : bound;
    }

    /**
     * KL(N(μ, L₀L₀ᵀ) ‖ N(μ + δ, L₁L₁ᵀ)) = ½ (‖L₁⁻¹L₀‖²_F + ‖L₁⁻¹δ‖² − d + 2 Σ ln(L₁ᵢᵢ / L₀ᵢᵢ)).
     */
    static double gaussian(double[][] l0, double[][] l1, double[] shift) {
        int d = shift.length;
        double logDet = 0;
        for (int i = 0; i < d; i++) {
            if (!(l1[i][i] > 0) || !Double.isFinite(l1[i][i])) {
                return Double.POSITIVE_INFINITY;
            }
            logDet += Math.log(l1[i][i] / l0[i][i]);
        }
        double trace = 0;
        double[] column = new double[d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                column[i] = l0[i][j];
            }
            trace += squaredNorm(solveLower(l1, column));
        }
        double mahalanobis = squaredNorm(solveLower(l1, shift));
        return 0.5 * (trace + mahalanobis - d + 2 * logDet);
    }

    /** x with L·x = b, by forward substitution. */
    private static double[] solveLower(double[][] l, double[] b) {
        int d = b.length;
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = b[i];
            for (int j = 0; j < i; j++) {
                sum -= l[i][j] * x[j];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    /** One block of packed factors as a dense lower-triangular matrix (diagonal for diag and spherical). */
    private static double[][] lower(CovarianceType type, int d, double[] packed, int offset) {
        double[][] l = new double[d][d];
        int p = offset;
        for (int i = 0; i < d; i++) {
            switch (type) {
                case FULL, TIED -> {
                    for (int j = 0; j <= i; j++) {
                        l[i][j] = packed[p++];
                    }
                }
                case DIAG -> l[i][i] = packed[offset + i];
                case SPHERICAL -> l[i][i] = packed[offset];
            }
        }
        return l;
    }

    private static double[] normalised(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / sum;
        }
        return out;
    }

    private static double squaredNorm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }
}
