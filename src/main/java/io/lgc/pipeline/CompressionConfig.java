package io.lgc.pipeline;

import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import java.util.Objects;

/** Everything that decides what `lgc compress` produces, besides the data. */
public record CompressionConfig(AutoencoderConfig autoencoder, MixtureSettings mixtures, long seed) {
    public CompressionConfig {
        Objects.requireNonNull(autoencoder, "autoencoder");
        Objects.requireNonNull(mixtures, "mixtures");
    }

    /** What a user who sets nothing gets. */
    public static CompressionConfig defaults(long seed) {
        return new CompressionConfig(AutoencoderConfig.defaults(seed),
                MixtureSettings.fixed(MixtureSettings.DEFAULT_COMPONENTS, CovarianceType.FULL,
                        MixtureSettings.DEFAULT_N_INIT), seed);
    }
}
