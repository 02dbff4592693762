package io.lgc.synth;

import io.lgc.gmm.GaussianMixture;
import java.util.List;
import java.util.SplittableRandom;

/** Latent vectors drawn for one decoding batch, row-major, with the class of each. */
record LatentBatch(float[] latents, int[] labels) {
    int size() {
        return labels.length;
    }

    /** Up to {@code slice} samples from each class that still has some to give; decrements {@code remaining}. */
    static LatentBatch draw(List<GaussianMixture> mixtures, List<SplittableRandom> randoms, int[] remaining,
            int slice, int dim) {
        int n = 0;
        for (int r : remaining) {
            n += Math.min(r, slice);
        }
        float[] latents = new float[n * dim];
        int[] labels = new int[n];
        int row = 0;
        for (int c = 0; c < mixtures.size(); c++) {
            int take = Math.min(remaining[c], slice);
            if (take == 0) {
                continue;
            }
            double[][] z = mixtures.get(c).sample(take, randoms.get(c)).x();
            for (double[] v : z) {
                for (int j = 0; j < dim; j++) {
                    latents[row * dim + j] = (float) v[j];
                }
                labels[row++] = c;
            }
            remaining[c] -= take;
        }
        return new LatentBatch(latents, labels);
    }
}
