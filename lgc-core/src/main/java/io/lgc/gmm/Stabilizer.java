package io.lgc.gmm;

/**
 * Repairs covariances that are not numerically positive definite by adding a growing multiple of
 * the identity (a raised regulariser) instead of aborting the fit, and reports what it added.
 */
final class Stabilizer {
    /** Smallest addition, relative to the data's variance: well above rounding noise of a scatter. */
    private static final double RELATIVE_FLOOR = 1e-10;
    private static final int MAX_STEPS = 40;

    private final double firstJitter;
    private final FitWarnings warnings;

    /**
     * @param dataScale a positive scale of the data's variances
     * @param regCovar  the configured regulariser; the first repair adds at least this much again
     */
    Stabilizer(double dataScale, double regCovar, FitWarnings warnings) {
        this.firstJitter = Math.max(regCovar, RELATIVE_FLOOR * dataScale);
        this.warnings = warnings;
    }

    /**
     * Adds jitter to the diagonal of {@code a} (in place) until it has a Cholesky factor, which is
     * written to {@code l}. {@code component} is -1 for the tied covariance.
     */
    void repairMatrix(int component, double[][] a, double[][] l) {
        int d = a.length;
        double[] diagonal = new double[d];
        for (int i = 0; i < d; i++) {
            diagonal[i] = a[i][i];
        }
        double jitter = firstJitter;
        for (int step = 0; step < MAX_STEPS; step++, jitter *= 10) {
            for (int i = 0; i < d; i++) {
                a[i][i] = diagonal[i] + jitter;
            }
            if (Cholesky.decompose(a, l)) {
                warnings.raisedRegularizer(component, jitter);
                return;
            }
        }
        throw new IllegalStateException("covariance of component " + component
                + " could not be made positive definite: it is not finite");
    }

    /** A positive replacement for a variance that is not > 0. */
    double repairVariance(int component, double variance) {
        double jitter = firstJitter;
        for (int step = 0; step < MAX_STEPS; step++, jitter *= 10) {
            if (variance + jitter > 0) {
                warnings.raisedRegularizer(component, jitter);
                return variance + jitter;
            }
        }
        throw new IllegalStateException("variance of component " + component + " is not finite");
    }
}
