package io.lgc.spark;

import io.lgc.InputException;
import io.lgc.Numbers;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.pipeline.DecoderGrid;
import io.lgc.pipeline.DecoderKind;
import io.lgc.pipeline.MixtureSettings;
import java.util.Objects;

/**
 * How {@link LgcSpark#compress} reads a table and what it makes of it. Settings left at 0 or null
 * take the value {@code lgc compress} would choose for the training sample
 * ({@link CompressionConfig#defaultsFor}).
 *
 * @param columns         which columns hold the label and the image or features
 * @param samplePerClass  records per class drawn (seeded, at random) to train the autoencoder on one
 *                        machine; classes with fewer give all theirs
 * @param seed            seeds the sample, the training, the mixtures' initialisation
 * @param latentDim       latent dimension, 0 for the default
 * @param epochs          autoencoder epochs, 0 for the default
 * @param mixtures        components and covariance type per class, null for the default
 * @param featureWeight   weight of the feature-matching loss (images only), 0 to train on pixel loss
 *                        alone, null for the default
 * @param sourceName      how the artifact's provenance names the data
 * @param compression     every compression setting at once (its seed included), or null for the
 *                        defaults and the settings here
 * @param width           the convolutional autoencoder's filters (a multiple of 16), 0 for the default
 * @param stem            channels of the convolutional decoder's linear layer, widened by a convolution
 *                        ({@link AutoencoderConfig#stem()}), 0 for none (the default)
 * @param featureEpochs   the last epochs that match features (images only), null for the default
 * @param decoderGrid     the grid the caller will store the decoder on: its int8 layers are checked against the
 *                        decoder before it is trained, so that a wrong number costs the sample, not the training;
 *                        null for none to check
 */
