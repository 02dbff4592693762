package io.lgc.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.pytorch.engine.PtNDArrayEx;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.lgc.network.Layer;

/**
 * DJL block for {@link Layer.Upsample}: nearest-neighbour upsampling of [n, c, h, w] by an integer
 * scale, each value becoming a scale × scale block.
 *
 * <p>Two ways to the same values. Training goes through libtorch's nearest interpolation, whose
 * backward pass defines the gradients (and so what a seed trains). Prediction broadcasts each value
 * over a new axis of length scale after the width, then each widened row over one after the height,
 * copying each into place: pure data movement like the interpolation, so the output is the same to
 * the bit (and so is everything decoded from it), but faster than libtorch's per-element
 * interpolation kernel on channels-first tensors, which was a quarter of a decode
 * (bench/results/speed-*.txt, bench/results/reconstruct-speed.txt).
 */
final class UpsampleBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int scale;

    UpsampleBlock(int scale) {
        super(VERSION);
        this.scale = scale;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(training ? interpolate(x, scale) : broadcast(x, scale));
    }

    static NDArray interpolate(NDArray x, int scale) {
        Shape s = x.getShape();
        long[] size = {s.get(2) * scale, s.get(3) * scale};
        // DJL's PyTorch engine lacks a public upsampling op; its internal interpolation is differentiable.
        return ((PtNDArrayEx) x.getNDArrayInternal()).interpolation(size, 0, false);
    }

    static NDArray broadcast(NDArray x, int scale) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        // Rows are widened first and then copied whole: a copy whose innermost axis is the scale walks
        // its strides element by element, so it runs over 1/scale of the output only, and the other,
        // over the whole output, moves rows of w * scale contiguous values.
        NDArray widened = x.reshape(n, c, h, w, 1).broadcast(new Shape(n, c, h, w, scale))
                .reshape(n, c, h, 1, w * scale);
        return widened.broadcast(new Shape(n, c, h, scale, w * scale)).reshape(n, c, h * scale, w * scale);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape s = inputs[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), s.get(2) * scale, s.get(3) * scale)};
    }

    @Override
    public String toString() {
        return "Upsample(" + scale + ")";
    }
}
