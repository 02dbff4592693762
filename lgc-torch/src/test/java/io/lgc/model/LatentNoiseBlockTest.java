package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Noise on the latents in training, scaled by each coordinate's spread over the batch; none at prediction. */
class LatentNoiseBlockTest {
    private static final int ROWS = 4000;
    /** Three latent coordinates of very different spreads, and their means. */
    private static final double[] SPREADS = {1, 10, 0.1};
    private static final double[] MEANS = {0, -5, 3};

    private static float[] latents() {
        SplittableRandom random = new SplittableRandom(7);
        float[] z = new float[ROWS * SPREADS.length];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < SPREADS.length; j++) {
                z[i * SPREADS.length + j] = (float) (MEANS[j] + SPREADS[j] * random.nextGaussian());
            }
        }
        return z;
    }

    private static float[] forward(LatentNoiseBlock block, NDManager manager, float[] z, int rows, boolean training) {
        NDArray x = manager.create(z, new Shape(rows, z.length / rows));
        block.initialize(manager, DataType.FLOAT32, x.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow()
                .toFloatArray();
    }

    @Test
    void trainingMovesEachCoordinateByTheScaleTimesItsOwnSpread() {
        Engines.pytorch(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] z = latents();
            float[] noisy = forward(new LatentNoiseBlock(0.5), manager, z, ROWS, true);
            for (int j = 0; j < SPREADS.length; j++) {
                double sum = 0;
                double squares = 0;
                for (int i = 0; i < ROWS; i++) {
                    double moved = noisy[i * SPREADS.length + j] - z[i * SPREADS.length + j];
                    sum += moved;
                    squares += moved * moved;
                }
                double mean = sum / ROWS;
                double std = Math.sqrt(squares / ROWS - mean * mean);
                // 4,000 draws: the sample deviation is within a few percent of 0.5 x the spread
                assertThat(std).as("coordinate %d", j).isCloseTo(0.5 * SPREADS[j], within(0.05 * 0.5 * SPREADS[j]));
                assertThat(mean).as("coordinate %d", j).isCloseTo(0, within(0.1 * SPREADS[j]));
            }
        }
    }

    @Test
    void predictionAndSingleRowsPassTheLatentsThroughUnchanged() {
        Engines.pytorch(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] z = latents();
            LatentNoiseBlock block = new LatentNoiseBlock(2);
            assertThat(forward(block, manager, z, ROWS, false)).containsExactly(z);
            float[] one = {1.5f, -2f, 0.25f};
            assertThat(forward(block, manager, one, 1, true)).containsExactly(one);
        }
    }

    @Test
    void aSeedGivesTheSameNoise() {
        float[] z = latents();
        float[][] runs = new float[2][];
        for (int run = 0; run < 2; run++) {
            Engines.pytorch(11);
            try (NDManager manager = NDManager.newBaseManager()) {
                runs[run] = forward(new LatentNoiseBlock(1), manager, z, ROWS, true);
            }
        }
        assertThat(runs[1]).containsExactly(runs[0]);
        assertThat(runs[0]).isNotEqualTo(z);
    }

    @Test
    void onlyAPositiveFiniteScaleMakesABlock() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new LatentNoiseBlock(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
