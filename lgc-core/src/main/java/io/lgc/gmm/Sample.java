package io.lgc.gmm;

/**
 * Points drawn from a mixture, grouped by component in component order (as scikit-learn does),
 * with the component each point was drawn from.
 */
public record Sample(double[][] x, int[] component) {
}
