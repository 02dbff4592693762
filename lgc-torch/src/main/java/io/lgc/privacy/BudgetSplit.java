package io.lgc.privacy;

import java.util.Locale;

/**
 * How the latent side's budget is shared between the per-class statistics: class counts, sums of
 * latents, and sums of their outer products (second moments). Given as positive weights, used as
 * shares that sum to 1. With one Gaussian per class each statistic takes its share once; private EM
 * keeps the counts' share, and inside its starting Gaussian and each iteration it splits between
 * sums and second moments in the same ratio (after the component weights' tenth of an iteration).
 *
 * @param counts weight of the noisy class counts
 * @param sums weight of the noisy sums of latents
 * @param moments weight of the noisy sums of outer products
 */
public record BudgetSplit(double counts, double sums, double moments) {
    /** 1/16 counts, then sums and second moments 1 : 2. */
    public static final BudgetSplit DEFAULT = new BudgetSplit(0.0625, 0.3125, 0.625);

    public BudgetSplit {
        for (double w : new double[] {counts, sums, moments}) {
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("budget weights must be positive numbers, got " + counts + ", "
                        + sums + ", " + moments);
            }
        }
        double total = counts + sums + moments;
        counts /= total;
        sums /= total;
        moments /= total;
    }

    /** "COUNTS,SUMS,MOMENTS", three positive numbers; anything else is an IllegalArgumentException. */
    public static BudgetSplit parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("must be three positive weights COUNTS,SUMS,MOMENTS, got '" + text + "'");
        }
        try {
            return new BudgetSplit(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                    Double.parseDouble(parts[2].trim()));
        } catch (IllegalArgumentException e) { // a number that is not one, or not positive
            throw new IllegalArgumentException("must be three positive weights COUNTS,SUMS,MOMENTS, got '" + text
                    + "'", e);
        }
    }

    /** The part of what the counts leave that the sums take. */
    double sumsOfRest() {
        return sums / (sums + moments);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4g,%.4g,%.4g", counts, sums, moments);
    }
}
