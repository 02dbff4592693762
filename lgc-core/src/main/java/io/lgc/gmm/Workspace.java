package io.lgc.gmm;

/**
 * Per-chunk buffers of one fit (or one scoring pass) with k components: responsibilities,
 * per-sample log-likelihoods, kernel scratch and partial sums. Allocated once so that the EM loop
 * allocates nothing per sample; each chunk task touches only its own {@link Scratch}.
 */
final class Workspace {
    /** Samples per kernel block: keeps a block of centred data in the L1/L2 caches. */
    static final int BLOCK = 128;

    final ChunkedData data;
    final int k;
    final Scratch[] scratch;
    private double[] globalMean;
    private double[][] totalScatter;

    Workspace(ChunkedData data, int k) {
        this.data = data;
        this.k = k;
        this.scratch = new Scratch[data.chunks()];
        for (int c = 0; c < scratch.length; c++) {
            scratch[c] = new Scratch(k, data.d, data.length(c));
        }
    }

    /** Mean of all samples (summed per chunk, then in chunk order). */
    double[] globalMean() {
        if (globalMean == null) {
            int d = data.d;
            double[][] partial = new double[data.chunks()][d];
            data.forEachChunk(c -> {
                double[][] cols = data.columns(c);
                for (int i = 0; i < d; i++) {
                    partial[c][i] = Kernels.sum(cols[i], data.length(c));
                }
            });
            double[] mean = new double[d];
            for (double[] chunkSum : partial) {
                for (int i = 0; i < d; i++) {
                    mean[i] += chunkSum[i];
                }
            }
            for (int i = 0; i < d; i++) {
                mean[i] /= data.n;
            }
            globalMean = mean;
        }
        return globalMean;
    }

    /** Σ (x − x̄)(x − x̄)ᵀ over all samples, lower triangle; constant, so computed once (tied M-step). */
    double[][] totalScatter() {
        if (totalScatter == null) {
            int d = data.d;
            double[] mean = globalMean();
            double[][][] partial = new double[data.chunks()][d][d];
            data.forEachChunk(c -> {
                Scratch w = scratch[c];
                java.util.Arrays.fill(w.ones, 1.0);
                Kernels.addScatter(data.rows, data.start(c), data.length(c), w.ones, mean, partial[c], w);
            });
            totalScatter = Kernels.sumLower(partial, d);
        }
        return totalScatter;
    }

    /** Everything one chunk task reads and writes besides the shared, read-only data. */
    static final class Scratch {
        /** k × length: log-probabilities in the E-step, then responsibilities. */
        final double[][] resp;
        /** Per-sample log-likelihood (log-sum-exp over components). */
        final double[] logLikelihood;
        /** Per-sample most probable component. */
        final int[] best;
        double logLikelihoodSum;
        /** Σₛ rₖₛ per component. */
        final double[] mass;
        /** Σₛ rₖₛ·xₛ per component (k × d). */
        final double[][] weightedSum;
        /** Full: k × d × d lower-triangular scatter; created on first use. */
        double[][][] scatter;
        /** Diag/spherical: k × d weighted squared deviations; created on first use. */
        double[][] squaredDeviations;

        final double[][] block;
        final double[][] whitenedBlock;
        final double[] y;
        final double[] q;
        final int[] nonZero;
        final double[][] rowBuffers;
        final double[] ones;

        private Scratch(int k, int d, int length) {
            resp = new double[k][length];
            logLikelihood = new double[length];
            best = new int[length];
            mass = new double[k];
            weightedSum = new double[k][d];
            block = new double[d][BLOCK];
            whitenedBlock = new double[d][BLOCK];
            y = new double[BLOCK];
            q = new double[BLOCK];
            nonZero = new int[length];
            rowBuffers = new double[2 * Kernels.UNROLL][d];
            ones = new double[length];
        }

        double[][][] scatter(int k, int d) {
            if (scatter == null) {
                scatter = new double[k][d][d];
            }
            return scatter;
        }

        double[][] squaredDeviations(int k, int d) {
            if (squaredDeviations == null) {
                squaredDeviations = new double[k][d];
            }
            return squaredDeviations;
        }
    }
}
