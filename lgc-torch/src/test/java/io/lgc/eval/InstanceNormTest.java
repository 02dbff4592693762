package io.lgc.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.lgc.model.Engines;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import io.lgc.model.Networks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The instance-norm layer against a hand computation: every sample's every channel is normalised
 * over its own pixels (biased variance, epsilon 1e-5), then scaled and shifted per channel.
 */
class InstanceNormTest {
    private static final int N = 2;
    private static final int C = 2;
    private static final int H = 2;
    private static final int W = 3;

    /** Four planes of different means and spreads, one of them constant. */
    private static final float[] INPUT = {
        1, 2, 3, 4, 5, 6,          // sample 0, channel 0
        10, 10, 10, 10, 10, 10,    // sample 0, channel 1: constant
        -3, 0, 3, 6, 9, 100,       // sample 1, channel 0
        0.5f, 0.25f, 0, 0, 0, 0,   // sample 1, channel 1
    };

    @BeforeAll
    static void engine() {
        Engines.pytorch(1);
    }

    @Test
    void withTheInitialAffineEachPlaneHasZeroMeanAndUnitVariance() {
        float[] out = apply(new float[] {1, 1}, new float[] {0, 0});
        assertThat(out).containsExactly(expected(new float[] {1, 1}, new float[] {0, 0}), within(1e-5f));
        for (int plane : new int[] {0, 2, 3}) {
            double mean = 0;
            double square = 0;
            for (int k = 0; k < H * W; k++) {
                mean += out[plane * H * W + k] / (H * W);
                square += out[plane * H * W + k] * out[plane * H * W + k] / (H * W);
            }
            assertThat(mean).isCloseTo(0, within(1e-5));
            assertThat(square - mean * mean).isCloseTo(1, within(2e-3)); // epsilon keeps it just below 1
        }
        for (int k = 0; k < H * W; k++) {
            assertThat(out[H * W + k]).isZero(); // a constant plane becomes 0, not NaN
        }
    }

    @Test
    void scalesAndShiftsEachChannelByItsOwnGammaAndBeta() {
        float[] gamma = {2, -0.5f};
        float[] beta = {1, 3};
        assertThat(apply(gamma, beta)).containsExactly(expected(gamma, beta), within(1e-5f));
    }

    /** The hand computation: per (sample, channel) mean and biased variance over the H × W values. */
    private static float[] expected(float[] gamma, float[] beta) {
        float[] out = new float[INPUT.length];
        for (int plane = 0; plane < N * C; plane++) {
            int c = plane % C;
            double mean = 0;
            for (int k = 0; k < H * W; k++) {
                mean += INPUT[plane * H * W + k];
            }
            mean /= H * W;
            double variance = 0;
            for (int k = 0; k < H * W; k++) {
                double d = INPUT[plane * H * W + k] - mean;
                variance += d * d;
            }
            variance /= H * W;
            for (int k = 0; k < H * W; k++) {
                double normalised = (INPUT[plane * H * W + k] - mean) / Math.sqrt(variance + 1e-5);
                out[plane * H * W + k] = (float) (gamma[c] * normalised + beta[c]);
            }
        }
        return out;
    }

    private static float[] apply(float[] gamma, float[] beta) {
        NetworkSpec spec = new NetworkSpec(new long[] {C, H, W}, List.of(new Layer.InstanceNorm(C)));
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock block = Networks.build(spec);
            Networks.initialize(block, spec, manager);
            assertThat(Networks.exportWeights(block, spec).get("layers.0.gamma")).containsExactly(1, 1);
            assertThat(Networks.exportWeights(block, spec).get("layers.0.beta")).containsExactly(0, 0);
            Networks.importWeights(block, spec, Map.of("layers.0.gamma", gamma, "layers.0.beta", beta));
            NDArray x = manager.create(INPUT, new Shape(N, C, H, W));
            return Networks.predict(block, x).toFloatArray();
        }
    }
}
