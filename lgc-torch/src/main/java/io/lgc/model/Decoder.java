package io.lgc.model;

import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.DecoderArithmetic;
import io.lgc.network.NetworkSpec;
import io.lgc.network.Layer;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.Arrays;
import java.util.Map;

/**
 * A decoder rebuilt from its spec and weights, mapping latent vectors to samples in [0, 1].
 *
 * <p>{@link #decode} runs the network on at most {@link #rowsPerPass()} latents at a time, so
 * that no activation of a pass exceeds {@link #ACTIVATION_BUDGET_BYTES}. A larger buffer crosses
 * glibc's ceiling for heap allocations (32 MiB): it is then mapped fresh for every layer and
 * unmapped after it, and the kernel faults in and zeroes every page again on every pass.
 * Decoding 1,000 Fashion-MNIST samples in one pass (100 MB activations) spent most of its time
 * so, several times slower than 200 at a time (see bench/results/reconstruct-speed.txt).
 *
 * <p>Passes hold a multiple of {@link #ROW_ALIGNMENT} rows (all but the last): libtorch's CPU
 * kernels give an odd row at the end of a thread's share slightly different rounding, so aligned
 * passes reproduce what one pass over the whole request computes, bit for bit (checked on this
 * libtorch and CPU for 1,000 rows in passes of 200).
 *
 * <p>A file's decoder is computed with the {@link DecoderArithmetic} its header records, so that a
 * later version decodes a file to the bits the version that wrote it gave (on the same engine and
 * CPU); networks still in training decode {@link DecoderArithmetic#LAYERWISE}, as they train.
 */
public final class Decoder implements AutoCloseable {
    /** Largest activation one pass may produce; below glibc's 32 MiB mmap ceiling, with room. */
    static final long ACTIVATION_BUDGET_BYTES = 24L << 20;
    /** Rows per pass are a multiple of this, when the budget allows that many. */
    static final int ROW_ALIGNMENT = 8;

    private final Model model;
    private final NetworkSpec spec;
    private final SequentialBlock block;
    private final int rowsPerPass;

    private Decoder(Model model, NetworkSpec spec, SequentialBlock block, long activationBudgetBytes) {
        this.model = model;
        this.spec = spec;
        this.block = block;
        this.rowsPerPass = rowsPerPass(spec, activationBudgetBytes);
    }

    /** A file's decoder, computed as its header says. */
    public static Decoder load(ArtifactMetadata metadata, Map<String, float[]> weights) {
        return load(metadata.decoder(), weights, metadata.decoderArithmetic());
    }

    /** A network's decoder, its layers computed one by one, as in training. */
    public static Decoder load(NetworkSpec spec, Map<String, float[]> weights) {
        return load(spec, weights, DecoderArithmetic.LAYERWISE);
    }

    public static Decoder load(NetworkSpec spec, Map<String, float[]> weights, DecoderArithmetic arithmetic) {
        return load(spec, weights, arithmetic, ACTIVATION_BUDGET_BYTES);
    }

    static Decoder load(NetworkSpec spec, Map<String, float[]> weights, DecoderArithmetic arithmetic,
            long activationBudgetBytes) {
        Engines.pytorch();
        Model model = Model.newInstance("decoder");
        try {
            SequentialBlock block = Networks.build(spec);
            model.setBlock(block);
            Networks.initialize(block, spec, model.getNDManager());
            Networks.importWeights(block, spec, weights);
            SequentialBlock prediction = arithmetic == DecoderArithmetic.FUSED
                    ? FusedLayers.of(spec, block, weights, model.getNDManager()) : block;
            return new Decoder(model, spec, prediction, activationBudgetBytes);
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

    /** The most latents one forward pass takes; {@link #decode} splits larger requests. */
    public int rowsPerPass() {
        return rowsPerPass;
    }

    /** Decodes {@code n} latents laid out row-major in {@code latents}; returns n × sampleSize values. */
    public float[] decode(float[] latents, int n) {
        int dim = latentDim();
        if (n < 0 || (long) n * dim > latents.length) {
            throw new IllegalArgumentException(n + " latents of dimension " + dim + " requested from "
                    + latents.length + " values");
        }
        int size = sampleSize();
        float[] out = new float[Math.multiplyExact(n, size)];
        int step = passLength(n, rowsPerPass);
        for (int done = 0; done < n; done += step) {
            int rows = Math.min(step, n - done);
            // One manager per pass: DJL frees a pass's intermediate arrays only when it closes.
            try (NDManager batch = model.getNDManager().newSubManager()) {
                float[] part = Arrays.copyOfRange(latents, done * dim, (done + rows) * dim);
                float[] decoded = Networks.predict(block, batch.create(part, new Shape(rows, dim))).toFloatArray();
                System.arraycopy(decoded, 0, out, done * size, decoded.length);
            }
        }
        return out;
    }

    /**
     * How many samples keep every activation of one pass within {@code budgetBytes}: a multiple
     * of {@link #ROW_ALIGNMENT} when at least that many fit, else as many as fit, and at least 1.
     */
    static int rowsPerPass(NetworkSpec spec, long budgetBytes) {
        long rows = Math.min(Integer.MAX_VALUE, budgetBytes / (largestActivation(spec) * Float.BYTES));
        return (int) (rows >= ROW_ALIGNMENT ? rows - rows % ROW_ALIGNMENT : Math.max(1, rows));
    }

    /** The most values any layer's input or output holds for one sample. */
    static long largestActivation(NetworkSpec spec) {
        long[] shape = spec.inputShape();
        long largest = Layer.product(shape);
        for (Layer layer : spec.layers()) {
            shape = layer.outputShape(shape);
            largest = Math.max(largest, Layer.product(shape));
        }
        return largest;
    }

    /**
     * Rows per pass for a request of {@code n}: as few passes as {@code maxRows} allows, of about
     * equal length (1,000 rows at most 248 -> 5 x 200, not 4 x 248 + 8), aligned when maxRows is.
     */
    static int passLength(int n, int maxRows) {
        if (n <= maxRows) {
            return Math.max(1, n);
        }
        int passes = (n + maxRows - 1) / maxRows;
        int even = (n + passes - 1) / passes;
        if (maxRows % ROW_ALIGNMENT != 0) {
            return even;
        }
        return Math.min(maxRows, (even + ROW_ALIGNMENT - 1) / ROW_ALIGNMENT * ROW_ALIGNMENT);
    }

    @Override
    public void close() {
        model.close();
    }
}
