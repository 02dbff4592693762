package io.lgc.gmm;

/**
 * Mixture parameters together with the factors the E-step needs, computed once at construction.
 * Treated as immutable: the arrays are owned by this object and copied before they leave the
 * package.
 *
 * <p>For full and tied covariances the factor is the lower-triangular whitening matrix T with
 * precision = Tᵀ·T, i.e. T = L⁻¹ for covariance = L·Lᵀ. scikit-learn's precisions_cholesky_ is Tᵀ;
 * keeping T lower triangular lets the E-step compute ‖T·(x−μ)‖² row by row.
 */
final class Components implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    final CovarianceType type;
    final int k;
    final int d;
    final double[] weights;
    final double[][] means;
    /** Covariances in scikit-learn's layout, flattened row-major (see {@link CovarianceType#shape}). */
    final double[] covariances;
    /** FULL: k matrices, TIED: one; lower-triangular T with Tᵀ·T = precision. Null otherwise. */
    final double[][][] whitening;
    /** DIAG: k × d, SPHERICAL: k × 1 values 1/√variance. Null otherwise. */
    final double[][] precisionSqrt;
    /** TIED: T·μₖ, so that the E-step whitens each sample once for all components. */
    final double[][] whitenedMeans;
    /** log wₖ − d/2·log 2π + log det T: the part of each log-density that does not depend on x. */
    final double[] logNormalizer;

    private Components(CovarianceType type, double[] weights, double[][] means, double[] covariances,
                       double[][][] whitening, double[][] precisionSqrt) {
        this.type = type;
        this.k = weights.length;
        this.d = means[0].length;
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        this.whitening = whitening;
        this.precisionSqrt = precisionSqrt;
        this.whitenedMeans = type == CovarianceType.TIED ? whiten(whitening[0], means) : null;
        this.logNormalizer = new double[k];
        for (int c = 0; c < k; c++) {
            logNormalizer[c] = Math.log(weights[c]) - 0.5 * d * LOG_2PI + logDetWhitening(c);
        }
    }

    /**
     * Factorises the given covariances. Takes ownership of the arrays. With a stabilizer, a
     * covariance that is not positive definite gets a raised regulariser (written back into
     * {@code covariances}); without one it is an IllegalArgumentException.
     */
    static Components fromCovariances(CovarianceType type, double[] weights, double[][] means,
                                      double[] covariances, Stabilizer stabilizer) {
        int k = weights.length;
        int d = means[0].length;
        return switch (type) {
            case FULL -> {
                double[][][] whitening = new double[k][][];
                for (int c = 0; c < k; c++) {
                    whitening[c] = whiteningOf(covariances, c * d * d, d, c, stabilizer);
                }
                yield new Components(type, weights, means, covariances, whitening, null);
            }
            case TIED -> new Components(type, weights, means, covariances,
                    new double[][][] {whiteningOf(covariances, 0, d, -1, stabilizer)}, null);
            case DIAG, SPHERICAL -> {
                int perComponent = type == CovarianceType.DIAG ? d : 1;
                double[][] precisionSqrt = new double[k][perComponent];
                for (int c = 0; c < k; c++) {
                    for (int i = 0; i < perComponent; i++) {
                        int at = c * perComponent + i;
                        if (!(covariances[at] > 0) || covariances[at] == Double.POSITIVE_INFINITY) {
                            if (stabilizer == null) {
                                throw new IllegalArgumentException("variance " + covariances[at]
                                        + " of component " + c + " is not a finite positive number");
                            }
                            covariances[at] = stabilizer.repairVariance(c, covariances[at]);
                        }
                        precisionSqrt[c][i] = 1.0 / Math.sqrt(covariances[at]);
                    }
                }
                yield new Components(type, weights, means, covariances, null, precisionSqrt);
            }
        };
    }

    /**
     * Builds components from precisions (inverse covariances) as scikit-learn's precisions_init:
     * full k×d×d, tied d×d, diag k×d, spherical k. Takes ownership of the arrays.
     */
    static Components fromPrecisions(CovarianceType type, double[] weights, double[][] means,
                                     double[] precisions) {
        int k = weights.length;
        int d = means[0].length;
        double[] covariances = new double[precisions.length];
        return switch (type) {
            case FULL, TIED -> {
                int matrices = type == CovarianceType.FULL ? k : 1;
                double[][][] whitening = new double[matrices][][];
                for (int c = 0; c < matrices; c++) {
                    double[][] precision = unpack(precisions, c * d * d, d);
                    double[][] t = Cholesky.reversedFactor(precision);
                    if (t == null) {
                        throw new IllegalArgumentException("precision matrix "
                                + (type == CovarianceType.FULL ? "of component " + c : "(tied)")
                                + " is not positive definite");
                    }
                    whitening[c] = t;
                    pack(Cholesky.covarianceOfWhitening(t), covariances, c * d * d);
                }
                yield new Components(type, weights, means, covariances, whitening, null);
            }
            case DIAG, SPHERICAL -> {
                int perComponent = type == CovarianceType.DIAG ? d : 1;
                double[][] precisionSqrt = new double[k][perComponent];
                for (int at = 0; at < precisions.length; at++) {
                    double p = precisions[at];
                    if (!(p > 0) || p == Double.POSITIVE_INFINITY) {
                        throw new IllegalArgumentException("precision " + p + " of component "
                                + at / perComponent + " is not a finite positive number");
                    }
                    precisionSqrt[at / perComponent][at % perComponent] = Math.sqrt(p);
                    covariances[at] = 1.0 / p;
                }
                yield new Components(type, weights, means, covariances, null, precisionSqrt);
            }
        };
    }

    /** The components listed in {@code keep}, weights renormalised. */
    Components select(int[] keep) {
        double[] newWeights = new double[keep.length];
        double[][] newMeans = new double[keep.length][];
        double total = 0;
        for (int at = 0; at < keep.length; at++) {
            total += weights[keep[at]];
        }
        for (int at = 0; at < keep.length; at++) {
            newWeights[at] = weights[keep[at]] / total;
            newMeans[at] = means[keep[at]].clone();
        }
        double[] newCovariances;
        double[][][] newWhitening = whitening;
        double[][] newPrecisionSqrt = precisionSqrt;
        if (type == CovarianceType.TIED) {
            newCovariances = covariances.clone();
        } else {
            int block = covariances.length / k;
            newCovariances = new double[keep.length * block];
            for (int at = 0; at < keep.length; at++) {
                System.arraycopy(covariances, keep[at] * block, newCovariances, at * block, block);
            }
            if (whitening != null) {
                newWhitening = new double[keep.length][][];
                for (int at = 0; at < keep.length; at++) {
                    newWhitening[at] = whitening[keep[at]];
                }
            } else {
                newPrecisionSqrt = new double[keep.length][];
                for (int at = 0; at < keep.length; at++) {
                    newPrecisionSqrt[at] = precisionSqrt[keep[at]];
                }
            }
        }
        return new Components(type, newWeights, newMeans, newCovariances, newWhitening, newPrecisionSqrt);
    }

    /** Covariances multiplied by {@code factor}; the whitening factors scale by 1/√factor. */
    Components scaled(double factor) {
        double[] newCovariances = covariances.clone();
        for (int i = 0; i < newCovariances.length; i++) {
            newCovariances[i] *= factor;
        }
        double inverseRoot = 1.0 / Math.sqrt(factor);
        double[][][] newWhitening = null;
        double[][] newPrecisionSqrt = null;
        if (whitening != null) {
            newWhitening = new double[whitening.length][][];
            for (int c = 0; c < whitening.length; c++) {
                newWhitening[c] = scaledCopy(whitening[c], inverseRoot);
            }
        } else {
            newPrecisionSqrt = scaledCopy(precisionSqrt, inverseRoot);
        }
        return new Components(type, weights.clone(), scaledCopy(means, 1.0), newCovariances,
                newWhitening, newPrecisionSqrt);
    }

    /** log det of component c's whitening factor, i.e. ½·log det(precision). */
    double logDetWhitening(int c) {
        double sum = 0;
        switch (type) {
            case FULL, TIED -> {
                double[][] t = whitening[type == CovarianceType.FULL ? c : 0];
                for (int i = 0; i < d; i++) {
                    sum += Math.log(t[i][i]);
                }
            }
            case DIAG -> {
                for (double p : precisionSqrt[c]) {
                    sum += Math.log(p);
                }
            }
            case SPHERICAL -> sum = d * Math.log(precisionSqrt[c][0]);
        }
        return sum;
    }

    /** A covariance matrix stored at {@code offset}, made exactly symmetric from its lower triangle. */
    static double[][] unpack(double[] flat, int offset, int d) {
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double v = flat[offset + i * d + j];
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return a;
    }

    static void pack(double[][] a, double[] flat, int offset) {
        int d = a.length;
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], 0, flat, offset + i * d, d);
        }
    }

    private static double[][] whiteningOf(double[] covariances, int offset, int d, int component,
                                          Stabilizer stabilizer) {
        double[][] a = unpack(covariances, offset, d);
        double[][] l = new double[d][d];
        if (!Cholesky.decompose(a, l)) {
            if (stabilizer == null) {
                throw new IllegalArgumentException((component < 0 ? "tied covariance"
                        : "covariance of component " + component) + " is not positive definite");
            }
            stabilizer.repairMatrix(component, a, l);
            pack(a, covariances, offset);
        }
        return Cholesky.invertLower(l);
    }

    private static double[][] whiten(double[][] t, double[][] means) {
        double[][] out = new double[means.length][t.length];
        for (int c = 0; c < means.length; c++) {
            for (int j = 0; j < t.length; j++) {
                double sum = 0;
                for (int i = 0; i <= j; i++) {
                    sum += t[j][i] * means[c][i];
                }
                out[c][j] = sum;
            }
        }
        return out;
    }

    private static double[][] scaledCopy(double[][] a, double factor) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= factor;
            }
        }
        return out;
    }
}
