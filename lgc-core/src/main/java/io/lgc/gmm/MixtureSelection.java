package io.lgc.gmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Chooses the number of components of a mixture by an information criterion. */
public final class MixtureSelection {
    private MixtureSelection() {
    }

    /**
     * Fits k = minK..maxK components (each with {@code base}'s other settings and seed) and keeps the
     * fit with the lowest BIC; on ties the smaller k. Sizes beyond the number of distinct points are
     * not tried (with a warning); if even minK is beyond it, the largest supported size is fitted.
     */
    public static Selection byBic(double[][] x, int minK, int maxK, GmmConfig base) {
        Objects.requireNonNull(base, "base");
        if (minK < 1 || maxK < minK) {
            throw new IllegalArgumentException("need 1 <= minK <= maxK, got minK=" + minK + ", maxK=" + maxK);
        }
        ChunkedData data = ChunkedData.of(x);
        List<String> warnings = new ArrayList<>();
        int supported = data.distinctRows(maxK);
        int hi = Math.min(maxK, supported);
        int lo = Math.min(minK, hi);
        if (hi < maxK) {
            warnings.add(String.format("sizes %d..%d not tried: the data has only %d distinct point(s)",
                    Math.max(hi + 1, minK), maxK, supported));
        }
        SortedMap<Integer, Double> curve = new TreeMap<>();
        FitResult best = null;
        int chosen = lo;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int k = lo; k <= hi; k++) {
            FitResult fit = new EmFitter(data, base.withComponents(k)).fit(null);
            double bic = fit.model().bic(data);
            curve.put(k, bic);
            for (String warning : fit.warnings()) {
                warnings.add("K=" + k + ": " + warning);
            }
            if (best == null || bic < bestBic) {
                best = fit;
                bestBic = bic;
                chosen = k;
            }
        }
        return new Selection(best, chosen, curve, warnings);
    }
}
