package io.lgc.gmm;

import io.lgc.InputException;

/** Checks of user data: rectangular, non-empty and finite, with messages naming the culprit. */
final class Inputs {
    /**
     * Values beyond this would overflow squared distances and scatter sums. Latent codes are far
     * smaller; rejecting them gives a clear message instead of a fit full of infinities.
     */
    static final double MAX_ABS_VALUE = 1e100;

    private Inputs() {
    }

    /** Validates {@code x} as an n × d matrix of finite values and returns d. */
    static int requireFiniteMatrix(double[][] x) {
        if (x == null) {
            throw new InputException("data is missing (null)");
        }
        if (x.length == 0) {
            throw new InputException("data has no samples: a Gaussian mixture needs at least one point");
        }
        if (x[0] == null || x[0].length == 0) {
            throw new InputException("data row 0 has no values: a Gaussian mixture needs at least one feature");
        }
        int d = x[0].length;
        for (int row = 0; row < x.length; row++) {
            double[] values = x[row];
            if (values == null || values.length != d) {
                throw new InputException("data row " + row + " has "
                        + (values == null ? "no" : String.valueOf(values.length))
                        + " values, expected " + d + " like row 0");
            }
            for (int col = 0; col < d; col++) {
                double v = values[col];
                if (!Double.isFinite(v)) {
                    throw new InputException("data contains " + v + " at row " + row + ", column " + col
                            + ": a Gaussian mixture needs finite values");
                }
                if (Math.abs(v) > MAX_ABS_VALUE) {
                    throw new InputException("data value " + v + " at row " + row + ", column " + col
                            + " is too large (beyond " + MAX_ABS_VALUE + "): rescale the data");
                }
            }
        }
        return d;
    }

    /** Validates {@code x} and requires it to have the mixture's dimension. */
    static void requireFiniteMatrix(double[][] x, int expectedDimension) {
        int d = requireFiniteMatrix(x);
        if (d != expectedDimension) {
            throw new InputException("data has " + d + " features but the mixture has " + expectedDimension);
        }
    }
}
