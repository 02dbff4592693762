package io.lgc.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of two decoder layers that one cheaper op computes, and that op's weights. Pure arithmetic on
 * the stored weights, summed in double and rounded once; the fused ops compute the same function as
 * the layers they replace, with the float additions in another order.
 *
 * <ul>
 *   <li><b>Sub-pixel convolution.</b> Nearest upsampling by 2 followed by a 3×3 convolution (stride 1,
 *   padding 1): output pixel (2i + a, 2j + b) sees only the 2×2 block of the small input whose top-left
 *   corner is (i − 1 + a, j − 1 + b), each of its 3×3 taps landing on one of the block's four values.
 *   So it is one 2×2 convolution of the small input, zero-padded by 1, with 4 × out filters, one set
 *   per output parity (a, b), each tap added into the block position it falls on; its output, [4 ×
 *   out, h + 1, w + 1], is read at offset (a, b) for parity (a, b) and interleaved. That is 16/36 of
 *   the multiply-adds at the large size, and no upsampled copy.</li>
 *   <li><b>Group-mean convolution.</b> A convolution followed by {@link Layer.ChannelGroupMean}: the
 *   mean of a group's output channels is the convolution with the mean of their filters and biases,
 *   one output channel a group.</li>
 * </ul>
 */
public final class LayerFusion {
    /** For output parity a: which rows of a 3×3 kernel fall on the upper and on the lower row of the 2×2 block. */
    private static final int[][][] TAPS = {{{0}, {1, 2}}, {{0, 1}, {2}}};

    private LayerFusion() {
    }

    /** A run of two layers, starting at {@code first}, computed as one op. */
    public record Run(Kind kind, int first) {
    }

    /** Which fusion a run is. */
    public enum Kind {
        SUB_PIXEL, GROUP_MEAN
    }

    /** The runs of {@code spec} that fuse, left to right, none overlapping. */
    public static List<Run> runs(NetworkSpec spec) {
        List<Layer> layers = spec.layers();
        List<Run> out = new ArrayList<>();
        for (int i = 0; i + 1 < layers.size(); i++) {
            Layer here = layers.get(i);
            Layer next = layers.get(i + 1);
            if (isSubPixel(here, next)) {
                out.add(new Run(Kind.SUB_PIXEL, i++));
            } else if (isGroupMean(here, next)) {
                out.add(new Run(Kind.GROUP_MEAN, i++));
            }
        }
        return out;
    }

    static boolean isSubPixel(Layer here, Layer next) {
        return here instanceof Layer.Upsample u && u.scale() == 2
                && next instanceof Layer.Conv2d c && c.kernel() == 3 && c.stride() == 1 && c.padding() == 1;
    }

    static boolean isGroupMean(Layer here, Layer next) {
        return here instanceof Layer.Conv2d c && next instanceof Layer.ChannelGroupMean g && c.out() % g.groups() == 0;
    }

    /**
     * The 2×2 filters of the sub-pixel convolution for a 3×3 convolution's weight [out, in, 3, 3]:
     * [4 × out, in, 2, 2], output channel (2a + b) × out + o computing channel o at parity (a, b).
     */
    public static float[] subPixelWeight(Layer.Conv2d conv, float[] weight) {
        int out = conv.out();
        int in = conv.in();
        float[] folded = new float[4 * out * in * 4];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                for (int o = 0; o < out; o++) {
                    for (int c = 0; c < in; c++) {
                        int source = (o * in + c) * 9;
                        int target = (((2 * a + b) * out + o) * in + c) * 4;
                        for (int r = 0; r < 2; r++) {
                            for (int s = 0; s < 2; s++) {
                                double sum = 0;
                                for (int dy : TAPS[a][r]) {
                                    for (int dx : TAPS[b][s]) {
                                        sum += weight[source + dy * 3 + dx];
                                    }
                                }
                                folded[target + r * 2 + s] = (float) sum;
                            }
                        }
                    }
                }
            }
        }
        return folded;
    }

    /** The sub-pixel convolution's bias: the convolution's, once for each of the four parities. */
    public static float[] subPixelBias(float[] bias) {
        float[] out = new float[4 * bias.length];
        for (int p = 0; p < 4; p++) {
            System.arraycopy(bias, 0, out, p * bias.length, bias.length);
        }
        return out;
    }

    /** Each group's mean filter, [groups, in, k, k], for a convolution's weight [out, in, k, k]. */
    public static float[] groupMeanWeight(Layer.Conv2d conv, int groups, float[] weight) {
        int perFilter = conv.in() * conv.kernel() * conv.kernel();
        return groupMeans(weight, conv.out() / groups, groups, perFilter);
    }

    /** Each group's mean bias. */
    public static float[] groupMeanBias(Layer.Conv2d conv, int groups, float[] bias) {
        return groupMeans(bias, conv.out() / groups, groups, 1);
    }

    private static float[] groupMeans(float[] values, int perGroup, int groups, int stride) {
        float[] out = new float[groups * stride];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < stride; j++) {
                double sum = 0;
                for (int m = 0; m < perGroup; m++) {
                    sum += values[(g * perGroup + m) * stride + j];
                }
                out[g * stride + j] = (float) (sum / perGroup);
            }
        }
        return out;
    }
}
