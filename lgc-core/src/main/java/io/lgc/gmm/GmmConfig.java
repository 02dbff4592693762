package io.lgc.gmm;

/**
 * Settings of one Gaussian-mixture fit. Names, meaning and defaults follow scikit-learn's
 * {@code GaussianMixture}: EM stops when the lower bound (mean log-likelihood) changes by less
 * than {@code tol}, {@code regCovar} is added to every covariance diagonal, and the best of
 * {@code nInit} runs is kept. All validation happens in the compact constructor.
 */
public record GmmConfig(int components, CovarianceType covarianceType, double tol, double regCovar,
                        int maxIter, int nInit, InitMethod init, long seed) {

    public GmmConfig {
        require(components >= 1, "components must be at least 1, got " + components);
        require(covarianceType != null, "covarianceType must not be null");
        require(tol >= 0 && Double.isFinite(tol), "tol must be a finite number >= 0, got " + tol);
        require(regCovar >= 0 && Double.isFinite(regCovar),
                "regCovar must be a finite number >= 0, got " + regCovar);
        require(maxIter >= 0, "maxIter must be at least 0, got " + maxIter);
        require(nInit >= 1, "nInit must be at least 1, got " + nInit);
        require(init != null, "init must not be null");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A builder preset with scikit-learn's defaults and one component. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this configuration. */
    public Builder toBuilder() {
        return new Builder().components(components).covarianceType(covarianceType).tol(tol)
                .regCovar(regCovar).maxIter(maxIter).nInit(nInit).init(init).seed(seed);
    }

    /** This configuration with another number of components. */
    public GmmConfig withComponents(int k) {
        return toBuilder().components(k).build();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int components = 1;
        private CovarianceType covarianceType = CovarianceType.FULL;
        private double tol = 1e-3;
        private double regCovar = 1e-6;
        private int maxIter = 100;
        private int nInit = 1;
        private InitMethod init = InitMethod.KMEANS;
        private long seed = 0;

        private Builder() {
        }

        public Builder components(int value) {
            components = value;
            return this;
        }

        public Builder covarianceType(CovarianceType value) {
            covarianceType = value;
            return this;
        }

        public Builder tol(double value) {
            tol = value;
            return this;
        }

        public Builder regCovar(double value) {
            regCovar = value;
            return this;
        }

        public Builder maxIter(int value) {
            maxIter = value;
            return this;
        }

        public Builder nInit(int value) {
            nInit = value;
            return this;
        }

        public Builder init(InitMethod value) {
            init = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public GmmConfig build() {
            return new GmmConfig(components, covarianceType, tol, regCovar, maxIter, nInit, init, seed);
        }
    }
}
