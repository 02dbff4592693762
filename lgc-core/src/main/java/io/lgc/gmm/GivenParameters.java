package io.lgc.gmm;

/**
 * Validated copies of parameters given by a caller (fromParameters, fromPrecisions): consistent
 * shapes, finite values, weights that sum to 1 (renormalised), symmetric matrices (mirrored).
 * Violations are IllegalArgumentExceptions naming the offending value.
 */
record GivenParameters(double[] weights, double[][] means, double[] matrices) {
    static GivenParameters of(CovarianceType type, double[] weights, double[][] means, double[] flat, String what) {
        require(type != null, "covariance type must not be null");
        require(weights != null && weights.length > 0, "weights must hold at least one value");
        int k = weights.length;
        require(means != null && means.length == k, "means must have one row per weight (" + k + ")");
        require(means[0] != null && means[0].length > 0, "means must have at least one column");
        int d = means[0].length;
        double[][] meanCopy = new double[k][];
        for (int c = 0; c < k; c++) {
            require(means[c] != null && means[c].length == d, "means row " + c + " must have " + d + " values");
            meanCopy[c] = finiteCopy(means[c], "means row " + c);
        }
        double[] weightCopy = finiteCopy(weights, "weights");
        double sum = 0;
        for (double w : weightCopy) {
            require(w >= 0, "weights must not be negative, got " + w);
            sum += w;
        }
        require(Math.abs(sum - 1) <= 1e-4, "weights must sum to 1, got " + sum);
        for (int c = 0; c < k; c++) {
            weightCopy[c] /= sum;
        }
        int length = type.flatLength(k, d);
        require(flat != null && flat.length == length, what + " must hold " + length + " values for "
                + type.label() + " with " + k + " components in " + d + " dimensions");
        double[] matrices = finiteCopy(flat, what);
        if (type == CovarianceType.FULL || type == CovarianceType.TIED) {
            requireSymmetric(matrices, d, what);
        }
        return new GivenParameters(weightCopy, meanCopy, matrices);
    }

    private static double[] finiteCopy(double[] values, String what) {
        for (double v : values) {
            require(Double.isFinite(v), what + " must be finite, got " + v);
        }
        return values.clone();
    }

    /** Symmetric up to float-like rounding (relative 1e-6 of the diagonal scale); then mirrored. */
    private static void requireSymmetric(double[] flat, int d, String what) {
        for (int offset = 0; offset < flat.length; offset += d * d) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    double a = flat[offset + i * d + j];
                    double b = flat[offset + j * d + i];
                    double scale = Math.sqrt(Math.abs(flat[offset + i * d + i] * flat[offset + j * d + j]));
                    require(Math.abs(a - b) <= 1e-6 * scale, what + " matrix " + offset / (d * d)
                            + " is not symmetric at (" + i + ", " + j + ")");
                    double mean = 0.5 * (a + b);
                    flat[offset + i * d + j] = mean;
                    flat[offset + j * d + i] = mean;
                }
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
