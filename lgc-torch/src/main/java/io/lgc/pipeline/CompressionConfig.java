package io.lgc.pipeline;

import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.DecoderTuning;
import java.util.Objects;

/**
 * Everything that decides what `lgc compress` produces, besides the data.
 *
 * @param tuning fine-tuning of an autoencoder's decoder on mixture samples after the mixtures are
 *     fitted ({@link DecoderTuning#OFF} by default)
 */
public record CompressionConfig(DecoderKind decoder, AutoencoderConfig autoencoder, MixtureSettings mixtures,
        long seed, DecoderTuning tuning) {
    public CompressionConfig {
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(autoencoder, "autoencoder");
        Objects.requireNonNull(mixtures, "mixtures");
        Objects.requireNonNull(tuning, "tuning");
    }

    /** Without decoder tuning. */
    public CompressionConfig(DecoderKind decoder, AutoencoderConfig autoencoder, MixtureSettings mixtures, long seed) {
        this(decoder, autoencoder, mixtures, seed, DecoderTuning.OFF);
    }

    /** The autoencoder method. */
    public CompressionConfig(AutoencoderConfig autoencoder, MixtureSettings mixtures, long seed) {
        this(DecoderKind.AUTOENCODER, autoencoder, mixtures, seed);
    }

    /** The same settings with another kind of decoder. */
    public CompressionConfig withDecoder(DecoderKind kind) {
        return new CompressionConfig(kind, autoencoder, mixtures, seed, tuning);
    }

    /** The same settings with the decoder tuned (or not) on mixture samples. */
    public CompressionConfig withTuning(DecoderTuning other) {
        return new CompressionConfig(decoder, autoencoder, mixtures, seed, other);
    }

    /**
     * The same settings under another seed: the compression's own ({@link #seed}) and the autoencoder's training
     * seed both become {@code other}, as {@code lgc compress --seed} sets them together.
     */
    public CompressionConfig withSeed(long other) {
        return new CompressionConfig(decoder, autoencoder.withTraining(autoencoder.fit().withSeed(other),
                autoencoder.featureMatching()), mixtures, other, tuning);
    }

    /** The same settings with other mixtures. */
    public CompressionConfig withMixtures(MixtureSettings other) {
        return new CompressionConfig(decoder, autoencoder, other, seed, tuning);
    }

    /**
     * What a user who sets nothing gets for {@code data}, as {@code lgc compress} decides it: the
     * decoder {@link DecoderKind#auto} picks (a PCA basis for a small image set); for a table a
     * latent dimension no larger than its features and enough epochs for its few batches (and no
     * feature matching, see {@link AutoencoderConfig#forData}). {@link #withDecoder} changes the decoder.
     */
    public static CompressionConfig defaultsFor(io.lgc.data.LabelledData data, long seed) {
        AutoencoderConfig base = AutoencoderConfig.defaults(seed);
        int epochs = AutoencoderConfig.defaultEpochs(data, base.fit().batchSize());
        AutoencoderConfig ae = base.withLatentDim(AutoencoderConfig.defaultLatentDim(data))
                .withTraining(new io.lgc.model.FitConfig(epochs, base.fit().batchSize(), base.fit().learningRate(), seed),
                        base.featureMatching())
                .forData(data);
        return new CompressionConfig(DecoderKind.auto(data), ae, defaults(seed).mixtures(), seed);
    }

    /** What a user who sets nothing gets. */
    public static CompressionConfig defaults(long seed) {
        return new CompressionConfig(DecoderKind.AUTOENCODER, AutoencoderConfig.defaults(seed),
                MixtureSettings.fixed(MixtureSettings.DEFAULT_COMPONENTS, CovarianceType.FULL,
                        MixtureSettings.DEFAULT_N_INIT), seed);
    }
}
