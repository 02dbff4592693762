package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpsampleBlockTest {
    /** Prediction's copy must give what training's interpolation gives, bit for bit, value by value. */
    @ParameterizedTest
    @CsvSource({"2, 3, 5, 7, 7", "2, 2, 16, 14, 14", "3, 2, 4, 5, 6"})
    void predictionGivesTheInterpolationsValuesExactly(int scale, int n, int c, int h, int w) {
        Engines.pytorch();
        try (NDManager manager = NDManager.newBaseManager()) {
            SplittableRandom random = new SplittableRandom(scale * 1000L + h);
            float[] values = new float[n * c * h * w];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            NDArray x = manager.create(values, new Shape(n, c, h, w));
            UpsampleBlock block = new UpsampleBlock(scale);
            block.initialize(manager, DataType.FLOAT32, x.getShape());
            NDArray trained = block.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
            NDArray predicted = block.forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            Shape expected = new Shape(n, c, (long) h * scale, (long) w * scale);
            assertThat(trained.getShape()).isEqualTo(expected);
            assertThat(predicted.getShape()).isEqualTo(expected);
            assertThat(predicted.toFloatArray()).containsExactly(trained.toFloatArray());
            // and each is the nearest neighbour: output (i, j) is input (i / scale, j / scale)
            float[] out = predicted.toFloatArray();
            int oh = h * scale;
            int ow = w * scale;
            for (int k = 0; k < n * c; k++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        assertThat(out[(k * oh + i) * ow + j]).isEqualTo(values[(k * h + i / scale) * w + j / scale]);
                    }
                }
            }
        }
    }
}
