package io.lgc.gmm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fit did to keep going, collected while it runs and summarised once per component so that
 * an issue repeated over many EM iterations becomes one line.
 */
final class FitWarnings {
    private final Set<String> notes = new LinkedHashSet<>();
    private final Map<Integer, double[]> raisedRegularizers = new LinkedHashMap<>();
    private final Map<Integer, Integer> reseeds = new LinkedHashMap<>();

    void note(String message) {
        notes.add(message);
    }

    /** A component's (or, for -1, the shared) covariance needed {@code added} more on its diagonal. */
    void raisedRegularizer(int component, double added) {
        double[] countAndMax = raisedRegularizers.computeIfAbsent(component, c -> new double[2]);
        countAndMax[0]++;
        countAndMax[1] = Math.max(countAndMax[1], added);
    }

    void reseeded(int component) {
        reseeds.merge(component, 1, Integer::sum);
    }

    List<String> messages() {
        List<String> all = new ArrayList<>(notes);
        raisedRegularizers.forEach((component, countAndMax) -> all.add(String.format(
                "%s was not positive definite (collapsed or singular data) in %d step(s); "
                        + "its regulariser was raised by up to %.3g",
                component < 0 ? "the tied covariance" : "covariance of component " + component,
                (int) countAndMax[0], countAndMax[1])));
        reseeds.forEach((component, times) -> all.add(String.format(
                "component %d became empty and was re-seeded at the sample farthest from the other "
                        + "components (%d time(s))", component, times)));
        return all;
    }
}
