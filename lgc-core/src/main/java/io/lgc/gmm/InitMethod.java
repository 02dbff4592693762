package io.lgc.gmm;

import io.lgc.InputException;
import java.util.Locale;

/** How the first responsibilities of an EM run are chosen; meaning follows scikit-learn. */
public enum InitMethod {
    /** k-means++ seeding followed by Lloyd iterations; one-hot responsibilities of the labels. */
    KMEANS("kmeans"),
    /** The k-means++ seed points alone, each the only member of its component. */
    KMEANS_PLUS_PLUS("k-means++"),
    /** Uniform random responsibilities, normalised per sample. */
    RANDOM("random"),
    /** k distinct random samples, each the only member of its component. */
    RANDOM_FROM_DATA("random_from_data");

    private final String label;

    InitMethod(String label) {
        this.label = label;
    }

    /** The scikit-learn spelling, e.g. "k-means++". */
    public String label() {
        return label;
    }

    /**
     * Parses the scikit-learn spelling. Case, '-' and '_' are ignored so that "kmeans++" and
     * "random-from-data" are accepted too.
     */
    public static InitMethod parse(String text) {
        if (text != null) {
            String wanted = normalise(text);
            for (InitMethod method : values()) {
                if (normalise(method.label).equals(wanted)) {
                    return method;
                }
            }
        }
        throw new InputException("unknown initialisation '" + text
                + "': expected one of kmeans, k-means++, random, random_from_data");
    }

    private static String normalise(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
