package io.lgc.artifact;

import io.lgc.gmm.GaussianMixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contents of an .lgc file: metadata, one mixture per class, and the decoder's weights. */
public record CompressedDataset(ArtifactMetadata metadata, List<GaussianMixture> mixtures,
        Map<String, float[]> decoderWeights) {
    public CompressedDataset {
        mixtures = List.copyOf(mixtures);
        decoderWeights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(decoderWeights));
        if (mixtures.size() != metadata.numClasses()) {
            throw new IllegalArgumentException(metadata.numClasses() + " classes but " + mixtures.size()
                    + " mixtures");
        }
        for (GaussianMixture m : mixtures) {
            if (m.dimension() != metadata.latentDim()) {
                throw new IllegalArgumentException("mixture of dimension " + m.dimension()
                        + " in a latent space of dimension " + metadata.latentDim());
            }
        }
    }

    /** The same dataset, its full covariances to be stored at {@code rank} ({@link ArtifactMetadata#withCovarianceRank}). */
    public CompressedDataset withCovarianceRank(int rank) {
        return new CompressedDataset(metadata.withCovarianceRank(rank), mixtures, decoderWeights);
    }

    /** The same dataset recommending that receivers draw at {@code spread} ({@link ArtifactMetadata#withDrawSpread}). */
    public CompressedDataset withDrawSpread(double spread) {
        return new CompressedDataset(metadata.withDrawSpread(spread), mixtures, decoderWeights);
    }
}
