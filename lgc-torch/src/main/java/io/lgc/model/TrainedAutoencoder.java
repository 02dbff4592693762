package io.lgc.model;

import io.lgc.network.NetworkSpec;
import io.lgc.network.AutoencoderSpec;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.lgc.data.LabelledData;
import java.util.List;
import java.util.Map;

/** A trained autoencoder: encodes datasets into latents and hands out its decoder's weights. */
public final class TrainedAutoencoder implements LatentCodec {
    private static final int ENCODE_BATCH = 512;

    private final Model model;
    private final AutoencoderSpec spec;
    private final SequentialBlock encoder;
    private final SequentialBlock decoder;
    private final List<EpochLosses> history;

    TrainedAutoencoder(Model model, AutoencoderSpec spec, SequentialBlock encoder, SequentialBlock decoder,
            List<EpochLosses> history) {
        this.model = model;
        this.spec = spec;
        this.encoder = encoder;
        this.decoder = decoder;
        this.history = List.copyOf(history);
    }

    public AutoencoderSpec spec() {
        return spec;
    }

    @Override
    public int latentDim() {
        return spec.latentDim();
    }

    @Override
    public NetworkSpec decoder() {
        return spec.decoder();
    }

    @Override
    public List<EpochLosses> history() {
        return history;
    }

    @Override
    public double[][] encode(LabelledData data) {
        int k = spec.latentDim();
        double[][] latents = new double[data.size()][k];
        int[] order = Batches.identity(data.size());
        for (int from = 0; from < data.size(); from += ENCODE_BATCH) {
            int to = Math.min(data.size(), from + ENCODE_BATCH);
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray z = Networks.predict(encoder, Batches.inputs(batch, data, order, from, to));
                float[] values = z.toFloatArray();
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < k; j++) {
                        latents[i][j] = values[(i - from) * k + j];
                    }
                }
            }
        }
        return latents;
    }

    @Override
    public Map<String, float[]> decoderWeights() {
        return Networks.exportWeights(decoder, spec.decoder());
    }

    /** The encoder's weights by parameter name of {@code spec().encoder()}: to rebuild it elsewhere. */
    public Map<String, float[]> encoderWeights() {
        return Networks.exportWeights(encoder, spec.encoder());
    }

    @Override
    public void close() {
        model.close();
    }
}
