package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.StoragePrecision;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.Decoder;
import io.lgc.model.Engines;
import io.lgc.network.FrequencyRings;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stage on a decoder whose every draw decodes to the same blurred 8 × 8 image B, against real images
 * that are all one sharper image S: B and S have the same wave on ring 1, S has 1.6 times B's wave on ring 3
 * and 5 times its wave on ring 2. So the gains are known: 1 on ring 1, 1.6 on ring 3, 2 (the cap) on ring 2.
 */
class SharpeningStageTest {
    private static final int SIDE = 8;
    private static final ImageShape SHAPE = new ImageShape(1, SIDE, SIDE);
    private static final List<String> CLASSES = List.of("a", "b");

    @Test
    void theGainBringsEachRingsPowerToTheRealImagesAtMostTwiceOver() {
        Engines.pytorch();
        float[] blurred = image(0.05, 0.02);
        Dataset real = realImages(image(0.08, 0.10));
        CompressedDataset file = fileDecodingTo(blurred);

        SharpeningStage.Sharpened s = SharpeningStage.apply(file, real, StoragePrecision.FP32, 1.0, 3);

        float[] realValues = new float[real.size() * SHAPE.size()];
        real.inputs(identity(real.size()), 0, real.size(), realValues);
        double[] realPower = FrequencyRings.ringPower(realValues, real.size(), 1, SIDE, SIDE);
        double[] blurredPower = FrequencyRings.ringPower(blurred, 1, 1, SIDE, SIDE);
        double[] gains = s.gains();
        assertThat(gains).hasSize(FrequencyRings.count(SIDE, SIDE));
        assertThat(gains[0]).isEqualTo(1.0);
        assertThat(gains[1]).isCloseTo(Math.sqrt(realPower[1] / real.size() / blurredPower[1]), within(1e-9));
        assertThat(gains[1]).isCloseTo(1.0, within(0.01));
        // near 1.6: uint8 rounding adds a little power on the ring's other frequencies
        assertThat(gains[3]).isCloseTo(1.6, within(0.03)).isCloseTo(Math.sqrt(realPower[3] / real.size()
                / blurredPower[3]), within(1e-9));
        assertThat(gains[2]).isEqualTo(SharpeningStage.MAX_GAIN);
        for (double g : gains) {
            assertThat(g).isBetween(0.0, SharpeningStage.MAX_GAIN);
        }

        NetworkSpec spec = s.dataset().metadata().decoder();
        assertThat(spec.layers()).hasSize(3).last().isEqualTo(new Layer.FrequencyGain(gains.length));
        assertThat(s.dataset().decoderWeights()).containsKey("layers.2.gain");
        assertThat(s.dataset().metadata().provenance().getAsJsonObject("sharpening").get("max_gain").getAsDouble())
                .isEqualTo(SharpeningStage.MAX_GAIN);
        float[] sharpened;
        try (Decoder d = Decoder.load(spec, s.dataset().decoderWeights())) {
            sharpened = d.decode(new float[TinyArtifacts.LATENT], 1);
        }
        double[] after = FrequencyRings.ringPower(sharpened, 1, 1, SIDE, SIDE);
        assertThat(after[0]).isCloseTo(blurredPower[0], within(1e-3 * blurredPower[0])); // no brighter, no darker
        assertThat(after[3]).isCloseTo(realPower[3] / real.size(), within(1e-3 * after[3]));
        assertThat(after[2]).isCloseTo(4 * blurredPower[2], within(1e-3 * after[2]));
    }

    @Test
    void aSecondSharpeningReplacesTheFirstGain() {
        Engines.pytorch();
        Dataset real = realImages(image(0.08, 0.10));
        SharpeningStage.Sharpened once = SharpeningStage.apply(fileDecodingTo(image(0.05, 0.02)), real,
                StoragePrecision.FP32, 1.0, 3);
        SharpeningStage.Sharpened twice = SharpeningStage.apply(once.dataset(), real, StoragePrecision.FP32, 1.0, 3);
        assertThat(twice.dataset().metadata().decoder()).isEqualTo(once.dataset().metadata().decoder());
        assertThat(twice.gains()).containsExactly(once.gains());
    }

    @Test
    void largeImagesAreComparedOverFewerOfThemAndRealImagesOfAnotherShapeAreRefused() {
        assertThat(SharpeningStage.images(new ImageShape(1, 28, 28))).isEqualTo(SharpeningStage.IMAGES);
        assertThat(SharpeningStage.images(new ImageShape(3, 256, 256))).isEqualTo(85); // 2^24 values / 196,608
        assertThat(SharpeningStage.images(new ImageShape(3, 512, 512))).isEqualTo(21);
        assertThat(SharpeningStage.images(new ImageShape(8, 512, 512))).isEqualTo(SharpeningStage.FEWEST_IMAGES); // not 8
        Dataset other = new Dataset(new byte[10 * 16], new int[10], CLASSES, new ImageShape(1, 4, 4));
        assertThatThrownBy(() -> SharpeningStage.apply(fileDecodingTo(image(0.05, 0.02)), other,
                StoragePrecision.FP32, 1.0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the real images are");
    }

    @Test
    void aTableIsRefused() {
        CompressedDataset table = TinyArtifacts.table(CovarianceType.FULL, 1);
        assertThatThrownBy(() -> SharpeningStage.apply(table, realImages(image(0.1, 0.1)), StoragePrecision.FP32, 1.0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
    }

    /** 0.5 plus a wave on ring 1 (amplitude 0.2), one on ring 3 and one on ring 2, each a wave along one axis. */
    private static float[] image(double ring3, double ring2) {
        float[] x = new float[SIDE * SIDE];
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                x[i * SIDE + j] = (float) (0.5 + 0.2 * Math.cos(2 * Math.PI * i / SIDE)
                        + ring3 * Math.cos(2 * Math.PI * 3 * j / SIDE) + ring2 * Math.cos(2 * Math.PI * 2 * i / SIDE));
            }
        }
        return x;
    }

    /** Ten copies of the image, as uint8 pixels, five a class. */
    private static Dataset realImages(float[] image) {
        int n = 10;
        byte[] pixels = new byte[n * image.length];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < image.length; i++) {
                pixels[k * image.length + i] = (byte) Math.round(image[i] * 255);
            }
            labels[k] = k % 2;
        }
        return new Dataset(pixels, labels, CLASSES, SHAPE);
    }

    /** A file whose decoder ignores its latent: a zero weight and {@code image} as the bias. */
    private static CompressedDataset fileDecodingTo(float[] image) {
        int d = TinyArtifacts.LATENT;
        NetworkSpec spec = new NetworkSpec(new long[] {d}, List.of(new Layer.Linear(d, SIDE * SIDE),
                new Layer.Reshape(new long[] {1, SIDE, SIDE})));
        Map<String, float[]> weights = new LinkedHashMap<>();
        weights.put("layers.0.weight", new float[SIDE * SIDE * d]);
        weights.put("layers.0.bias", image.clone());
        return new CompressedDataset(TinyArtifacts.metadata(spec, SHAPE, CLASSES, CovarianceType.FULL),
                TinyArtifacts.randomMixtures(CLASSES.size(), 1, d, CovarianceType.FULL, 5), weights);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
