package io.lgc.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A variational autoencoder's sampling step between encoder and decoder, in training only: the encoder's output
 * μ is the mean of a Gaussian with a learned variance σ² per latent coordinate, shared by every sample, and the
 * decoder gets z = μ + σ·ε. Beside it, the KL divergence of that Gaussian from N(0, I),
 * ½ Σ (μ² + σ² − log σ² − 1), averaged over the batch and scaled by {@code weight} per value of the decoder's
 * output, is kept for the loss to add ({@link #takePenalty}).
 *
 * <p>Why: the receiver decodes draws of the mixtures, which fall between the encoder's outputs. Noise alone lets
 * the encoder escape it by spreading its outputs apart (latent noise scaled by the batch's spread did: heavy tails,
 * variances up to 10⁸: README, *Where the loss is*); the KL term holds μ near the origin and keeps σ from zero, so
 * that the decoder learns a neighbourhood around every training latent. How firmly depends on the weight: at 0.01
 * on Fashion-MNIST σ kept shrinking with the latents all through training (bench/results/kl-weight.md). One
 * variance a coordinate rather than one a sample keeps the encoder, which is not shipped, as it is; the mixtures
 * are fitted to μ.
 *
 * <p>The penalty is handed over through this block because DJL's sequential block passes one array on: the loss is
 * computed right after the forward pass, on the same thread ({@link MiniBatchLoop}). At prediction the block is the
 * identity and keeps nothing.
 */
final class VariationalBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    /** log σ² the training starts from: σ ≈ 0.14, small beside latents of order one, near a plain autoencoder. */
    static final float START_LOG_VARIANCE = -4f;

    private final float weightPerValue;
    private final Parameter logVariance;
    private NDArray penalty;

    /**
     * @param latentDim the latent coordinates, each with its own variance
     * @param weight the KL term's weight against a reconstruction loss averaged over values
     * @param valuesPerSample values of one decoded sample, over which the reconstruction loss is averaged: the KL
     *     divergence of one sample is divided by them, so that {@code weight} 1 is a VAE's evidence bound
     */
    VariationalBlock(int latentDim, double weight, long valuesPerSample) {
        super(VERSION);
        if (!(weight > 0 && Double.isFinite(weight)) || valuesPerSample <= 0) {
            throw new IllegalArgumentException("a KL weight above 0 over a positive number of values, got " + weight
                    + " over " + valuesPerSample);
        }
        this.weightPerValue = (float) (weight / valuesPerSample);
        // BETA parameters start at zeros: the offset START_LOG_VARIANCE is added in forward
        logVariance = addParameter(Parameter.builder().setName("logVariance").setType(Parameter.Type.BETA)
                .optShape(new Shape(latentDim)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray mu = inputs.singletonOrThrow();
        if (!training) {
            return new NDList(mu);
        }
        NDArray logVar = store.getValue(logVariance, mu.getDevice(), true).add(START_LOG_VARIANCE).reshape(1, -1);
        NDArray eps = mu.getManager().randomNormal(mu.getShape(), mu.getDataType());
        penalty = klDivergence(mu, logVar).mul(weightPerValue);
        return new NDList(mu.add(eps.mul(logVar.mul(0.5f).exp())));
    }

    /** ½ Σ (μ² + σ² − log σ² − 1) over the coordinates, averaged over the rows of {@code mu}: a scalar. */
    static NDArray klDivergence(NDArray mu, NDArray logVar) {
        NDArray meanSquares = mu.square().sum(new int[] {1}).mean();
        return meanSquares.add(logVar.exp().sub(logVar).sub(1f).sum()).mul(0.5f);
    }

    /** The weighted KL divergence of the last training pass, handed over once; null when there is none. */
    NDArray takePenalty() {
        NDArray taken = penalty;
        penalty = null;
        return taken;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return inputs;
    }

    @Override
    public String toString() {
        return "Variational(" + logVariance.getShape() + ")";
    }
}
