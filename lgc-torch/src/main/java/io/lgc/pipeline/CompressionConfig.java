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

    /**
     * What a user who sets nothing gets for {@code data}, as {@code lgc compress} decides it: for a
     * table a latent dimension no larger than its features and enough epochs for its few batches
     * (and no feature matching, see {@link AutoencoderConfig#forData}).
     */
    public static CompressionConfig defaultsFor(io.lgc.data.LabelledData data, long seed) {
        AutoencoderConfig base = AutoencoderConfig.defaults(seed);
        int epochs = AutoencoderConfig.defaultEpochs(data, base.fit().batchSize());
        AutoencoderConfig ae = new AutoencoderConfig(AutoencoderConfig.defaultLatentDim(data), base.width(),
                new io.lgc.model.FitConfig(epochs, base.fit().batchSize(), base.fit().learningRate(), seed),
                base.validationFraction(), base.featureMatching()).forData(data);
        return new CompressionConfig(DecoderKind.AUTOENCODER, ae, defaults(seed).mixtures(), seed);
    }

    /** What a user who sets nothing gets. */
    public static CompressionConfig defaults(long seed) {
        return new CompressionConfig(DecoderKind.AUTOENCODER, AutoencoderConfig.defaults(seed),
                MixtureSettings.fixed(MixtureSettings.DEFAULT_COMPONENTS, CovarianceType.FULL,
                        MixtureSettings.DEFAULT_N_INIT), seed);
    }
}
