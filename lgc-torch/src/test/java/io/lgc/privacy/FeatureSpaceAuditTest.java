package io.lgc.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.PixelScaling;
import io.lgc.data.Dataset;
import io.lgc.eval.SyntheticImages;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit of images measures in pixel space and in the features of a random ConvNet. */
class FeatureSpaceAuditTest {
    private static final int SIDE = 8;
    private static final int D = SIDE * SIDE;

    /** A file whose samples are its training images: one tight component per image, an identity decoder. */
    private static CompressedDataset copies(Dataset train) {
        int n = train.size();
        double[][] means = new double[n][D];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < D; j++) {
                means[i][j] = (train.pixels()[i * D + j] & 0xFF) / 255.0;
            }
        }
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0 / n);
        double[] variances = new double[n * D];
        Arrays.fill(variances, 1e-12);
        GaussianMixture copy = GaussianMixture.fromParameters(CovarianceType.DIAG, weights, means, variances);
        NetworkSpec identity = new NetworkSpec(new long[] {D}, List.of(new Layer.Linear(D, D),
                new Layer.Reshape(new long[] {1, SIDE, SIDE})));
        float[] w = new float[D * D];
        for (int j = 0; j < D; j++) {
            w[j * D + j] = 1;
        }
        ArtifactMetadata meta = new ArtifactMetadata(List.of("only"), new int[] {n}, train.shape(), PixelScaling.UINT8,
                D, CovarianceType.DIAG, identity, new JsonObject(), new JsonObject());
        return new CompressedDataset(meta, List.of(copy), Map.of(NetworkSpec.parameterName(0, "weight"), w,
                NetworkSpec.parameterName(0, "bias"), new float[D]));
    }

    private static Dataset oneClass(long seed) {
        Dataset bands = SyntheticImages.bands(100, 2, SIDE, seed);
        return new Dataset(bands.pixels(), new int[bands.size()], List.of("only"), bands.shape());
    }

    @Test
    void copiesOfTheTrainingImagesAreFlaggedInFeatureSpaceToo() {
        Dataset train = oneClass(1);
        AuditResult audit = PrivacyAudit.run(copies(train), train, oneClass(2), new AuditSettings(400, 400, 1, 5),
                Progress.silent());
        AuditResult.Space features = audit.features();
        assertThat(features).isNotNull();
        assertThat(features.name()).contains("randomly initialised ConvNet (seed 5, 64 values)");
        assertThat(features.exactCopies()).isGreaterThan(390);
        assertThat(features.shareCloserToTrain()).isGreaterThan(0.95);
        assertThat(features.distanceAttack().auc()).isGreaterThan(0.9);
        assertThat(audit.exactCopies()).as("pixel space").isGreaterThan(390);
    }

    @Test
    void theRandomConvNetIsDrawnFromTheSeed() {
        Dataset images = oneClass(3);
        float[] a;
        float[] again;
        float[] other;
        try (RandomFeatures net = RandomFeatures.of(images.shape(), 1)) {
            a = net.features(images).slice(0, 10);
        }
        try (RandomFeatures net = RandomFeatures.of(images.shape(), 1)) {
            again = net.features(images).slice(0, 10);
        }
        try (RandomFeatures net = RandomFeatures.of(images.shape(), 2)) {
            other = net.features(images).slice(0, 10);
        }
        assertThat(again).containsExactly(a);
        assertThat(other).isNotEqualTo(a);
        assertThat(a).hasSize(10 * 64).contains(0f); // ReLU zeroes some
    }
}
