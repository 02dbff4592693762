package io.lgc.pipeline;

import io.lgc.artifact.SampleFormat;
import io.lgc.data.LabelledData;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.LatentCodec;

/**
 * The first half of compression ({@link Compressor#fitCodec}): how samples are stored, and the
 * encoder–decoder trained on them. Close it to release the networks.
 *
 * @param format      the artifact's sample format (a table's feature scaling included)
 * @param input       the training data as the codec sees it (a table standardised)
 * @param autoencoder the autoencoder configuration as it applied to the data
 * @param times       wall time of the stages so far
 */
public record FittedCodec(SampleFormat format, LabelledData input, AutoencoderConfig autoencoder, LatentCodec codec,
        StageTimes times) implements AutoCloseable {
    @Override
    public void close() {
        codec.close();
    }
}
