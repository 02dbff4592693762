package io.lgc.gmm;

import io.lgc.InputException;
import java.util.Locale;

/** How each component's covariance is parametrised; names and meaning follow scikit-learn. */
public enum CovarianceType {
    /** Each component has its own general covariance matrix. */
    FULL("full"),
    /** Each component has its own diagonal covariance matrix. */
    DIAG("diag"),
    /** Each component has its own single variance. */
    SPHERICAL("spherical"),
    /** All components share one general covariance matrix. */
    TIED("tied");

    private final String label;

    CovarianceType(String label) {
        this.label = label;
    }

    /** The scikit-learn spelling: "full", "diag", "spherical" or "tied". */
    public String label() {
        return label;
    }

    /** Parses the scikit-learn spelling, ignoring case and surrounding blanks. */
    public static CovarianceType parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (CovarianceType type : values()) {
                if (type.label.equals(wanted)) {
                    return type;
                }
            }
        }
        throw new InputException("unknown covariance type '" + text
                + "': expected one of full, diag, spherical, tied");
    }

    /** Shape of the covariances array in scikit-learn's layout for k components in d dimensions. */
    int[] shape(int k, int d) {
        return switch (this) {
            case FULL -> new int[] {k, d, d};
            case TIED -> new int[] {d, d};
            case DIAG -> new int[] {k, d};
            case SPHERICAL -> new int[] {k};
        };
    }

    /** Number of values in the flattened covariances array. */
    int flatLength(int k, int d) {
        int length = 1;
        for (int extent : shape(k, d)) {
            length = Math.multiplyExact(length, extent);
        }
        return length;
    }

    /** Free parameters of the covariances alone (scikit-learn's count). */
    long covarianceParameters(int k, int d) {
        long symmetric = (long) d * (d + 1) / 2;
        return switch (this) {
            case FULL -> k * symmetric;
            case TIED -> symmetric;
            case DIAG -> (long) k * d;
            case SPHERICAL -> k;
        };
    }
}
