package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.lgc.data.ImageShape;
import io.lgc.network.Architectures;
import io.lgc.network.NetworkSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TrainedClassifier#textureStatistics}: how strongly the first layer's patterns occur, not where. */
class TextureStatisticsTest {
    private static final int SIDE = 8;
    private static final int WIDTH = 16;

    private Model model;
    private TrainedClassifier classifier;

    /**
     * A classifier whose first convolution is known: filter 0 passes the pixel through, filter 1 is
     * the pixel minus its right-hand neighbour (then ReLU), the other filters are zero.
     */
    @BeforeEach
    void knownFirstLayer() {
        Engines.pytorch(1);
        NetworkSpec spec = Architectures.smallCnn(new ImageShape(1, SIDE, SIDE), 2, WIDTH);
        model = Model.newInstance("texture");
        SequentialBlock block = Networks.build(spec);
        model.setBlock(block);
        Networks.initialize(block, spec, model.getNDManager());
        Map<String, float[]> weights = new HashMap<>(Networks.exportWeights(block, spec));
        float[] kernels = new float[WIDTH * 9];
        kernels[4] = 1; // filter 0, centre
        kernels[9 + 4] = 1; // filter 1, centre
        kernels[9 + 5] = -1; // filter 1, right-hand neighbour
        weights.put("layers.0.weight", kernels);
        weights.put("layers.0.bias", new float[WIDTH]);
        Networks.importWeights(block, spec, weights);
        classifier = new TrainedClassifier(model, block, List.of());
    }

    @AfterEach
    void close() {
        classifier.close();
    }

    @Test
    void isTheMeanOverPositionsOfProductsOfTheFirstLayersActivations() {
        float[] image = stripes(2, 1);
        float[][] gram = statistics(image);
        double identity = 0;
        double cross = 0;
        double edges = 0;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                double x = image[r * SIDE + c];
                double right = c + 1 < SIDE ? image[r * SIDE + c + 1] : 0; // zero padding
                double edge = Math.max(0, x - right);
                identity += x * x;
                cross += x * edge;
                edges += edge * edge;
            }
        }
        int positions = SIDE * SIDE;
        assertThat((double) gram[0][0]).isCloseTo(identity / positions, within(1e-6));
        assertThat((double) gram[0][1]).isCloseTo(cross / positions, within(1e-6));
        assertThat((double) gram[1][0]).isCloseTo(cross / positions, within(1e-6));
        assertThat((double) gram[1][1]).isCloseTo(edges / positions, within(1e-6));
        assertThat(gram[2][2]).isZero();
    }

    @Test
    void aPatternMovedInsideTheImageKeepsItsStatistics() {
        float[] left = block(1, 1);
        float[] moved = block(3, 2);
        assertThat(statistics(moved)).isDeepEqualTo(statistics(left));
    }

    @Test
    void stripesAndAFlatImageOfTheSameBrightnessDiffer() {
        float[] striped = stripes(2, 1);
        float[] flat = new float[SIDE * SIDE];
        java.util.Arrays.fill(flat, 0.5f);
        float[][] a = statistics(striped);
        float[][] b = statistics(flat);
        assertThat(a[0][0]).isNotCloseTo(b[0][0], within(1e-3f)); // the same mean, not the same energy
        assertThat(a[1][1]).isGreaterThan(b[1][1] + 0.1f); // edges everywhere against one at the border
    }

    /** Vertical stripes: columns alternate between 1 and 0 every {@code period / 2}, starting at {@code phase}. */
    private static float[] stripes(int period, int phase) {
        float[] image = new float[SIDE * SIDE];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                image[r * SIDE + c] = ((c + phase) / (period / 2)) % 2 == 0 ? 1f : 0f;
            }
        }
        return image;
    }

    /** A 3 × 3 pattern with its top-left corner at (top, left), well inside the image, zero around it. */
    private static float[] block(int top, int left) {
        float[] image = new float[SIDE * SIDE];
        float[] pattern = {0.2f, 0.9f, 0.4f, 1f, 0f, 0.7f, 0.3f, 0.6f, 0.8f};
        for (int i = 0; i < 9; i++) {
            image[(top + i / 3) * SIDE + left + i % 3] = pattern[i];
        }
        return image;
    }

    private float[][] statistics(float[] image) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray gram = classifier.textureStatistics(manager.create(image, new Shape(1, 1, SIDE, SIDE)));
            assertThat(gram.getShape()).isEqualTo(new Shape(1, WIDTH, WIDTH));
            float[] values = gram.toFloatArray();
            float[][] out = new float[WIDTH][WIDTH];
            for (int a = 0; a < WIDTH; a++) {
                System.arraycopy(values, a * WIDTH, out[a], 0, WIDTH);
            }
            return out;
        }
    }
}
