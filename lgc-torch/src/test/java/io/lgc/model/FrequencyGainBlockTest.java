package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.lgc.network.FrequencyRings;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrequencyGainBlockTest {
    /**
     * The block must compute the layer's definition: with gain G on the rings, the circular convolution
     * of each plane with k[a, b] = (1/hw)·Σ G(u, v)·cos(2π(ua/h + vb/w)), here summed directly in
     * double precision, with no transform.
     */
    @ParameterizedTest
    @CsvSource({"2, 3, 28, 28", "1, 2, 5, 7", "3, 1, 6, 4", "1, 1, 1, 1"})
    void filtersEveryPlaneAsTheCircularConvolutionTheGainsDefine(int n, int c, int h, int w) {
        Engines.pytorch();
        SplittableRandom random = new SplittableRandom(h * 100L + w);
        float[] x = new float[n * c * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        float[] gain = new float[FrequencyRings.count(h, w)];
        for (int r = 0; r < gain.length; r++) {
            gain[r] = (float) (0.5 + 1.5 * random.nextDouble());
        }
        float[] expected = direct(x, n * c, h, w, gain);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] y = FrequencyGainBlock.filter(m.create(x, new Shape(n, c, h, w)), m.create(gain)).toFloatArray();
            assertThat(y).hasSize(expected.length);
            for (int i = 0; i < y.length; i++) {
                assertThat((double) y[i]).as("value %d", i).isCloseTo(expected[i], within(2e-5));
            }
        }
    }

    @Test
    void gainsOfOneReturnTheInputAndAGainOnlyAtZeroReturnsEachPlanesMean() {
        Engines.pytorch();
        int h = 6;
        int w = 9;
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[2 * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int rings = FrequencyRings.count(h, w);
        float[] ones = new float[rings];
        java.util.Arrays.fill(ones, 1f);
        float[] meanOnly = new float[rings];
        meanOnly[0] = 1f;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray in = m.create(x, new Shape(1, 2, h, w));
            float[] same = FrequencyGainBlock.filter(in, m.create(ones)).toFloatArray();
            float[] means = FrequencyGainBlock.filter(in, m.create(meanOnly)).toFloatArray();
            for (int p = 0; p < 2; p++) {
                double mean = 0;
                for (int i = 0; i < h * w; i++) {
                    mean += x[p * h * w + i] / (double) (h * w);
                }
                for (int i = 0; i < h * w; i++) {
                    assertThat((double) same[p * h * w + i]).isCloseTo(x[p * h * w + i], within(1e-5));
                    assertThat((double) means[p * h * w + i]).isCloseTo(mean, within(1e-5));
                }
            }
        }
    }

    private static float[] direct(float[] x, int planes, int h, int w, float[] gain) {
        int[] ring = FrequencyRings.ringIndex(h, w);
        double[] k = new double[h * w];
        for (int a = 0; a < h; a++) {
            for (int b = 0; b < w; b++) {
                double sum = 0;
                for (int u = 0; u < h; u++) {
                    for (int v = 0; v < w; v++) {
                        sum += gain[ring[u * w + v]] * Math.cos(2 * Math.PI * ((double) u * a / h + (double) v * b / w));
                    }
                }
                k[a * w + b] = sum / (h * w);
            }
        }
        float[] y = new float[x.length];
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double sum = 0;
                    for (int a = 0; a < h; a++) {
                        for (int b = 0; b < w; b++) {
                            sum += k[a * w + b] * x[p * h * w + Math.floorMod(i - a, h) * w + Math.floorMod(j - b, w)];
                        }
                    }
                    y[p * h * w + i * w + j] = (float) sum;
                }
            }
        }
        return y;
    }
}
