package io.lgc.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Gaussian noise on the latents between encoder and decoder, in training only: each latent
 * coordinate moves by {@code scale} times that coordinate's standard deviation over the batch.
 *
 * <p>The receiver decodes mixture samples, which fall near the training latents but not on them; a
 * decoder that has only seen the encoder's exact outputs has never been asked what lies between
 * them. Scaling the noise by the batch's own spread keeps it meaningful whatever scale the encoder
 * settles on: an absolute amount could be outgrown by simply making the latents larger. The spread is
 * taken without gradient, so the noise pushes nothing through it. At prediction the block is the
 * identity, so what is encoded for the mixtures and what is shipped are untouched.
 */
final class LatentNoiseBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final float scale;

    LatentNoiseBlock(double scale) {
        super(VERSION);
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("latent noise must be positive, got " + scale);
        }
        this.scale = (float) scale;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray z = inputs.singletonOrThrow();
        if (!training || z.getShape().get(0) < 2) {
            return new NDList(z); // one row has no spread to scale by
        }
        NDArray spread = spread(z).stopGradient();
        NDArray noise = z.getManager().randomNormal(z.getShape(), z.getDataType());
        return new NDList(z.add(noise.mul(spread).mul(scale)));
    }

    /** Standard deviation of each coordinate over the batch, shaped [1, k] to broadcast over rows. */
    static NDArray spread(NDArray z) {
        NDArray centred = z.sub(z.mean(new int[] {0}, true));
        return centred.square().mean(new int[] {0}, true).sqrt();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return inputs;
    }

    @Override
    public String toString() {
        return "LatentNoise(" + scale + ")";
    }
}
