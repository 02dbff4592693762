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

/** A VAE's sampling step: noise of a learned spread and the KL term in training; the identity at prediction. */
class VariationalBlockTest {
    private static final int ROWS = 4000;
    private static final int DIM = 3;
    /** The spread every coordinate starts at: exp(START_LOG_VARIANCE / 2). */
    private static final double START_SPREAD = Math.exp(VariationalBlock.START_LOG_VARIANCE / 2);

    private static float[] latents() {
        SplittableRandom random = new SplittableRandom(7);
        float[] z = new float[ROWS * DIM];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (2 * random.nextGaussian() + (i % DIM));
        }
        return z;
    }

    private static NDArray forward(VariationalBlock block, NDManager manager, float[] z, boolean training) {
        NDArray x = manager.create(z, new Shape(ROWS, DIM));
        block.initialize(manager, DataType.FLOAT32, x.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow();
    }

    @Test
    void atPredictionTheLatentsPassUnchangedAndNothingIsKept() {
        Engines.pytorch(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] z = latents();
            VariationalBlock block = new VariationalBlock(DIM, 1, 784);
            assertThat(forward(block, manager, z, false).toFloatArray()).containsExactly(z);
            assertThat(block.takePenalty()).isNull();
        }
    }

    @Test
    void trainingMovesEachCoordinateByItsStartingSpread() {
        Engines.pytorch(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] z = latents();
            float[] noisy = forward(new VariationalBlock(DIM, 1, 784), manager, z, true).toFloatArray();
            for (int j = 0; j < DIM; j++) {
                double sum = 0;
                double squares = 0;
                for (int i = 0; i < ROWS; i++) {
                    double moved = noisy[i * DIM + j] - z[i * DIM + j];
                    sum += moved;
                    squares += moved * moved;
                }
                double mean = sum / ROWS;
                double std = Math.sqrt(squares / ROWS - mean * mean);
                // 4,000 draws: the sample deviation is within a few percent of the spread
                assertThat(std).as("coordinate %d", j).isCloseTo(START_SPREAD, within(0.05 * START_SPREAD));
                assertThat(mean).as("coordinate %d", j).isCloseTo(0, within(0.1 * START_SPREAD));
            }
        }
    }

    @Test
    void thePenaltyIsTheKlDivergenceFromAStandardNormalPerValueOfTheOutputAndIsHandedOverOnce() {
        Engines.pytorch(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] z = latents();
            VariationalBlock block = new VariationalBlock(DIM, 0.5, 784);
            forward(block, manager, z, true);
            double squares = 0;
            for (float v : z) {
                squares += v * v;
            }
            double logVar = VariationalBlock.START_LOG_VARIANCE;
            double kl = 0.5 * (squares / ROWS + DIM * (Math.exp(logVar) - logVar - 1));
            assertThat(block.takePenalty().getFloat()).isCloseTo((float) (0.5 * kl / 784), within(1e-4f * (float) kl));
            assertThat(block.takePenalty()).isNull();
        }
    }

    @Test
    void aWeightThatIsNotPositiveOrValuesThatAreNoneAreRefused() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new VariationalBlock(DIM, bad, 784)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new VariationalBlock(DIM, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
