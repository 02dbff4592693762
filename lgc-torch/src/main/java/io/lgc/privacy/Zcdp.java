package io.lgc.privacy;

/**
 * The accountant of {@code --epsilon}: zero-concentrated differential privacy (zCDP, Bun and
 * Steinke 2016). A Gaussian mechanism with L2 sensitivity Δ and noise σ is ρ-zCDP with
 * ρ = Δ² / (2σ²); ρ adds up over mechanisms applied to the same records; mechanisms applied to
 * disjoint records (one per class) cost the largest of their ρ, not the sum; and ρ-zCDP implies
 * (ρ + 2·sqrt(ρ·ln(1/δ)), δ)-DP for every δ > 0.
 */
public final class Zcdp {
    private Zcdp() {
    }

    /** The largest ρ whose (ε, δ) conversion stays within {@code epsilon} at {@code delta}. */
    public static double rhoFor(double epsilon, double delta) {
        requireBudget(epsilon, delta);
        double l = Math.log(1 / delta);
        double root = Math.sqrt(l + epsilon) - Math.sqrt(l);
        return root * root;
    }

    /** ε of ρ-zCDP at {@code delta}. */
    public static double epsilonOf(double rho, double delta) {
        if (!(rho >= 0)) {
            throw new IllegalArgumentException("rho must be >= 0, got " + rho);
        }
        return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    }

    /** The noise standard deviation that makes a Gaussian mechanism of sensitivity Δ cost ρ. */
    public static double sigma(double sensitivity, double rho) {
        if (!(rho > 0)) {
            throw new IllegalArgumentException("rho must be > 0, got " + rho);
        }
        return sensitivity / Math.sqrt(2 * rho);
    }

    static void requireBudget(double epsilon, double delta) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a positive number, got " + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
    }
}
