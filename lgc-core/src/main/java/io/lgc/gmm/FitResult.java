package io.lgc.gmm;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of a fit: the model of the best run, its final lower bound (mean log-likelihood of the
 * data under the parameters before the last M-step, as scikit-learn's {@code lower_bound_}), the
 * iterations it ran, whether it converged, the lower bound after each iteration, and what was done
 * to keep the fit going (re-seeded or removed components, raised regularisers, fewer components).
 */
public record FitResult(GaussianMixture model, double lowerBound, int iterations, boolean converged,
                        List<Double> lowerBoundHistory, List<String> warnings) {
    public FitResult {
        Objects.requireNonNull(model, "model");
        lowerBoundHistory = List.copyOf(lowerBoundHistory);
        warnings = List.copyOf(warnings);
    }
}
