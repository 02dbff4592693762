package io.lgc.pipeline;

import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.RoundingTuning;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files that a classifier trained on their draws tells apart: real images of class "top" are bright in their top
 * half, of "bottom" in their bottom half. A good file's decoder turns the latent's first coordinate (+3 for
 * "top", −3 for "bottom") into that brightness; a blind file's decoder ignores its latent, so every draw is the
 * same grey image and its classifier guesses.
 */
final class TwoHalvesFiles {
    static final int SIDE = 8;
    static final ImageShape SHAPE = new ImageShape(1, SIDE, SIDE);
    static final List<String> CLASSES = List.of("top", "bottom");

    private TwoHalvesFiles() {
    }

    /** A linear decoder: {@code sees} whether the latent's first coordinate brightens one half and darkens the other. */
    static CompressedDataset file(boolean sees) {
        int d = 2;
        NetworkSpec spec = new NetworkSpec(new long[] {d}, List.of(new Layer.Linear(d, SIDE * SIDE),
                new Layer.Reshape(new long[] {1, SIDE, SIDE})));
        float[] weight = new float[SIDE * SIDE * d]; // (out, in), row-major
        float[] bias = new float[SIDE * SIDE];
        for (int p = 0; p < SIDE * SIDE; p++) {
            bias[p] = 0.5f;
            weight[p * d] = sees ? (p < SIDE * SIDE / 2 ? 0.12f : -0.12f) : 0f;
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        weights.put("layers.0.weight", weight);
        weights.put("layers.0.bias", bias);
        ArtifactMetadata m = TinyArtifacts.metadata(spec, SHAPE, CLASSES, CovarianceType.DIAG);
        m = RoundingStage.recorded(m, Precision.INT4, RoundingTuning.steps(5));
        List<GaussianMixture> mixtures = List.of(
                GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {1}, new double[][] {{3, 0}},
                        new double[] {0.3, 0.3}),
                GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {1}, new double[][] {{-3, 0}},
                        new double[] {0.3, 0.3}));
        return new CompressedDataset(m, mixtures, weights);
    }

    /** 40 images, alternately "top" (bright top half) and "bottom", with a little seeded noise. */
    static Dataset realImages() {
        int n = 40;
        java.util.Random r = new java.util.Random(3);
        byte[] pixels = new byte[n * SIDE * SIDE];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            labels[k] = k % 2;
            for (int p = 0; p < SIDE * SIDE; p++) {
                boolean bright = (p < SIDE * SIDE / 2) == (labels[k] == 0);
                pixels[k * SIDE * SIDE + p] = (byte) ((bright ? 200 : 55) + r.nextInt(20));
            }
        }
        return new Dataset(pixels, labels, CLASSES, SHAPE);
    }
}
