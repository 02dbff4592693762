package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.DecoderArithmetic;
import io.lgc.data.ImageShape;
import io.lgc.network.Architectures;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fused decoder computes what the layerwise one computes, to float rounding, for every decoder
 * shape LGC writes; and, like the layerwise one, gives the same bits however a request is split.
 */
class FusedDecoderTest {
    static java.util.List<NetworkSpec> decoders() {
        return java.util.List.of(
                Architectures.convAutoencoder(new ImageShape(1, 28, 28), 16, 32).decoder(),
                Architectures.convAutoencoder(new ImageShape(1, 28, 28), 32, 32, 16).decoder(),
                Architectures.convAutoencoder(new ImageShape(3, 32, 32), 8, 16).decoder(),
                Architectures.convAutoencoder(new ImageShape(1, 12, 20), 4, 16).decoder());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void fusedDecodingComputesTheLayers(NetworkSpec spec) {
        int n = 40;
        Map<String, float[]> weights = heWeights(spec, 3);
        float[] latents = DecoderTest.randomLatents(n, (int) spec.inputShape()[0], 4);
        try (Decoder layerwise = Decoder.load(spec, weights, DecoderArithmetic.LAYERWISE);
                Decoder fused = Decoder.load(spec, weights, DecoderArithmetic.FUSED)) {
            float[] expected = layerwise.decode(latents, n);
            float[] actual = fused.decode(latents, n);
            assertThat(actual).hasSameSizeAs(expected);
            double largest = 0;
            double lowest = 1;
            double highest = 0;
            for (int i = 0; i < expected.length; i++) {
                largest = Math.max(largest, Math.abs(actual[i] - expected[i]));
                lowest = Math.min(lowest, expected[i]);
                highest = Math.max(highest, expected[i]);
            }
            assertThat(largest).as("largest difference").isLessThan(1e-5);
            // the outputs span the sigmoid's range, not its saturated ends, so differences would show
            assertThat(highest - lowest).isGreaterThan(0.3);
        }
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void fusedDecodingInPassesIsOnePassBitForBit(NetworkSpec spec) {
        int n = 48; // three aligned passes of 16
        Map<String, float[]> weights = heWeights(spec, 5);
        float[] latents = DecoderTest.randomLatents(n, (int) spec.inputShape()[0], 6);
        long largestActivation = Decoder.largestActivation(spec) * Float.BYTES;
        try (Decoder whole = Decoder.load(spec, weights, DecoderArithmetic.FUSED);
                Decoder split = Decoder.load(spec, weights, DecoderArithmetic.FUSED, 16 * largestActivation)) {
            assertThat(split.rowsPerPass()).isEqualTo(16);
            float[] once = split.decode(latents, n);
            assertThat(once).containsExactly(whole.decode(latents, n));
            assertThat(split.decode(latents, n)).containsExactly(once);
        }
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void foldedWeightsOutliveTheGarbageCollector(NetworkSpec spec) {
        // the folded filters are tensors made from Java arrays, as the layers' weights are (DecoderTest)
        Map<String, float[]> weights = heWeights(spec, 7);
        float[] latents = DecoderTest.randomLatents(9, (int) spec.inputShape()[0], 8);
        try (Decoder fused = Decoder.load(spec, weights, DecoderArithmetic.FUSED)) {
            float[] before = fused.decode(latents, 9);
            DecoderTest.churnTheGarbageCollector();
            assertThat(fused.decode(latents, 9)).containsExactly(before);
        }
    }

    /** Weights of He's scale (std sqrt(2 / fan-in)), so that activations neither vanish nor explode. */
    private static Map<String, float[]> heWeights(NetworkSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> weights = new LinkedHashMap<>();
        spec.parameterShapes().forEach((name, shape) -> {
            float[] w = new float[(int) Layer.product(shape)];
            double fanIn = shape.length > 1 ? Layer.product(shape) / shape[0] : 1;
            double std = name.endsWith(".bias") ? 0.1 : Math.sqrt(2 / fanIn);
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (std * random.nextGaussian());
            }
            weights.put(name, w);
        });
        return weights;
    }
}
