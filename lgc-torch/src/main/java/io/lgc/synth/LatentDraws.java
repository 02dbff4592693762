package io.lgc.synth;

import io.lgc.artifact.CompressedDataset;
import io.lgc.gmm.GaussianMixture;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Latents drawn one at a time, each of a class picked in the proportions of the source's class
 * counts (uniformly when the counts are all zero), from that class's mixture: what
 * {@link LgcDataset} trains on and what the privacy audit's encoder learns from.
 */
public final class LatentDraws {
    private final List<GaussianMixture> mixtures;
    private final int[] counts;
    private final long total;
    private final int dim;

    /** @param spread factor on every covariance before sampling, as {@code lgc reconstruct --spread} */
    public LatentDraws(CompressedDataset artifact, double spread) {
        this.mixtures = artifact.mixtures().stream()
                .map(m -> spread == 1.0 ? m : m.withCovarianceScale(spread)).toList();
        this.counts = artifact.metadata().classCounts();
        long sum = 0;
        for (int c : counts) {
            sum += c;
        }
        this.total = sum;
        this.dim = artifact.metadata().latentDim();
    }

    /** Fills {@code labels} and, row by row, {@code latents} (labels.length × the latent dimension). */
    public void draw(SplittableRandom random, int[] labels, float[] latents) {
        for (int i = 0; i < labels.length; i++) {
            int c = pickClass(random);
            double[] z = mixtures.get(c).sample(1, random).x()[0];
            for (int j = 0; j < dim; j++) {
                latents[i * dim + j] = (float) z[j];
            }
            labels[i] = c;
        }
    }

    private int pickClass(SplittableRandom random) {
        long u = total > 0 ? random.nextLong(total) : 0;
        for (int c = 0; c < counts.length; c++) {
            u -= counts[c];
            if (u < 0) {
                return c;
            }
        }
        return random.nextInt(counts.length);
    }
}
