package io.lgc.model;

import io.lgc.InputException;

/**
 * What autoencoder to train and how.
 *
 * @param latentDim k, the size of the latent space the mixtures live in
 * @param width filters of the first encoder convolution (a multiple of 16)
 * @param validationFraction share of the training data held out to report validation loss
 * @param featureMatching the optional feature-matching term of the loss
 */
public record AutoencoderConfig(int latentDim, int width, FitConfig fit, double validationFraction,
        FeatureMatching featureMatching) {
    public static final int DEFAULT_LATENT_DIM = 16;
    public static final int DEFAULT_WIDTH = 32;
    public static final int DEFAULT_EPOCHS = 8;
    public static final int DEFAULT_BATCH_SIZE = 128;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.05;
    public static final FeatureMatching DEFAULT_FEATURE_MATCHING = new FeatureMatching(0.1, 3, 2, 16);

    public AutoencoderConfig {
        if (latentDim <= 0 || latentDim > 4096) {
            throw new InputException("--latent-dim must be in 1..4096, got " + latentDim);
        }
        if (width <= 0 || width % 16 != 0) {
            throw new InputException("autoencoder width must be a positive multiple of 16, got " + width);
        }
        if (!(validationFraction >= 0 && validationFraction < 0.5)) {
            throw new InputException("validation fraction must be in [0, 0.5), got " + validationFraction);
        }
        java.util.Objects.requireNonNull(featureMatching, "featureMatching");
        if (featureMatching.epochs() > fit.epochs()) {
            throw new InputException("--feature-epochs (" + featureMatching.epochs() + ") cannot exceed --epochs ("
                    + fit.epochs() + ")");
        }
    }

    public static AutoencoderConfig defaults(long seed) {
        return new AutoencoderConfig(DEFAULT_LATENT_DIM, DEFAULT_WIDTH,
                new FitConfig(DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE, seed),
                DEFAULT_VALIDATION_FRACTION, DEFAULT_FEATURE_MATCHING);
    }
}
