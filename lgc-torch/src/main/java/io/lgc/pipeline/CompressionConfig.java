package io.lgc.pipeline;

import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import java.util.Objects;

/** Everything that decides what `lgc compress` produces, besides the data. */
public record CompressionConfig(DecoderKind decoder, AutoencoderConfig autoencoder, MixtureSettings mixtures,
        long seed) {
    public CompressionConfig {
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(autoencoder, "autoencoder");
        Objects.requireNonNull(mixtures, "mixtures");
    }

    /** The autoencoder method. */
    public CompressionConfig(AutoencoderConfig autoencoder, MixtureSettings mixtures, long seed) {
        this(DecoderKind.AUTOENCODER, autoencoder, mixtures, seed);
    }

    /** The same settings with another kind of decoder. */
    public CompressionConfig withDecoder(DecoderKind kind) {
        return new CompressionConfig(kind, autoencoder, mixtures, seed);
    }

    /** The same settings with other mixtures. */
    public CompressionConfig withMixtures(MixtureSettings other) {
        return new CompressionConfig(decoder, autoencoder, other, seed);
    }

    /** What a user who sets nothing gets. */
    public static CompressionConfig defaults(long seed) {
        return new CompressionConfig(DecoderKind.AUTOENCODER, AutoencoderConfig.defaults(seed),
                MixtureSettings.fixed(MixtureSettings.DEFAULT_COMPONENTS, CovarianceType.FULL,
                        MixtureSettings.DEFAULT_N_INIT), seed);
    }
}
