package io.lgc.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import io.lgc.network.Layer;
import io.lgc.network.LayerFusion;
import io.lgc.network.NetworkSpec;
import java.util.List;
import java.util.Map;

/**
 * A decoder's prediction block with the runs {@link LayerFusion} finds computed as one op each
 * ({@link io.lgc.artifact.DecoderArithmetic#FUSED}), about 1.6 times as fast on Fashion-MNIST's decoders
 * as the layers one by one (bench/results/speed.md). Prediction only: training keeps the layers the
 * file lists, whose gradients define what a seed trains.
 *
 * <p>From the first sub-pixel convolution on, activations are channels-last in memory ([n, h, w, c],
 * seen as [n, c, h, w]): libtorch's convolutions keep that layout, in which interleaving the four
 * parities copies whole pixels, and oneDNN runs these convolutions faster in it. Shapes and values
 * are those of the layers; only the order of additions differs.
 */
final class FusedLayers {
    private FusedLayers() {
    }

    /**
     * {@code layerwise}'s children in order, each fused run replaced by one block whose weights are
     * folded from {@code weights} and held by {@code manager}.
     */
    static SequentialBlock of(NetworkSpec spec, SequentialBlock layerwise, Map<String, float[]> weights,
            NDManager manager) {
        List<Block> children = Networks.children(layerwise);
        List<LayerFusion.Run> runs = LayerFusion.runs(spec);
        SequentialBlock out = new SequentialBlock();
        boolean channelsLast = false;
        int next = 0;
        for (int i = 0; i < children.size(); i++) {
            if (next < runs.size() && runs.get(next).first() == i) {
                LayerFusion.Run run = runs.get(next++);
                if (run.kind() == LayerFusion.Kind.SUB_PIXEL) {
                    out.add(subPixel(spec, i + 1, weights, manager, !channelsLast));
                    channelsLast = true;
                } else {
                    out.add(groupMean(spec, i, weights, manager));
                }
                i++; // the run's second layer is inside the fused block
            } else {
                out.add(children.get(i));
                channelsLast &= keepsLayout(spec.layers().get(i));
            }
        }
        return out;
    }

    /** Whether libtorch gives this layer's output the memory layout of its input. */
    private static boolean keepsLayout(Layer layer) {
        return layer instanceof Layer.Relu || layer instanceof Layer.Sigmoid || layer instanceof Layer.Conv2d;
    }

    private static Block subPixel(NetworkSpec spec, int convIndex, Map<String, float[]> weights, NDManager manager,
            boolean toChannelsLast) {
        Layer.Conv2d conv = (Layer.Conv2d) spec.layers().get(convIndex);
        NDArray weight = manager.create(LayerFusion.subPixelWeight(conv, weight(weights, convIndex, "weight")),
                new Shape(4L * conv.out(), conv.in(), 2, 2));
        NDArray bias = manager.create(LayerFusion.subPixelBias(weight(weights, convIndex, "bias")));
        int out = conv.out();
        return LambdaBlock.singleton(x -> subPixel(toChannelsLast ? channelsLast(x) : x, weight, bias, out),
                "subPixelConv");
    }

    /** x [n, c, h, w] laid out in memory as [n, h, w, c]. */
    static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        // flatten copies the permuted view in its own order; the reshape and transpose are views
        return x.transpose(0, 2, 3, 1).flatten().reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    /**
     * Upsampling by 2 and a 3×3 convolution of x (channels-last), as LayerFusion's 2×2 convolution,
     * its four parities interleaved; the result is channels-last too.
     */
    static NDArray subPixel(NDArray x, NDArray weight, NDArray bias, int out) {
        Shape s = x.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        NDArray y = x.getNDArrayInternal().convolution(x, weight, bias, new Shape(1, 1), new Shape(1, 1),
                new Shape(1, 1), 1).singletonOrThrow().transpose(0, 2, 3, 1); // [n, h + 1, w + 1, 4 out]
        NDList rows = new NDList(2);
        for (int a = 0; a < 2; a++) {
            NDList columns = new NDList(2);
            for (int b = 0; b < 2; b++) {
                long first = (2L * a + b) * out;
                // spelt out, not with NDIndex's {} arguments: those take DJL's advanced-indexing path, a copy
                // in another memory layout, where plain slices are views
                columns.add(y.get(":, " + a + ":" + (a + h) + ", " + b + ":" + (b + w) + ", " + first + ":"
                        + (first + out)));
            }
            rows.add(NDArrays.stack(columns, 3)); // [n, h, w, 2, out]: column parity
        }
        // [n, h, 2, w, 2, out] is [n, 2h, 2w, out] in memory
        return NDArrays.stack(rows, 2).reshape(n, 2 * h, 2 * w, out).transpose(0, 3, 1, 2);
    }

    private static Block groupMean(NetworkSpec spec, int convIndex, Map<String, float[]> weights, NDManager manager) {
        Layer.Conv2d conv = (Layer.Conv2d) spec.layers().get(convIndex);
        int groups = ((Layer.ChannelGroupMean) spec.layers().get(convIndex + 1)).groups();
        NDArray weight = manager.create(LayerFusion.groupMeanWeight(conv, groups, weight(weights, convIndex, "weight")),
                new Shape(groups, conv.in(), conv.kernel(), conv.kernel()));
        NDArray bias = manager.create(LayerFusion.groupMeanBias(conv, groups, weight(weights, convIndex, "bias")));
        Shape stride = new Shape(conv.stride(), conv.stride());
        Shape padding = new Shape(conv.padding(), conv.padding());
        return LambdaBlock.singleton(x -> x.getNDArrayInternal().convolution(x, weight, bias, stride, padding,
                new Shape(1, 1), 1).singletonOrThrow(), "groupMeanConv");
    }

    private static float[] weight(Map<String, float[]> weights, int layer, String tensor) {
        float[] values = weights.get(NetworkSpec.parameterName(layer, tensor));
        if (values == null) {
            throw new IllegalArgumentException("no tensor " + NetworkSpec.parameterName(layer, tensor));
        }
        return values;
    }
}
