package io.lgc.gmm;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An immutable Gaussian mixture: fitted with {@link #fit} or given with {@link #fromParameters}.
 * Semantics follow scikit-learn's {@code GaussianMixture}; covariances and precision Cholesky
 * factors use its array layouts, flattened row-major. Getters return copies.
 *
 * <p>Data passed in is n × d; NaN, infinite or absurdly large values, ragged rows or a wrong
 * number of features are rejected with {@link io.lgc.InputException}. Invalid parameters given by
 * the caller are an {@link IllegalArgumentException}. Instances are immutable and may be shared
 * between threads; fits and scoring run their per-sample work on the common fork-join pool.
 */
public final class GaussianMixture implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Components params;

    GaussianMixture(Components params) {
        this.params = params;
    }

    /** Fits a mixture with the configured initialisation. */
    public static FitResult fit(double[][] x, GmmConfig config) {
        return fit(x, config, null);
    }

    /**
     * Fits a mixture starting from {@code warmStart}'s weights, means and precisions (one run; like
     * scikit-learn's weights_init, means_init and precisions_init), or from the configured
     * initialisation when it is null. The warm start must match the config's covariance type and
     * number of components.
     */
    public static FitResult fit(double[][] x, GmmConfig config, GaussianMixture warmStart) {
        Objects.requireNonNull(config, "config");
        ChunkedData data = ChunkedData.of(x);
        return new EmFitter(data, config).fit(warmStart == null ? null : warmStart.params);
    }

    /**
     * A mixture with the given parameters. Weights must be non-negative and sum to 1 (within 1e-4;
     * they are renormalised); covariances are in {@link #covarianceShape} layout and must be
     * symmetric positive definite (full, tied) or positive (diag, spherical).
     */
    public static GaussianMixture fromParameters(CovarianceType type, double[] weights, double[][] means,
                                                 double[] covariancesFlat) {
        GivenParameters checked = GivenParameters.of(type, weights, means, covariancesFlat, "covariances");
        return new GaussianMixture(Components.fromCovariances(type, checked.weights(), checked.means(),
                checked.matrices(), null));
    }

    /**
     * A mixture given by precisions (inverse covariances) in {@link #covarianceShape} layout, as
     * scikit-learn's precisions_init; fitting from it reproduces scikit-learn's run with
     * weights_init, means_init and precisions_init.
     */
    public static GaussianMixture fromPrecisions(CovarianceType type, double[] weights, double[][] means,
                                                 double[] precisionsFlat) {
        GivenParameters checked = GivenParameters.of(type, weights, means, precisionsFlat, "precisions");
        return new GaussianMixture(Components.fromPrecisions(type, checked.weights(), checked.means(),
                checked.matrices()));
    }

    /** Shape of the covariances (and precision Cholesky) array in scikit-learn's layout. */
    public static int[] covarianceShape(CovarianceType type, int k, int d) {
        return Objects.requireNonNull(type, "type").shape(k, d);
    }

    public CovarianceType covarianceType() {
        return params.type;
    }

    public int components() {
        return params.k;
    }

    public int dimension() {
        return params.d;
    }

    public double[] weights() {
        return params.weights.clone();
    }

    public double[][] means() {
        double[][] copy = new double[params.k][];
        for (int c = 0; c < params.k; c++) {
            copy[c] = params.means[c].clone();
        }
        return copy;
    }

    /** Full k×d×d, tied d×d, diag k×d, spherical k; flattened row-major. */
    public double[] covariancesFlat() {
        return params.covariances.clone();
    }

    /**
     * scikit-learn's precisions_cholesky_ in the same layouts: for full and tied the upper-triangular
     * P with precision = P·Pᵀ (P = L⁻ᵀ for covariance = L·Lᵀ); for diag and spherical 1/√variance.
     */
    public double[] precisionsCholeskyFlat() {
        int k = params.k;
        int d = params.d;
        double[] flat = new double[params.covariances.length];
        switch (params.type) {
            case FULL, TIED -> {
                for (int c = 0; c < params.whitening.length; c++) {
                    double[][] t = params.whitening[c];
                    for (int i = 0; i < d; i++) {
                        for (int j = i; j < d; j++) {
                            flat[c * d * d + i * d + j] = t[j][i];
                        }
                    }
                }
            }
            case DIAG, SPHERICAL -> {
                int per = flat.length / k;
                for (int c = 0; c < k; c++) {
                    System.arraycopy(params.precisionSqrt[c], 0, flat, c * per, per);
                }
            }
        }
        return flat;
    }

    /** The same mixture with every covariance multiplied by {@code factor} (e.g. to sample wider). */
    public GaussianMixture withCovarianceScale(double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("covariance scale must be a finite number > 0, got " + factor);
        }
        return new GaussianMixture(params.scaled(factor));
    }

    /** Mean log-likelihood per sample. */
    public double score(double[][] x) {
        return score(ChunkedData.of(x, params.d));
    }

    /** Log-likelihood of each sample. */
    public double[] scoreSamples(double[][] x) {
        Workspace ws = evaluate(ChunkedData.of(x, params.d));
        double[] out = new double[ws.data.n];
        for (int chunk = 0; chunk < ws.data.chunks(); chunk++) {
            System.arraycopy(ws.scratch[chunk].logLikelihood, 0, out, ws.data.start(chunk), ws.data.length(chunk));
        }
        return out;
    }

    /** Most probable component of each sample (the first one on ties). */
    public int[] predict(double[][] x) {
        Workspace ws = evaluate(ChunkedData.of(x, params.d));
        int[] out = new int[ws.data.n];
        for (int chunk = 0; chunk < ws.data.chunks(); chunk++) {
            System.arraycopy(ws.scratch[chunk].best, 0, out, ws.data.start(chunk), ws.data.length(chunk));
        }
        return out;
    }

    /** Posterior probability of each component for each sample (n × k). */
    public double[][] predictProba(double[][] x) {
        Workspace ws = evaluate(ChunkedData.of(x, params.d));
        double[][] out = new double[ws.data.n][params.k];
        for (int chunk = 0; chunk < ws.data.chunks(); chunk++) {
            int start = ws.data.start(chunk);
            double[][] resp = ws.scratch[chunk].resp;
            for (int s = 0; s < ws.data.length(chunk); s++) {
                for (int c = 0; c < params.k; c++) {
                    out[start + s][c] = resp[c][s];
                }
            }
        }
        return out;
    }

    /** Free parameters: means k·d, weights k−1, covariances by type (scikit-learn's count). */
    public int freeParameters() {
        long count = params.type.covarianceParameters(params.k, params.d)
                + (long) params.k * params.d + params.k - 1;
        return Math.toIntExact(count);
    }

    /** Bayesian information criterion: −2·n·score + p·ln n (lower is better). */
    public double bic(double[][] x) {
        return bic(ChunkedData.of(x, params.d));
    }

    /** Akaike information criterion: −2·n·score + 2p (lower is better). */
    public double aic(double[][] x) {
        ChunkedData data = ChunkedData.of(x, params.d);
        return -2 * score(data) * data.n + 2.0 * freeParameters();
    }

    /**
     * Draws n points: component counts from a multinomial over the weights, then mean + L·z with
     * covariance = L·Lᵀ and z standard normal. Points are grouped by component, in component order.
     */
    public Sample sample(int n, RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot draw " + n + " samples");
        }
        return Sampler.draw(params, n, Objects.requireNonNull(rng, "rng"));
    }

    double score(ChunkedData data) {
        return EStep.run(params, new Workspace(data, params.k), false);
    }

    double bic(ChunkedData data) {
        return -2 * score(data) * data.n + freeParameters() * Math.log(data.n);
    }

    Components parameters() {
        return params;
    }

    private Workspace evaluate(ChunkedData data) {
        Workspace ws = new Workspace(data, params.k);
        EStep.run(params, ws, false);
        return ws;
    }
}
