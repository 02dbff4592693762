package io.lgc.model;

import io.lgc.network.NetworkSpec;

import io.lgc.data.LabelledData;
import java.util.List;
import java.util.Map;

/**
 * What compression needs from a fitted encoder–decoder pair: latents for the mixtures, and a decoder
 * to ship. An autoencoder and a PCA basis are the two kinds.
 */
public interface LatentCodec extends AutoCloseable {
    int latentDim();

    /** Latent vectors of every sample, in dataset order. */
    double[][] encode(LabelledData data);

    /** The decoder as shipped: latent [k] → sample [c, h, w] (or [features] for a table). */
    NetworkSpec decoder();

    /** The decoder's weights by parameter name, as stored in an artifact. */
    Map<String, float[]> decoderWeights();

    /** Training and validation loss per epoch; empty for codecs fitted in closed form. */
    List<EpochLosses> history();

    @Override
    void close();
}
