package io.lgc.report;

import io.lgc.gmm.GaussianMixture;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/** Where the report's latent points come from: the real latents when given, else the mixtures. */
final class LatentPoints {
    private LatentPoints() {
    }

    /** Up to {@code max} of one class's points: a seeded subset of the real latents, or draws from its mixture. */
    static double[][] ofClass(ReportInputs in, int label, int max, long seed) {
        if (in.hasRealLatents()) {
            return subset(in.realLatentsOf(label), max, seed);
        }
        GaussianMixture mixture = in.artifact().mixtures().get(label);
        return mixture.sample(max, new SplittableRandom(seed)).x();
    }

    /** {@code max} rows chosen without replacement (all of them when there are no more), in their order. */
    static double[][] subset(double[][] rows, int max, long seed) {
        if (rows.length <= max) {
            return rows;
        }
        int[] order = new int[rows.length];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(rows.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] chosen = Arrays.copyOf(order, max);
        Arrays.sort(chosen);
        double[][] out = new double[max][];
        for (int i = 0; i < max; i++) {
            out[i] = rows[chosen[i]];
        }
        return out;
    }
}
