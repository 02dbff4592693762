package io.lgc.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.Map;

/** A decoder rebuilt from its spec and weights, mapping latent vectors to samples in [0, 1]. */
public final class Decoder implements AutoCloseable {
    private final Model model;
    private final NetworkSpec spec;
    private final SequentialBlock block;

    private Decoder(Model model, NetworkSpec spec, SequentialBlock block) {
        this.model = model;
        this.spec = spec;
        this.block = block;
    }

    public static Decoder load(NetworkSpec spec, Map<String, float[]> weights) {
        Engines.pytorch();
        Model model = Model.newInstance("decoder");
        try {
            SequentialBlock block = Networks.build(spec);
            model.setBlock(block);
            Networks.initialize(block, spec, model.getNDManager());
            Networks.importWeights(block, spec, weights);
            return new Decoder(model, spec, block);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public int latentDim() {
        return (int) spec.inputShape()[0];
    }

    /** Values per decoded sample. */
    public int sampleSize() {
        return (int) Layer.product(spec.outputShape());
    }

    /** Decodes {@code n} latents laid out row-major in {@code latents}; returns n × sampleSize values. */
    public float[] decode(float[] latents, int n) {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray z = batch.create(latents, new Shape(n, latentDim()));
            return Networks.predict(block, z).toFloatArray();
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
