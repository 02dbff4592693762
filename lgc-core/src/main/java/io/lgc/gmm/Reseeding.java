package io.lgc.gmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gives empty components of one EM run a second chance: each is moved to the sample farthest from
 * the other components, a limited number of times; what stays empty is reported back so the fit
 * can remove it.
 */
final class Reseeding {
    /** A component with less total responsibility than this explains no sample: it is empty. */
    static final double EMPTY_MASS = 1e-6;
    /** Re-seeds per component and run before an empty component is left to be removed. */
    private static final int MAX_RESEEDS = 2;
    /**
     * A re-seed point must lie farther than this (squared, relative to the data's variance) from
     * every other component; nearer points are already explained, so re-seeding there would only
     * duplicate a component.
     */
    private static final double MIN_RESEED_DISTANCE = 1e-8;

    private final ChunkedData data;
    private final CovarianceType type;
    private final double dataScale;
    private final int[] reseeds;
    private final FitWarnings warnings;

    Reseeding(ChunkedData data, CovarianceType type, double dataScale, int k, FitWarnings warnings) {
        this.data = data;
        this.type = type;
        this.dataScale = dataScale;
        this.reseeds = new int[k];
        this.warnings = warnings;
    }

    /**
     * Moves each empty component with re-seeds left to the sample farthest from all other
     * components' means (farthest-first, so several land apart), with the mass-weighted mean
     * covariance of the others and the mass of one sample.
     *
     * @return the empty components left as they are, ascending
     */
    int[] reseedEmpty(MStep.Moments m, double[] covariances) {
        int k = m.mass().length;
        boolean[] empty = new boolean[k];
        int emptyCount = 0;
        for (int c = 0; c < k; c++) {
            empty[c] = m.rawMass()[c] < EMPTY_MASS;
            emptyCount += empty[c] ? 1 : 0;
        }
        if (emptyCount == 0) {
            return new int[0];
        }
        double[] typical = typicalCovariance(m, covariances, empty);
        double[] nearest = new double[data.n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 0; c < k; c++) {
            if (!empty[c]) {
                lowerToDistance(nearest, m.means()[c]);
            }
        }
        List<Integer> left = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (!empty[c]) {
                continue;
            }
            int farthest = argMax(nearest);
            if (reseeds[c] >= MAX_RESEEDS || !(nearest[farthest] > MIN_RESEED_DISTANCE * dataScale)) {
                left.add(c);
                continue;
            }
            reseeds[c]++;
            warnings.reseeded(c);
            m.means()[c] = data.rows[farthest].clone();
            m.mass()[c] = 1.0;
            if (typical != null) {
                System.arraycopy(typical, 0, covariances, c * typical.length, typical.length);
            }
            lowerToDistance(nearest, m.means()[c]);
        }
        return left.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Mass-weighted mean of the non-empty components' covariance blocks; null when tied. */
    private double[] typicalCovariance(MStep.Moments m, double[] covariances, boolean[] empty) {
        if (type == CovarianceType.TIED) {
            return null;
        }
        int k = empty.length;
        int block = covariances.length / k;
        double[] typical = new double[block];
        double total = 0;
        for (int c = 0; c < k; c++) {
            if (!empty[c]) {
                double w = m.mass()[c];
                total += w;
                for (int i = 0; i < block; i++) {
                    typical[i] += w * covariances[c * block + i];
                }
            }
        }
        for (int i = 0; i < block; i++) {
            typical[i] /= total;
        }
        return typical;
    }

    private void lowerToDistance(double[] nearest, double[] mean) {
        for (int s = 0; s < data.n; s++) {
            double[] row = data.rows[s];
            double sum = 0;
            for (int i = 0; i < row.length; i++) {
                double v = row[i] - mean[i];
                sum += v * v;
            }
            nearest[s] = Math.min(nearest[s], sum);
        }
    }

    private int argMax(double[] values) {
        int best = 0;
        for (int s = 1; s < values.length; s++) {
            if (values[s] > values[best]) {
                best = s;
            }
        }
        return best;
    }
}
