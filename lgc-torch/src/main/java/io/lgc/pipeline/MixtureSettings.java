package io.lgc.pipeline;

import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.gmm.CovarianceType;

/**
 * How the per-class mixtures are fitted: a fixed number of components, or the number chosen by
 * BIC in {@code [minComponents, maxComponents]} when the two differ.
 */
public record MixtureSettings(int minComponents, int maxComponents, CovarianceType covarianceType, int nInit) {
    public static final int DEFAULT_COMPONENTS = 5;
    public static final int DEFAULT_N_INIT = 2;
    public static final int AUTO_MIN = 1;
    public static final int AUTO_MAX = 20;

    public MixtureSettings {
        if (minComponents <= 0 || maxComponents < minComponents) {
            throw new ParameterException(Parameter.COMPONENT_RANGE, " range must satisfy 1 <= MIN <= MAX, got "
                    + minComponents + "-" + maxComponents);
        }
        if (nInit <= 0) {
            throw new ParameterException(Parameter.N_INIT, " must be positive, got " + nInit);
        }
    }

    public static MixtureSettings fixed(int k, CovarianceType type, int nInit) {
        return new MixtureSettings(k, k, type, nInit);
    }

    public boolean automatic() {
        return minComponents != maxComponents;
    }

    /** Parses "K", "auto" or "auto:MIN-MAX". */
    public static MixtureSettings parse(String components, CovarianceType type, int nInit) {
        String s = components.trim();
        try {
            if (s.equals("auto")) {
                return new MixtureSettings(AUTO_MIN, AUTO_MAX, type, nInit);
            }
            if (s.startsWith("auto:")) {
                String[] range = s.substring(5).split("-", 2);
                int min = Integer.parseInt(range[0]);
                int max = Integer.parseInt(range[1]);
                if (min < 1 || max < min) {
                    throw new ParameterException(Parameter.COMPONENTS, " " + components + " needs 1 <= MIN <= MAX");
                }
                return new MixtureSettings(min, max, type, nInit);
            }
            int k = Integer.parseInt(s);
            if (k < 1) {
                throw new ParameterException(Parameter.COMPONENTS, " must be at least 1, got " + k);
            }
            return fixed(k, type, nInit);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new ParameterException(Parameter.COMPONENTS, " must be a number, 'auto' or 'auto:MIN-MAX', got '"
                    + components + "'");
        }
    }

    @Override
    public String toString() {
        return automatic() ? "auto:" + minComponents + "-" + maxComponents : Integer.toString(minComponents);
    }
}
