package io.lgc.gmm;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What one E-step pass over a part of the data contributes to the M-step, under a given mixture:
 * the sample count, the sum of the samples' log-likelihoods (each a log-sum-exp over components),
 * and per component the responsibility mass Σ r, the weighted sum Σ r·x and the weighted second
 * moment around the mixture's own mean c, Σ r·(x − c)(x − c)ᵀ (full and tied: lower triangle;
 * diag and spherical: its diagonal). Statistics of disjoint parts {@link #merge} into those of
 * their union, so a cluster can compute them per partition and reduce them in a tree.
 *
 * <p>Centring the second moment on the previous mean, which the new mean stays close to, keeps
 * the M-step's covariance Σ r·(x − μ)(x − μ)ᵀ = Σ r·(x − c)(x − c)ᵀ − corrections free of the
 * cancellation that E[xxᵀ] − μμᵀ suffers.
 */
public final class SufficientStatistics implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Rows per E-step block: one {@link ChunkedData} chunk, so a block runs on the calling thread. */
    private static final int BLOCK_ROWS = 256;

    final CovarianceType type;
    final int k;
    final int d;
    long count;
    double logLikelihoodSum;
    final double[] mass;
    final double[][] sums;
    /** The means of the mixture the pass ran under (the centre of {@link #second}). */
    final double[][] center;
    /** Full, tied: k × d × d (lower triangle used); diag, spherical: k × 1 × d. */
    final double[][][] second;

    private SufficientStatistics(Components model) {
        this.type = model.type;
        this.k = model.k;
        this.d = model.d;
        this.mass = new double[k];
        this.sums = new double[k][d];
        this.center = new double[k][];
        for (int c = 0; c < k; c++) {
            center[c] = model.means[c].clone();
        }
        this.second = new double[k][matrices() ? d : 1][d];
    }

    /** Statistics of no data under {@code model}: the neutral element of {@link #merge}. */
    public static SufficientStatistics empty(GaussianMixture model) {
        return new SufficientStatistics(model.parameters());
    }

    /**
     * Adds the E-step statistics of {@code rows} (n × d, checked as in {@link GaussianMixture#fit})
     * under {@code model}, which must be the mixture this object was created for.
     *
     * @return this
     */
    public SufficientStatistics add(GaussianMixture model, double[][] rows) {
        Components params = model.parameters();
        requireSameCenter(params.means);
        for (int from = 0; from < rows.length; from += BLOCK_ROWS) {
            double[][] block = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + BLOCK_ROWS));
            addBlock(params, ChunkedData.of(block, d));
        }
        return this;
    }

    private void addBlock(Components params, ChunkedData data) {
        Workspace ws = new Workspace(data, k);
        EStep.run(params, ws, true);
        for (int chunk = 0; chunk < data.chunks(); chunk++) {
            Workspace.Scratch w = ws.scratch[chunk];
            logLikelihoodSum += w.logLikelihoodSum;
            int start = data.start(chunk);
            int length = data.length(chunk);
            double[][] cols = data.columns(chunk);
            for (int c = 0; c < k; c++) {
                mass[c] += w.mass[c];
                for (int i = 0; i < d; i++) {
                    sums[c][i] += w.weightedSum[c][i];
                }
                if (matrices()) {
                    Kernels.addScatter(data.rows, start, length, w.resp[c], center[c], second[c], w);
                } else {
                    for (int i = 0; i < d; i++) {
                        second[c][0][i] += Kernels.weightedSquaredDeviation(w.resp[c], cols[i], center[c][i], length);
                    }
                }
            }
        }
        count += data.n;
    }

    /**
     * Adds the statistics of {@code other}, computed under the same mixture over other data.
     *
     * @return this
     */
    public SufficientStatistics merge(SufficientStatistics other) {
        if (other.type != type || other.k != k || other.d != d) {
            throw new IllegalArgumentException("cannot merge statistics of " + other.k + " " + other.type.label()
                    + " component(s) in " + other.d + " dimension(s) into " + k + " " + type.label() + " in " + d);
        }
        requireSameCenter(other.center);
        count += other.count;
        logLikelihoodSum += other.logLikelihoodSum;
        for (int c = 0; c < k; c++) {
            mass[c] += other.mass[c];
            for (int i = 0; i < d; i++) {
                sums[c][i] += other.sums[c][i];
            }
            double[][] mine = second[c];
            double[][] theirs = other.second[c];
            for (int r = 0; r < mine.length; r++) {
                int columns = matrices() ? r + 1 : d;
                for (int i = 0; i < columns; i++) {
                    mine[r][i] += theirs[r][i];
                }
            }
        }
        return this;
    }

    /** Whether the second moments are matrices (full, tied) rather than diagonals. */
    boolean matrices() {
        return type == CovarianceType.FULL || type == CovarianceType.TIED;
    }

    /** Samples counted. */
    public long count() {
        return count;
    }

    /** Mean log-likelihood of the samples under the mixture: scikit-learn's lower bound. */
    public double meanLogLikelihood() {
        if (count == 0) {
            throw new IllegalStateException("no samples: the mean log-likelihood is undefined");
        }
        return logLikelihoodSum / count;
    }

    /** Whether these statistics were computed under a mixture with these means. */
    boolean centeredOn(double[][] means) {
        return Arrays.deepEquals(center, means);
    }

    private void requireSameCenter(double[][] means) {
        if (!centeredOn(means)) {
            throw new IllegalArgumentException("statistics computed under another mixture");
        }
    }
}
