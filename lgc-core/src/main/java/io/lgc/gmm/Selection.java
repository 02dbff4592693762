package io.lgc.gmm;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Outcome of choosing the number of components: the fit with the lowest BIC, its number of
 * components, the BIC of every size tried (components requested → BIC), and warnings of all fits,
 * each prefixed with the size it came from ("K=3: ...").
 */
public record Selection(FitResult best, int chosenComponents, SortedMap<Integer, Double> bicCurve,
                        List<String> warnings) {
    public Selection {
        Objects.requireNonNull(best, "best");
        bicCurve = Collections.unmodifiableSortedMap(new TreeMap<>(bicCurve));
        warnings = List.copyOf(warnings);
    }
}
