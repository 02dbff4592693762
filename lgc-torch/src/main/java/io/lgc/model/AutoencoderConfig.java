package io.lgc.model;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.data.LabelledData;
import io.lgc.data.SampleLayout;
import io.lgc.data.Table;
import io.lgc.network.Architectures;
import io.lgc.network.AutoencoderSpec;

/**
 * What autoencoder to train and how.
 *
 * @param latentDim k, the size of the latent space the mixtures live in
 * @param width filters of the first encoder convolution (a multiple of 16)
 * @param stem channels of the convolutional decoder's linear layer, widened to 2 × width by a
 *     convolution ({@link Architectures#convAutoencoder(io.lgc.data.ImageShape, int, int, int)}), or
 *     {@link Architectures#NO_STEM}: the linear layer fills all 2 × width channels
 * @param validationFraction share of the training data held out to report validation loss
 * @param featureMatching the optional feature-matching term of the loss (images only)
 * @param model which network: convolutional, dense, or chosen by the data ({@link AutoencoderKind#AUTO})
 * @param latentNoise noise added to the latents in training, in units of each coordinate's spread over
 *     the batch, so that the decoder learns what lies near the encoder's outputs too (0: none;
 *     see {@code LatentNoiseBlock})
 * @param klWeight weight of a variational autoencoder's KL term against the reconstruction loss, per value of
 *     the output (0: a plain autoencoder; see {@code VariationalBlock})
 */
