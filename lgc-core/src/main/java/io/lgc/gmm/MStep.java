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

    /** Moments from statistics aggregated elsewhere: the same formulas as {@link #moments(Workspace)}. */
    static Moments moments(SufficientStatistics s) {
        double[] raw = s.mass.clone();
        double[] mass = new double[s.k];
        double[][] means = new double[s.k][s.d];
        for (int c = 0; c < s.k; c++) {
            mass[c] = raw[c] + MASS_EPSILON;
            for (int i = 0; i < s.d; i++) {
                means[c][i] = s.sums[c][i] / mass[c];
            }
        }
        return new Moments(raw, mass, means);
    }

    /**
     * Covariances from statistics aggregated elsewhere. With y = x − c (c the centre of the second
     * moment), b = Σ r·y and m = μ − c: Σ r·(x − μ)(x − μ)ᵀ = Σ r·yyᵀ − b·mᵀ − m·bᵀ + (Σ r)·m·mᵀ.
     * Tied sums the components' scatter (Σₖ of the within-component scatter, as scikit-learn's
     * Σ xxᵀ − Σₖ nₖ·μₖμₖᵀ).
     */
    static double[] covariances(SufficientStatistics s, Moments m, double regCovar) {
        int k = s.k;
        int d = s.d;
        double[][][] scatter = new double[k][][];
        for (int c = 0; c < k; c++) {
            double raw = s.mass[c];
            double[] b = new double[d];
            double[] shift = new double[d];
            for (int i = 0; i < d; i++) {
                b[i] = s.sums[c][i] - raw * s.center[c][i];
                shift[i] = m.means()[c][i] - s.center[c][i];
            }
            double[][] second = s.second[c];
            double[][] own = new double[second.length][d];
            for (int i = 0; i < second.length; i++) {
                int columns = s.matrices() ? i + 1 : d;
                for (int j = 0; j < columns; j++) {
                    int row = s.matrices() ? i : j;
                    own[i][j] = second[i][j] - b[row] * shift[j] - shift[row] * b[j]
                            + raw * shift[row] * shift[j];
                }
            }
            scatter[c] = own;
        }
        return switch (s.type) {
            case FULL -> {
                double[] flat = new double[k * d * d];
                for (int c = 0; c < k; c++) {
                    writeCovariance(scatter[c], m.mass()[c], regCovar, flat, c * d * d);
                }
                yield flat;
            }
            case TIED -> {
                double massSum = 0;
                for (int c = 0; c < k; c++) {
                    massSum += m.mass()[c];
                }
                double[] flat = new double[d * d];
                writeCovariance(Kernels.sumLower(scatter, d), massSum, regCovar, flat, 0);
                yield flat;
            }
            case DIAG, SPHERICAL -> {
                double[] flat = new double[k * d];
                for (int c = 0; c < k; c++) {
                    for (int i = 0; i < d; i++) {
                        flat[c * d + i] = scatter[c][0][i] / m.mass()[c] + regCovar;
                    }
                }
                yield s.type == CovarianceType.DIAG ? flat : spherical(flat, k, d);
            }
        };
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
