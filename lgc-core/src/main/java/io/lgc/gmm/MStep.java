package io.lgc.gmm;

/**
 * The maximisation step's estimates from the responsibilities left in a workspace, with
 * scikit-learn's formulas: nₖ = Σ rₖ + 10·ε, μₖ = Σ rₖ·x / nₖ, covariances from the weighted
 * scatter around the new means divided by nₖ plus regCovar on the diagonal. Scatter is summed
 * around each component's own mean (not as E[x²] − μ²) so that it does not cancel.
 */
final class MStep {
    private static final double MASS_EPSILON = 10 * Math.ulp(1.0);

    private MStep() {
    }

    /** Responsibility mass (raw and with scikit-learn's 10·ε) and means, reduced in chunk order. */
    record Moments(double[] rawMass, double[] mass, double[][] means) {
    }

    static Moments moments(Workspace ws) {
        int k = ws.k;
        int d = ws.data.d;
        double[] raw = new double[k];
        double[][] sums = new double[k][d];
        for (Workspace.Scratch w : ws.scratch) {
            for (int c = 0; c < k; c++) {
                raw[c] += w.mass[c];
                for (int i = 0; i < d; i++) {
                    sums[c][i] += w.weightedSum[c][i];
                }
            }
        }
        double[] mass = new double[k];
        for (int c = 0; c < k; c++) {
            mass[c] = raw[c] + MASS_EPSILON;
            for (int i = 0; i < d; i++) {
                sums[c][i] /= mass[c];
            }
        }
        return new Moments(raw, mass, sums);
    }

    /** Covariances in scikit-learn's flat layout for the given type. */
    static double[] covariances(CovarianceType type, Workspace ws, Moments m, double regCovar) {
        return switch (type) {
            case FULL -> full(ws, m, regCovar);
            case TIED -> tied(ws, m, regCovar);
            case DIAG -> diagonal(ws, m, regCovar);
            case SPHERICAL -> spherical(diagonal(ws, m, regCovar), ws.k, ws.data.d);
        };
    }

    private static double[] full(Workspace ws, Moments m, double regCovar) {
        ChunkedData data = ws.data;
        int k = ws.k;
        int d = data.d;
        data.forEachChunk(chunk -> {
            Workspace.Scratch w = ws.scratch[chunk];
            double[][][] scatter = w.scatter(k, d);
            for (int c = 0; c < k; c++) {
                for (double[] row : scatter[c]) {
                    java.util.Arrays.fill(row, 0.0);
                }
                Kernels.addScatter(data.rows, data.start(chunk), data.length(chunk), w.resp[c],
                        m.means()[c], scatter[c], w);
            }
        });
        double[] flat = new double[k * d * d];
        double[][][] partials = new double[ws.scratch.length][][];
        for (int c = 0; c < k; c++) {
            for (int chunk = 0; chunk < partials.length; chunk++) {
                partials[chunk] = ws.scratch[chunk].scatter[c];
            }
            writeCovariance(Kernels.sumLower(partials, d), m.mass()[c], regCovar, flat, c * d * d);
        }
        return flat;
    }

    /**
     * The shared covariance: total scatter around the global mean minus the between-component
     * scatter, Σₖ nₖ(μₖ − x̄)(μₖ − x̄)ᵀ, over Σ nₖ (scikit-learn's formula, shifted to x̄ so that it
     * cancels less). The total scatter is constant, so each iteration costs O(k·d²).
     */
    private static double[] tied(Workspace ws, Moments m, double regCovar) {
        int d = ws.data.d;
        double[][] total = ws.totalScatter();
        double[] center = ws.globalMean();
        double[][] within = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(total[i], 0, within[i], 0, i + 1);
        }
        double massSum = 0;
        double[] shift = new double[d];
        for (int c = 0; c < ws.k; c++) {
            double nk = m.mass()[c];
            massSum += nk;
            for (int i = 0; i < d; i++) {
                shift[i] = m.means()[c][i] - center[i];
            }
            for (int i = 0; i < d; i++) {
                double weighted = nk * shift[i];
                for (int j = 0; j <= i; j++) {
                    within[i][j] -= weighted * shift[j];
                }
            }
        }
        double[] flat = new double[d * d];
        writeCovariance(within, massSum, regCovar, flat, 0);
        return flat;
    }

    private static double[] diagonal(Workspace ws, Moments m, double regCovar) {
        ChunkedData data = ws.data;
        int k = ws.k;
        int d = data.d;
        data.forEachChunk(chunk -> {
            Workspace.Scratch w = ws.scratch[chunk];
            double[][] deviations = w.squaredDeviations(k, d);
            double[][] cols = data.columns(chunk);
            int length = data.length(chunk);
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < d; i++) {
                    deviations[c][i] = Kernels.weightedSquaredDeviation(w.resp[c], cols[i], m.means()[c][i], length);
                }
            }
        });
        double[] flat = new double[k * d];
        for (Workspace.Scratch w : ws.scratch) {
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < d; i++) {
                    flat[c * d + i] += w.squaredDeviations[c][i];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
                flat[c * d + i] = flat[c * d + i] / m.mass()[c] + regCovar;
            }
        }
        return flat;
    }

    /** scikit-learn's spherical variance: the mean of the (regularised) diagonal variances. */
    private static double[] spherical(double[] diagonal, int k, int d) {
        double[] flat = new double[k];
        for (int c = 0; c < k; c++) {
            double sum = 0;
            for (int i = 0; i < d; i++) {
                sum += diagonal[c * d + i];
            }
            flat[c] = sum / d;
        }
        return flat;
    }

    /** Writes scatter/mass + regCovar·I (from the lower triangle, mirrored) at {@code offset}. */
    private static void writeCovariance(double[][] scatter, double mass, double regCovar, double[] flat, int offset) {
        int d = scatter.length;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double v = scatter[i][j] / mass;
                if (i == j) {
                    v += regCovar;
                }
                flat[offset + i * d + j] = v;
                flat[offset + j * d + i] = v;
            }
        }
    }
}
