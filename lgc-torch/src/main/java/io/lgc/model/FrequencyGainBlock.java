package io.lgc.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.lgc.network.FrequencyRings;
import io.lgc.network.Layer;

/**
 * DJL block for {@link Layer.FrequencyGain}: each h × w plane of [n, c, h, w] is transformed by the
 * 2-D discrete Fourier transform, multiplied by its ring's gain at every frequency, and transformed back.
 *
 * <p>The transforms are products with cosine and sine matrices (X = F_h·x·F_w with F = C - i·S, and back
 * with the conjugates), in real arithmetic: DJL has no complex tensors, the products cost h·w·(h + w) per
 * plane, and autograd runs through them, so the block trains like any other. The parameter {@code gain}
 * starts at ones, where the block returns its input.
 */
final class FrequencyGainBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int rings;
    private final Parameter gain;

    FrequencyGainBlock(int rings) {
        super(VERSION);
        this.rings = rings;
        // GAMMA initialises to ones: the identity filter
        gain = addParameter(Parameter.builder().setName("gain").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(rings)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(filter(x, store.getValue(gain, x.getDevice(), training)));
    }

    /** {@code x} [n, c, h, w] with every plane's frequencies on ring r multiplied by {@code gain[r]}. */
    static NDArray filter(NDArray x, NDArray gain) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("a frequency gain takes [n, c, h, w], got " + s);
        }
        int h = Math.toIntExact(s.get(2));
        int w = Math.toIntExact(s.get(3));
        if (gain.size() != FrequencyRings.count(h, w)) {
            throw new IllegalArgumentException(gain.size() + " gains for " + h + " x " + w + " images, which have "
                    + FrequencyRings.count(h, w) + " rings");
        }
        NDManager m = x.getManager();
        NDArray ch = cos(m, h);
        NDArray sh = sin(m, h);
        NDArray cw = cos(m, w);
        NDArray sw = sin(m, w);
        NDArray gains = ringMembership(m, h, w).matMul(gain.reshape(-1, 1)).reshape(h, w);
        // forward: X = (C_h - iS_h) x (C_w - iS_w) = A + iB
        NDArray xc = x.matMul(cw);
        NDArray xs = x.matMul(sw);
        NDArray a = ch.matMul(xc).sub(sh.matMul(xs)).mul(gains);
        NDArray b = sh.matMul(xc).add(ch.matMul(xs)).neg().mul(gains);
        // back: Re[(C_h + iS_h)(A + iB)(C_w + iS_w)] / (h·w), the gain applied to A and B
        NDArray right = ch.matMul(a.matMul(cw).sub(b.matMul(sw)));
        NDArray left = sh.matMul(a.matMul(sw).add(b.matMul(cw)));
        return right.sub(left).div((float) h * w);
    }

    private static NDArray cos(NDManager m, int n) {
        return m.create(floats(FrequencyRings.dftMatrix(n, true)), new Shape(n, n));
    }

    private static NDArray sin(NDManager m, int n) {
        return m.create(floats(FrequencyRings.dftMatrix(n, false)), new Shape(n, n));
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** [h·w, rings]: 1 where frequency (u, v) lies on the ring, so that its product with the gains maps them. */
    private static NDArray ringMembership(NDManager m, int h, int w) {
        int count = FrequencyRings.count(h, w);
        int[] index = FrequencyRings.ringIndex(h, w);
        float[] member = new float[h * w * count];
        for (int f = 0; f < index.length; f++) {
            member[f * count + index[f]] = 1;
        }
        return m.create(member, new Shape((long) h * w, count));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    public String toString() {
        return "FrequencyGain(" + rings + ")";
    }
}