public record AutoencoderConfig(int latentDim, int width, int stem, FitConfig fit, double validationFraction,
        FeatureMatching featureMatching, AutoencoderKind model, double latentNoise, double klWeight) {
    public static final int DEFAULT_LATENT_DIM = 16;
    public static final int DEFAULT_WIDTH = 32;
    /** Largest decoder stem accepted, a bound far above any useful one (a stem is meant to be below 2 × width). */
    public static final int MAX_STEM = 4096;
    public static final int DEFAULT_EPOCHS = 8;
    public static final int DEFAULT_BATCH_SIZE = 128;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.05;
    public static final FeatureMatching DEFAULT_FEATURE_MATCHING = new FeatureMatching(0.1, 3, 2, 16);
    /**
     * Optimiser steps a table's autoencoder gets at least by default: a table of a few hundred rows
     * is a handful of batches an epoch, and eight epochs of it would leave the network untrained.
     */
    public static final int TABLE_MIN_STEPS = 1000;
    public static final int TABLE_MAX_EPOCHS = 500;
    /** Largest latent noise accepted: beyond a few spreads the decoder would learn only the class average. */
    public static final double MAX_LATENT_NOISE = 10;
    /** Largest KL weight accepted: at 1 the loss is a VAE's evidence bound, far beyond it the latents carry nothing. */
    public static final double MAX_KL_WEIGHT = 10;

    public AutoencoderConfig {
        if (latentDim <= 0 || latentDim > 4096) {
            throw new ParameterException(Parameter.LATENT_DIM, " must be in 1..4096, got " + latentDim);
        }
        if (width <= 0 || width % 16 != 0) {
            throw new ParameterException(Parameter.WIDTH, " must be a positive multiple of 16, got " + width);
        }
        if (stem < 0 || stem > MAX_STEM) {
            throw new ParameterException(Parameter.STEM, " must be " + Architectures.NO_STEM + " (no stem) to "
                    + MAX_STEM + ", got " + stem);
        }
        if (!(validationFraction >= 0 && validationFraction < 0.5)) {
            throw new InputException("validation fraction must be in [0, 0.5), got " + validationFraction);
        }
        java.util.Objects.requireNonNull(featureMatching, "featureMatching");
        java.util.Objects.requireNonNull(model, "model");
        if (!(latentNoise >= 0 && latentNoise <= MAX_LATENT_NOISE)) {
            throw new ParameterException(Parameter.LATENT_NOISE, " must be in 0.." + (int) MAX_LATENT_NOISE + ", got "
                    + latentNoise);
        }
        if (!(klWeight >= 0 && klWeight <= MAX_KL_WEIGHT)) {
            throw new ParameterException(Parameter.KL_WEIGHT, " must be in 0.." + (int) MAX_KL_WEIGHT + ", got "
                    + klWeight);
        }
        if (featureMatching.epochs() > fit.epochs()) {
            throw new ParameterException(Parameter.FEATURE_EPOCHS, " (" + featureMatching.epochs() + ") cannot exceed ",
                    Parameter.EPOCHS, " (" + fit.epochs() + ")");
        }
    }

    /** A plain autoencoder: no KL term. */
    public AutoencoderConfig(int latentDim, int width, int stem, FitConfig fit, double validationFraction,
            FeatureMatching featureMatching, AutoencoderKind model, double latentNoise) {
        this(latentDim, width, stem, fit, validationFraction, featureMatching, model, latentNoise, 0);
    }

    /** No latent noise, no KL term. */
    public AutoencoderConfig(int latentDim, int width, int stem, FitConfig fit, double validationFraction,
            FeatureMatching featureMatching, AutoencoderKind model) {
        this(latentDim, width, stem, fit, validationFraction, featureMatching, model, 0);
    }

    /** No decoder stem. */
    public AutoencoderConfig(int latentDim, int width, FitConfig fit, double validationFraction,
            FeatureMatching featureMatching, AutoencoderKind model) {
        this(latentDim, width, Architectures.NO_STEM, fit, validationFraction, featureMatching, model);
    }

    /** The automatic choice of network: convolutional for images, dense for tables; no decoder stem. */
    public AutoencoderConfig(int latentDim, int width, FitConfig fit, double validationFraction,
            FeatureMatching featureMatching) {
        this(latentDim, width, fit, validationFraction, featureMatching, AutoencoderKind.AUTO);
    }

    /**
     * What is actually trained on {@code data}: the network kind resolved, and for a table no
     * feature matching. The teacher whose features are matched is a CNN that looks at images; a
     * table row is no image, and the MSE on standardised features already weighs every column alike,
     * which is what feature matching buys images (their pixel loss lets small details go).
     */
    public AutoencoderConfig forData(LabelledData data) {
        boolean table = data instanceof Table;
        AutoencoderKind network = model.resolve(data.layout());
        // the dense network has no convolutional stem; what it trains is recorded, not what was asked
        return new AutoencoderConfig(latentDim, width, network == AutoencoderKind.DENSE ? Architectures.NO_STEM : stem,
                fit, validationFraction, table ? FeatureMatching.OFF : featureMatching, network, latentNoise, klWeight);
    }

    public AutoencoderConfig withLatentDim(int dim) {
        return withNetwork(dim, width, stem);
    }

    /** The same training for a network of another latent dimension, width and decoder stem. */
    public AutoencoderConfig withNetwork(int otherLatentDim, int otherWidth, int otherStem) {
        return new AutoencoderConfig(otherLatentDim, otherWidth, otherStem, fit, validationFraction, featureMatching,
                model, latentNoise, klWeight);
    }

    /** The same network trained with {@code otherFit} and {@code otherMatching}, which are checked together. */
    public AutoencoderConfig withTraining(FitConfig otherFit, FeatureMatching otherMatching) {
        return new AutoencoderConfig(latentDim, width, stem, otherFit, validationFraction, otherMatching, model,
                latentNoise, klWeight);
    }

    /** The same settings with {@code noise} on the latents in training. */
    public AutoencoderConfig withLatentNoise(double noise) {
        return new AutoencoderConfig(latentDim, width, stem, fit, validationFraction, featureMatching, model, noise,
                klWeight);
    }

    /** The same settings trained as a variational autoencoder whose KL term weighs {@code weight} (0: none). */
    public AutoencoderConfig withKlWeight(double weight) {
        return new AutoencoderConfig(latentDim, width, stem, fit, validationFraction, featureMatching, model,
                latentNoise, weight);
    }

    /** The network these settings train for the data's layout. */
    public AutoencoderSpec spec(SampleLayout layout) {
        return model.spec(layout, latentDim, width, stem);
    }

    /**
     * The latent dimension used when none is given: {@value #DEFAULT_LATENT_DIM}, but no more than a
     * table has features (a wider latent space would only hold copies of them).
     */
    public static int defaultLatentDim(LabelledData data) {
        return data instanceof Table ? Math.min(DEFAULT_LATENT_DIM, data.layout().size()) : DEFAULT_LATENT_DIM;
    }

    /**
     * The epochs used when none are given: {@value #DEFAULT_EPOCHS} for images; for a table as many
     * as give {@value #TABLE_MIN_STEPS} steps at {@code batchSize}, at least {@value #DEFAULT_EPOCHS} and
     * at most {@value #TABLE_MAX_EPOCHS}.
     */
    public static int defaultEpochs(LabelledData data, int batchSize) {
        if (!(data instanceof Table)) {
            return DEFAULT_EPOCHS;
        }
        long batches = Math.max(1, (data.size() + (long) batchSize - 1) / batchSize);
        long epochs = (TABLE_MIN_STEPS + batches - 1) / batches;
        return (int) Math.max(DEFAULT_EPOCHS, Math.min(TABLE_MAX_EPOCHS, epochs));
    }

    public static AutoencoderConfig defaults(long seed) {
        return new AutoencoderConfig(DEFAULT_LATENT_DIM, DEFAULT_WIDTH,
                new FitConfig(DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE, seed),
                DEFAULT_VALIDATION_FRACTION, DEFAULT_FEATURE_MATCHING);
    }
}
