package io.lgc.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lgc.data.ImageShape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused ops compute the layers they replace: checked here in plain double arithmetic, against a
 * direct evaluation of the layers, so that any misplaced tap or parity shows as a wrong value.
 */
class LayerFusionTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(7);

    @Test
    void theConvDecoderFusesBothUpsamplingsAndItsChannelMean() {
        NetworkSpec decoder = Architectures.convAutoencoder(new ImageShape(1, 28, 28), 16, 32).decoder();
        List<LayerFusion.Run> runs = LayerFusion.runs(decoder);
        assertThat(runs).extracting(LayerFusion.Run::kind).containsExactly(LayerFusion.Kind.SUB_PIXEL,
                LayerFusion.Kind.SUB_PIXEL, LayerFusion.Kind.GROUP_MEAN);
        for (LayerFusion.Run run : runs) {
            Layer first = decoder.layers().get(run.first());
            assertThat(first).isInstanceOf(run.kind() == LayerFusion.Kind.SUB_PIXEL ? Layer.Upsample.class
                    : Layer.Conv2d.class);
        }
    }

    @Test
    void theStemDecoderAndAnRgbDecoderFuseToo() {
        NetworkSpec stem = Architectures.convAutoencoder(new ImageShape(1, 28, 28), 32, 32, 16).decoder();
        assertThat(LayerFusion.runs(stem)).hasSize(3);
        NetworkSpec rgb = Architectures.convAutoencoder(new ImageShape(3, 32, 32), 16, 32).decoder();
        List<LayerFusion.Run> runs = LayerFusion.runs(rgb);
        assertThat(runs).last().extracting(LayerFusion.Run::kind).isEqualTo(LayerFusion.Kind.GROUP_MEAN);
    }

    @Test
    void onlyTheShapesWhoseArithmeticIsDerivedFuse() {
        NetworkSpec spec = new NetworkSpec(new long[] {2, 4, 4}, List.of(
                new Layer.Upsample(3), new Layer.Conv2d(2, 2, 3, 1, 1), // scale 3
                new Layer.Upsample(2), new Layer.Conv2d(2, 2, 3, 1, 0), // no padding
                new Layer.Upsample(2), new Layer.Conv2d(2, 2, 5, 1, 2), // a 5x5 kernel
                new Layer.Upsample(2), new Layer.Relu(), new Layer.Conv2d(2, 2, 3, 1, 1))); // not adjacent
        assertThat(LayerFusion.runs(spec)).isEmpty();
        NetworkSpec dense = Architectures.denseAutoencoder(new ImageShape(1, 8, 8), 4).decoder();
        assertThat(LayerFusion.runs(dense)).isEmpty();
    }

    @Test
    void theSubPixelConvolutionIsTheUpsampledConvolution() {
        for (int[] shape : new int[][] {{3, 2, 4, 5}, {1, 1, 1, 1}, {2, 3, 7, 7}}) {
            int in = shape[0];
            int out = shape[1];
            int h = shape[2];
            int w = shape[3];
            Layer.Conv2d conv = new Layer.Conv2d(in, out, 3, 1, 1);
            float[] weight = randoms(out * in * 9);
            float[] bias = randoms(out);
            double[] x = doubles(in * h * w);
            double[] expected = conv(upsample(x, in, h, w), 2 * h, 2 * w, weight, bias, in, out, 3, 1);
            double[] actual = subPixel(x, in, h, w, LayerFusion.subPixelWeight(conv, weight),
                    LayerFusion.subPixelBias(bias), out);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("value %d of %s", i, java.util.Arrays.toString(shape))
                        .isCloseTo(expected[i], within(1e-5));
            }
        }
    }

    @Test
    void theGroupMeanConvolutionIsTheMeanOfEachGroupsChannels() {
        int in = 4;
        int out = 6;
        int groups = 3;
        int h = 5;
        int w = 4;
        Layer.Conv2d conv = new Layer.Conv2d(in, out, 3, 1, 1);
        float[] weight = randoms(out * in * 9);
        float[] bias = randoms(out);
        double[] x = doubles(in * h * w);
        double[] full = conv(x, h, w, weight, bias, in, out, 3, 1);
        double[] fused = conv(x, h, w, LayerFusion.groupMeanWeight(conv, groups, weight),
                LayerFusion.groupMeanBias(conv, groups, bias), in, groups, 3, 1);
        int per = out / groups;
        for (int g = 0; g < groups; g++) {
            for (int p = 0; p < h * w; p++) {
                double mean = 0;
                for (int m = 0; m < per; m++) {
                    mean += full[(g * per + m) * h * w + p] / per;
                }
                assertThat(fused[g * h * w + p]).isCloseTo(mean, within(1e-5));
            }
        }
    }

    @Test
    void theSubPixelBiasRepeatsTheBiasForEachParity() {
        assertThat(LayerFusion.subPixelBias(new float[] {1, 2})).containsExactly(1, 2, 1, 2, 1, 2, 1, 2);
    }

    private static double[] upsample(double[] x, int c, int h, int w) {
        double[] out = new double[c * 4 * h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int r = 0; r < 2 * h; r++) {
                for (int s = 0; s < 2 * w; s++) {
                    out[(ch * 2 * h + r) * 2 * w + s] = x[(ch * h + r / 2) * w + s / 2];
                }
            }
        }
        return out;
    }

    /** A square convolution, stride 1, zero padding, cross-correlation as libtorch computes it. */
    private static double[] conv(double[] x, int h, int w, float[] weight, float[] bias, int in, int out, int k,
            int pad) {
        int oh = h + 2 * pad - k + 1;
        int ow = w + 2 * pad - k + 1;
        double[] y = new double[out * oh * ow];
        for (int o = 0; o < out; o++) {
            for (int r = 0; r < oh; r++) {
                for (int s = 0; s < ow; s++) {
                    double sum = bias[o];
                    for (int c = 0; c < in; c++) {
                        for (int dy = 0; dy < k; dy++) {
                            for (int dx = 0; dx < k; dx++) {
                                int yy = r + dy - pad;
                                int xx = s + dx - pad;
                                if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                    sum += weight[((o * in + c) * k + dy) * k + dx] * x[(c * h + yy) * w + xx];
                                }
                            }
                        }
                    }
                    y[(o * oh + r) * ow + s] = sum;
                }
            }
        }
        return y;
    }

    /** The fused op as FusedLayers computes it: a 2x2 convolution, padding 1, read at each parity's offset. */
    private static double[] subPixel(double[] x, int in, int h, int w, float[] weight, float[] bias, int out) {
        double[] y = conv(x, h, w, weight, bias, in, 4 * out, 2, 1); // [4 out, h + 1, w + 1]
        double[] result = new double[out * 4 * h * w];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                for (int o = 0; o < out; o++) {
                    int plane = (2 * a + b) * out + o;
                    for (int i = 0; i < h; i++) {
                        for (int j = 0; j < w; j++) {
                            result[(o * 2 * h + 2 * i + a) * 2 * w + 2 * j + b] =
                                    y[(plane * (h + 1) + i + a) * (w + 1) + j + b];
                        }
                    }
                }
            }
        }
        return result;
    }

    private static float[] randoms(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (RANDOM.nextDouble() * 2 - 1);
        }
        return v;
    }

    private static double[] doubles(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = RANDOM.nextDouble() * 2 - 1;
        }
        return v;
    }
}
