package io.lgc.data;

import java.util.Arrays;

/**
 * Per-feature standardisation of a table: {@code standardised = (value − mean) / std}, and back,
 * {@code value = mean + std · standardised}.
 *
 * <p>Networks train on standardised features so that every column weighs alike in the loss and
 * the optimiser's step size suits all of them, whatever their units. The artifact stores the
 * scaling so that a reconstruction comes back in the original units.
 *
 * @param mean per feature, finite
 * @param std per feature, finite and positive: the population standard deviation, or 1 for a
 *     constant column (which then standardises to 0 and comes back as its constant)
 */
public record FeatureScaling(double[] mean, double[] std) {
    public FeatureScaling {
        mean = mean.clone();
        std = std.clone();
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("need one mean and one std per feature, got " + mean.length
                    + " and " + std.length);
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j]) || !Double.isFinite(std[j]) || !(std[j] > 0)) {
                throw new IllegalArgumentException("feature " + j + ": mean " + mean[j] + " and std " + std[j]
                        + " must be finite, std positive");
            }
        }
    }

    /** Mean and population standard deviation (numpy's default) of every feature of {@code table}. */
    public static FeatureScaling fit(Table table) {
        int f = table.columns().size();
        int n = table.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot standardise a table without rows");
        }
        float[] v = table.values();
        double[] mean = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                mean[j] += v[i * f + j];
            }
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= n;
        }
        // Two passes: summing squares of deviations loses nothing to cancellation.
        double[] std = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                double d = v[i * f + j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < f; j++) {
            std[j] = Math.sqrt(std[j] / n);
            if (!(std[j] > 0)) {
                std[j] = 1; // a constant column: nothing to scale, and no division by zero
            }
        }
        return new FeatureScaling(mean, std);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    public int features() {
        return mean.length;
    }

    /** The table with standardised features. */
    public Table standardise(Table table) {
        requireFeatures(table.columns().size());
        float[] v = table.values();
        float[] out = new float[v.length];
        int f = mean.length;
        for (int i = 0; i < v.length; i++) {
            int j = i % f;
            out[i] = (float) ((v[i] - mean[j]) / std[j]);
        }
        return table.withValues(out);
    }

    /**
     * Standardised values (rows of {@link #features()}) back in original units, computed in float64
     * and rounded to float32. Values beyond float32's range are clamped to its largest finite
     * value, so that every output is a number a reader accepts.
     */
    public float[] restore(float[] standardised) {
        int f = mean.length;
        if (standardised.length % f != 0) {
            throw new IllegalArgumentException(standardised.length + " values are not rows of " + f + " features");
        }
        float[] out = new float[standardised.length];
        for (int i = 0; i < out.length; i++) {
            int j = i % f;
            double value = mean[j] + std[j] * standardised[i];
            out[i] = (float) Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, value));
        }
        return out;
    }

    private void requireFeatures(int count) {
        if (count != mean.length) {
            throw new IllegalArgumentException("scaling of " + mean.length + " features applied to " + count);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureScaling s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "FeatureScaling[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
