package io.lgc.gmm;

/**
 * The expectation step, computed in the log domain: per sample and component the weighted
 * log-density log wₖ + log N(x | μₖ, Σₖ), then log-sum-exp over components (the sample's
 * log-likelihood) and responsibilities exp(log-probability − log-likelihood).
 */
final class EStep {
    private EStep() {
    }

    /**
     * Fills every chunk's responsibilities, log-likelihoods and most probable components, and with
     * {@code accumulate} also the sufficient statistics the M-step needs.
     *
     * @return the mean log-likelihood of the data (scikit-learn's lower bound)
     */
    static double run(Components model, Workspace ws, boolean accumulate) {
        ChunkedData data = ws.data;
        data.forEachChunk(c -> {
            Workspace.Scratch w = ws.scratch[c];
            int length = data.length(c);
            double[][] cols = data.columns(c);
            logProbabilities(model, cols, length, w);
            w.logLikelihoodSum = normalize(w.resp, length, w.logLikelihood, w.best);
            if (accumulate) {
                accumulate(w.resp, cols, length, w);
            }
        });
        double total = 0;
        for (Workspace.Scratch w : ws.scratch) {
            total += w.logLikelihoodSum;
        }
        return total / data.n;
    }

    /** Σₛ rₖₛ and Σₛ rₖₛ·xₛ of one chunk, from the responsibilities in {@code resp}. */
    static void accumulate(double[][] resp, double[][] cols, int length, Workspace.Scratch w) {
        for (int c = 0; c < resp.length; c++) {
            double[] r = resp[c];
            w.mass[c] = Kernels.sum(r, length);
            double[] sums = w.weightedSum[c];
            for (int i = 0; i < cols.length; i++) {
                sums[i] = Kernels.dot(r, cols[i], length);
            }
        }
    }

    private static void logProbabilities(Components m, double[][] cols, int length, Workspace.Scratch w) {
        for (int start = 0; start < length; start += Workspace.BLOCK) {
            int count = Math.min(Workspace.BLOCK, length - start);
            switch (m.type) {
                case FULL -> fullBlock(m, cols, start, count, w);
                case TIED -> tiedBlock(m, cols, start, count, w);
                case DIAG, SPHERICAL -> diagonalBlock(m, cols, start, count, w);
            }
        }
    }

    /** Centres the block on each mean, then whitens it with that component's factor. */
    private static void fullBlock(Components m, double[][] cols, int start, int count, Workspace.Scratch w) {
        double[][] centered = w.block;
        for (int c = 0; c < m.k; c++) {
            double[] mu = m.means[c];
            for (int i = 0; i < m.d; i++) {
                double[] from = cols[i];
                double[] to = centered[i];
                double mean = mu[i];
                for (int s = 0; s < count; s++) {
                    to[s] = from[start + s] - mean;
                }
            }
            Kernels.whitenedSquaredNorms(m.whitening[c], centered, count, w.y, w.q);
            store(m.logNormalizer[c], w.q, w.resp[c], start, count);
        }
    }

    /** One shared factor: whiten the block once, then compare with each whitened mean. */
    private static void tiedBlock(Components m, double[][] cols, int start, int count, Workspace.Scratch w) {
        double[][] raw = w.block;
        for (int i = 0; i < m.d; i++) {
            System.arraycopy(cols[i], start, raw[i], 0, count);
        }
        double[][] t = m.whitening[0];
        double[][] whitened = w.whitenedBlock;
        for (int j = 0; j < m.d; j++) {
            Kernels.whitenRow(t[j], j, raw, count, whitened[j]);
        }
        double[] q = w.q;
        for (int c = 0; c < m.k; c++) {
            double[] center = m.whitenedMeans[c];
            java.util.Arrays.fill(q, 0, count, 0.0);
            for (int j = 0; j < m.d; j++) {
                double[] z = whitened[j];
                double shift = center[j];
                for (int s = 0; s < count; s++) {
                    double v = z[s] - shift;
                    q[s] += v * v;
                }
            }
            store(m.logNormalizer[c], q, w.resp[c], start, count);
        }
    }

    private static void diagonalBlock(Components m, double[][] cols, int start, int count, Workspace.Scratch w) {
        double[] q = w.q;
        boolean spherical = m.type == CovarianceType.SPHERICAL;
        for (int c = 0; c < m.k; c++) {
            double[] mu = m.means[c];
            double[] precision = m.precisionSqrt[c];
            java.util.Arrays.fill(q, 0, count, 0.0);
            for (int i = 0; i < m.d; i++) {
                double[] x = cols[i];
                double mean = mu[i];
                double scale = precision[spherical ? 0 : i];
                for (int s = 0; s < count; s++) {
                    double v = (x[start + s] - mean) * scale;
                    q[s] += v * v;
                }
            }
            store(m.logNormalizer[c], q, w.resp[c], start, count);
        }
    }

    private static void store(double normalizer, double[] q, double[] out, int start, int count) {
        for (int s = 0; s < count; s++) {
            out[start + s] = normalizer - 0.5 * q[s];
        }
    }

    /**
     * Turns log-probabilities (k × length) into responsibilities in place; writes each sample's
     * log-likelihood and most probable component (first one on ties, as numpy's argmax).
     *
     * @return the sum of the log-likelihoods
     */
    static double normalize(double[][] lp, int length, double[] logLikelihood, int[] best) {
        int k = lp.length;
        double total = 0;
        for (int s = 0; s < length; s++) {
            double max = lp[0][s];
            int arg = 0;
            for (int c = 1; c < k; c++) {
                if (lp[c][s] > max) {
                    max = lp[c][s];
                    arg = c;
                }
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(lp[c][s] - max);
                lp[c][s] = e;
                sum += e;
            }
            double inverse = 1.0 / sum;
            for (int c = 0; c < k; c++) {
                lp[c][s] *= inverse;
            }
            double ll = max + Math.log(sum);
            logLikelihood[s] = ll;
            best[s] = arg;
            total += ll;
        }
        return total;
    }
}