public record SparkCompressConfig(InputColumns columns, int samplePerClass, long seed, int latentDim, int epochs,
        MixtureSettings mixtures, Double featureWeight, String sourceName, CompressionConfig compression, int width,
        int stem, Integer featureEpochs, DecoderGrid decoderGrid) {
    /** Records per class the autoencoder trains on by default: Fashion-MNIST's 6,000. */
    public static final int DEFAULT_SAMPLE_PER_CLASS = 6000;

    public SparkCompressConfig {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(sourceName, "sourceName");
        if (samplePerClass < 2) {
            throw new InputException("--sample-per-class must be at least 2, got " + samplePerClass);
        }
        if (latentDim < 0 || epochs < 0) {
            throw new InputException("--latent-dim and --epochs must be positive (or 0 for the default)");
        }
        requireFeatureWeight(featureWeight);
        if (width < 0 || width % 16 != 0) {
            throw new ParameterException(Parameter.WIDTH, " must be a positive multiple of 16 (or 0 for the default),"
                    + " got " + width);
        }
        if (stem < 0 || stem > AutoencoderConfig.MAX_STEM) {
            throw new ParameterException(Parameter.STEM, " must be 0 (no stem) to " + AutoencoderConfig.MAX_STEM
                    + ", got " + stem);
        }
        requireFeatureEpochs(featureEpochs, Integer.MAX_VALUE);
    }

    /**
     * Refuses feature-matching epochs below 0, or more than the autoencoder of images trains ({@code epochs}, or the
     * default when 0; the record itself, whose epochs may be set after, passes {@code Integer.MAX_VALUE}); null
     * (the default) passes. {@link #compressionFor} refuses them too, once Spark has drawn
     * the sample; a caller checks here first.
     */
    public static void requireFeatureEpochs(Integer featureEpochs, int epochs) {
        if (featureEpochs == null) {
            return;
        }
        if (featureEpochs < 0) {
            throw new ParameterException(Parameter.FEATURE_EPOCHS, " must be >= 0, got " + featureEpochs);
        }
        int trained = epochs > 0 ? epochs : AutoencoderConfig.DEFAULT_EPOCHS;
        if (featureEpochs > trained) {
            throw new ParameterException(Parameter.FEATURE_EPOCHS, " (" + featureEpochs + ") cannot exceed ",
                    Parameter.EPOCHS, " (" + trained + (epochs > 0 ? "" : ", the default") + ")");
        }
    }

    /** Refuses a feature-matching weight below 0 or not finite; null (the default) passes. */
    public static void requireFeatureWeight(Double weight) {
        if (weight != null && !(weight >= 0 && Double.isFinite(weight))) {
            throw new ParameterException(Parameter.FEATURE_WEIGHT, " must be 0 or more, got " + Numbers.plain(weight));
        }
    }

    /** The defaults for a table with these columns. */
    public static SparkCompressConfig defaults(InputColumns columns) {
        return new SparkCompressConfig(columns, DEFAULT_SAMPLE_PER_CLASS, 1, 0, 0, null, null, "spark", null, 0, 0,
                null, null);
    }

    public SparkCompressConfig withSamplePerClass(int n) {
        return new SparkCompressConfig(columns, n, seed, latentDim, epochs, mixtures, featureWeight, sourceName,
                compression, width, stem, featureEpochs, decoderGrid);
    }

    public SparkCompressConfig withSeed(long value) {
        return new SparkCompressConfig(columns, samplePerClass, value, latentDim, epochs, mixtures, featureWeight,
                sourceName, compression, width, stem, featureEpochs, decoderGrid);
    }

    public SparkCompressConfig withLatentDim(int dim) {
        return new SparkCompressConfig(columns, samplePerClass, seed, dim, epochs, mixtures, featureWeight,
                sourceName, compression, width, stem, featureEpochs, decoderGrid);
    }

    public SparkCompressConfig withEpochs(int n) {
        return new SparkCompressConfig(columns, samplePerClass, seed, latentDim, n, mixtures, featureWeight,
                sourceName, compression, width, stem, featureEpochs, decoderGrid);
    }

    public SparkCompressConfig withMixtures(MixtureSettings settings) {
        return new SparkCompressConfig(columns, samplePerClass, seed, latentDim, epochs, settings, featureWeight,
                sourceName, compression, width, stem, featureEpochs, decoderGrid);
    }

    /** The feature-matching weight (images only); 0 turns feature matching off. */
    public SparkCompressConfig withFeatureWeight(double weight) {
        return new SparkCompressConfig(columns, samplePerClass, seed, latentDim, epochs, mixtures, weight, sourceName,
                compression, width, stem, featureEpochs, decoderGrid);
    }

    /** The convolutional autoencoder's filters, a multiple of 16 (0: the default). */
    public SparkCompressConfig withWidth(int filters) {
        return new SparkCompressConfig(columns, samplePerClass, seed, latentDim, epochs, mixtures, featureWeight,
                sourceName, compression, filters, stem, featureEpochs, decoderGrid);
    }

    /** The convolutional decoder's stem of {@code channels} (0: none). */
    public SparkCompressConfig withStem(int channels) {
        return new SparkCompressConfig(columns, samplePerClass, seed, latentDim, epochs, mixtures, featureWeight,
                sourceName, compression, width, channels, featureEpochs, decoderGrid);
    }

    /** Feature matching in the last {@code n} epochs (images only); 0 turns it off. */
    public SparkCompressConfig withFeatureEpochs(int n) {
        return new SparkCompressConfig(columns, samplePerClass, seed, latentDim, epochs, mixtures, featureWeight,
                sourceName, compression, width, stem, n, decoderGrid);
    }

    /** The grid the caller will store the decoder on, whose int8 layers {@link #compressionFor} checks. */
    public SparkCompressConfig withDecoderGrid(DecoderGrid grid) {
        return new SparkCompressConfig(columns, samplePerClass, seed, latentDim, epochs, mixtures, featureWeight,
                sourceName, compression, width, stem, featureEpochs, grid);
    }

    public SparkCompressConfig withSourceName(String name) {
        return new SparkCompressConfig(columns, samplePerClass, seed, latentDim, epochs, mixtures, featureWeight,
                name, compression, width, stem, featureEpochs, decoderGrid);
    }

    /** These settings with every compression setting given at once. */
    public SparkCompressConfig withCompression(CompressionConfig config) {
        return new SparkCompressConfig(columns, samplePerClass, config.seed(), latentDim, epochs, mixtures,
                featureWeight, sourceName, config, width, stem, featureEpochs, decoderGrid);
    }

    /**
     * Refuses, for the table {@code source}, the settings that shape a convolutional autoencoder or its feature
     * matching, which apply to images only: a caller that knows the input is a table checks before Spark starts.
     */
    public void requireImageOptions(String source) {
        if (width > 0 || stem > 0) {
            throw new ParameterException(source + ": a table; ", width > 0 ? Parameter.WIDTH : Parameter.STEM,
                    " shapes the convolutional autoencoder and applies to images only");
        }
        if (featureWeight != null && featureWeight > 0 || featureEpochs != null && featureEpochs > 0) {
            throw new ParameterException(source + ": a table; feature matching (",
                    featureWeight != null && featureWeight > 0 ? Parameter.FEATURE_WEIGHT : Parameter.FEATURE_EPOCHS,
                    ") compares a CNN's features of images and applies to images only");
        }
    }

    /**
     * The compression settings for the training sample: {@code lgc compress}'s defaults, then these; the decoder
     * grid's int8 layers checked against the decoder they will train, before it is trained.
     */
    CompressionConfig compressionFor(LabelledData sample) {
        CompressionConfig settings = compression != null ? compression : derivedFor(sample);
        if (decoderGrid != null && decoderGrid.isMixed()) {
            if (settings.decoder() != DecoderKind.AUTOENCODER) {
                throw new ParameterException(Parameter.INT8_LAYERS, " keeps layers of the autoencoder's decoder at"
                        + " int8; the " + settings.decoder().cliName() + " decoder is one layer");
            }
            decoderGrid.requireWeightedLayers(settings.autoencoder().forData(sample).spec(sample.layout()).decoder());
        }
        return settings;
    }

    /** {@code lgc compress}'s defaults for {@code sample}, then these settings. */
    private CompressionConfig derivedFor(LabelledData sample) {
        if (sample instanceof Table) {
            requireImageOptions(sourceName);
        }
        CompressionConfig base = CompressionConfig.defaultsFor(sample, seed);
        AutoencoderConfig ae = base.autoencoder();
        if (latentDim > 0 || width > 0 || stem > 0) {
            ae = ae.withNetwork(latentDim > 0 ? latentDim : ae.latentDim(), width > 0 ? width : ae.width(),
                    stem > 0 ? stem : ae.stem());
        }
        if (epochs > 0 || featureWeight != null || featureEpochs != null) {
            FitConfig fit = ae.fit();
            int e = epochs > 0 ? epochs : fit.epochs();
            FeatureMatching matching = ae.featureMatching();
            // as lgc compress: feature matching runs in the last epochs, by default no more than there are
            matching = new FeatureMatching(featureWeight != null ? featureWeight : matching.weight(),
                    featureEpochs != null ? featureEpochs : Math.min(matching.epochs(), e), matching.teacherEpochs(),
                    matching.teacherWidth());
            ae = ae.withTraining(fit.withEpochs(e), matching);
        }
        // the sample stands for the whole input, whose size the autoencoder is there for: never the small-data basis
        return new CompressionConfig(DecoderKind.AUTOENCODER, ae, mixtures == null ? base.mixtures() : mixtures, seed);
    }
}
