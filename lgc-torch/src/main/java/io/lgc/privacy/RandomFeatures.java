package io.lgc.privacy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.model.Batches;
import io.lgc.model.Engines;
import io.lgc.model.Networks;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The audit's feature space: the penultimate features of a randomly initialised ConvNet (3×3
 * convolution to 32 channels, ReLU, 2×2 max pool, 3×3 convolution to 16 channels, ReLU, 2×2 max pool,
 * flattened: 16 · (h/4) · (w/4) values, 784 for 28×28). Untrained, so it needs no data and no time,
 * and nothing in it was fitted to the records it compares; random convolutional features still
 * group images by local structure (edges, strokes, textures) rather than by single pixels, so a
 * sample that copies a record's shapes but not its exact pixels sits close to it here. The weights
 * are drawn He-normal from the seed, biases zero.
 */
final class RandomFeatures implements AutoCloseable {
    static final int FIRST = 32;
    static final int SECOND = 16;
    private static final int BATCH = 512;

    private final NDManager manager;
    private final SequentialBlock block;
    private final int dim;

    private RandomFeatures(NDManager manager, SequentialBlock block, int dim) {
        this.manager = manager;
        this.block = block;
        this.dim = dim;
    }

    /** Whether images of this shape are large enough for the two poolings. */
    static boolean applies(ImageShape shape) {
        return shape.height() >= 4 && shape.width() >= 4;
    }

    static NetworkSpec spec(ImageShape shape) {
        long flat = (long) SECOND * (shape.height() / 4) * (shape.width() / 4);
        return new NetworkSpec(new long[] {shape.channels(), shape.height(), shape.width()}, List.of(
                new Layer.Conv2d(shape.channels(), FIRST, 3, 1, 1), new Layer.Relu(), new Layer.MaxPool(2),
                new Layer.Conv2d(FIRST, SECOND, 3, 1, 1), new Layer.Relu(), new Layer.MaxPool(2),
                new Layer.Reshape(new long[] {flat})));
    }

    static RandomFeatures of(ImageShape shape, long seed) {
        NetworkSpec spec = spec(shape);
        Engines.pytorch();
        NDManager manager = NDManager.newBaseManager();
        SequentialBlock block = Networks.build(spec);
        Networks.initialize(block, spec, manager);
        Networks.importWeights(block, spec, heNormal(spec, seed));
        return new RandomFeatures(manager, block, (int) spec.outputShape()[0]);
    }

    /** He-normal weights (variance 2 / fan-in) and zero biases, for every parameter of {@code spec}. */
    static Map<String, float[]> heNormal(NetworkSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> out = new HashMap<>();
        spec.parameterShapes().forEach((name, shape) -> {
            long size = 1;
            for (long s : shape) {
                size *= s;
            }
            float[] w = new float[(int) size];
            if (name.endsWith("weight")) {
                double fanIn = (double) size / shape[0];
                double sd = Math.sqrt(2 / fanIn);
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (sd * random.nextGaussian());
                }
            }
            out.put(name, w);
        });
        return out;
    }

    int dim() {
        return dim;
    }

    /** The features of every image, row after row. */
    Rows features(Dataset images) {
        float[] out = new float[images.size() * dim];
        int[] order = Batches.identity(images.size());
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            try (NDManager batch = manager.newSubManager()) {
                float[] f = Networks.predict(block, Batches.images(batch, images, order, from, to)).toFloatArray();
                System.arraycopy(f, 0, out, from * dim, f.length);
            }
        }
        return Rows.of(out, dim);
    }

    @Override
    public void close() {
        manager.close();
    }
}
