package io.lgc.model;

import io.lgc.artifact.DecoderArithmetic;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import io.lgc.network.Architectures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lgc.data.ImageShape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecoderTest {
    private static final NetworkSpec SMALL = Architectures.convAutoencoder(new ImageShape(1, 8, 8), 4, 16).decoder();
    /** Largest activation of SMALL: 16 filters at 8×8. */
    private static final long SMALL_LARGEST_BYTES = 16 * 8 * 8 * Float.BYTES;

    @Test
    void aPassKeepsTheLargestActivationBelowTheBudgetInAlignedRows() {
        NetworkSpec fashion = Architectures.convAutoencoder(new ImageShape(1, 28, 28), 16, 32).decoder();
        // 32 filters at 28×28 = 100,352 bytes a sample; 24 MiB hold 250 of them, aligned down to 248.
        assertThat(Decoder.rowsPerPass(fashion, Decoder.ACTIVATION_BUDGET_BYTES)).isEqualTo(248);
        assertThat(Decoder.rowsPerPass(SMALL, 5 * SMALL_LARGEST_BYTES + 7)).isEqualTo(5);
        assertThat(Decoder.rowsPerPass(SMALL, SMALL_LARGEST_BYTES / 2)).isEqualTo(1);
    }

    @Test
    void requestsSplitIntoFewEqualAlignedPasses() {
        assertThat(Decoder.passLength(1000, 248)).isEqualTo(200);
        assertThat(Decoder.passLength(990, 248)).isEqualTo(248);
        assertThat(Decoder.passLength(999, 248)).isEqualTo(200);
        assertThat(Decoder.passLength(248, 248)).isEqualTo(248);
        assertThat(Decoder.passLength(10, 248)).isEqualTo(10);
        assertThat(Decoder.passLength(40, 16)).isEqualTo(16);
        assertThat(Decoder.passLength(7, 3)).isEqualTo(3);
        assertThat(Decoder.passLength(0, 248)).isEqualTo(1);
    }

    @Test
    void loadedWeightsOutliveTheGarbageCollector() {
        // A decoder whose weights were Java buffers shared with the tensors decoded garbage once the
        // GC had freed the buffers: in a full test run, at random.
        Map<String, float[]> weights = randomWeights(SMALL, 11);
        float[] latents = randomLatents(9, 4, 12);
        try (Decoder decoder = Decoder.load(SMALL, weights)) {
            float[] before = decoder.decode(latents, 9);
            churnTheGarbageCollector();
            assertThat(decoder.decode(latents, 9)).containsExactly(before);
        }
    }

    /** Collections, and fresh direct buffers written over whatever memory a freed buffer left. */
    static void churnTheGarbageCollector() {
        for (int round = 0; round < 5; round++) {
            System.gc();
            for (int i = 0; i < 200; i++) {
                java.nio.ByteBuffer junk = java.nio.ByteBuffer.allocateDirect(1 << 16);
                while (junk.hasRemaining()) {
                    junk.put((byte) 0x7f);
                }
            }
        }
    }

    @Test
    void decodingInSeveralPassesMatchesOnePassAndRepeatsExactly() {
        Map<String, float[]> weights = randomWeights(SMALL, 3);
        float[] latents = randomLatents(45, 4, 5);
        try (Decoder whole = Decoder.load(SMALL, weights);
                Decoder split = Decoder.load(SMALL, weights, DecoderArithmetic.LAYERWISE, 16 * SMALL_LARGEST_BYTES)) {
            assertThat(whole.rowsPerPass()).isGreaterThanOrEqualTo(45);
            assertThat(split.rowsPerPass()).isEqualTo(16);
            float[] expected = whole.decode(latents, 45);
            float[] actual = split.decode(latents, 45);
            assertThat(actual).hasSize(45 * 64);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("value %d", i).isCloseTo(expected[i], within(1e-6f));
            }
            assertThat(split.decode(latents, 45)).containsExactly(actual);
        }
    }

    @Test
    void decodesOnlyTheLatentsAskedFor() {
        Map<String, float[]> weights = randomWeights(SMALL, 3);
        float[] latents = randomLatents(10, 4, 5);
        try (Decoder decoder = Decoder.load(SMALL, weights, DecoderArithmetic.LAYERWISE, 4 * SMALL_LARGEST_BYTES)) {
            float[] all = decoder.decode(latents, 10);
            float[] firstSix = decoder.decode(latents, 6);
            assertThat(firstSix).hasSize(6 * 64);
            for (int i = 0; i < firstSix.length; i++) {
                assertThat(firstSix[i]).isCloseTo(all[i], within(1e-6f));
            }
            assertThat(decoder.decode(latents, 0)).isEmpty();
            assertThatThrownBy(() -> decoder.decode(latents, 11))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11 latents");
        }
    }

    private static Map<String, float[]> randomWeights(NetworkSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> weights = new LinkedHashMap<>();
        spec.parameterShapes().forEach((name, shape) -> {
            float[] w = new float[(int) Layer.product(shape)];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (0.3 * random.nextGaussian());
            }
            weights.put(name, w);
        });
        return weights;
    }

    static float[] randomLatents(int n, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = new float[n * dim];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }
}
