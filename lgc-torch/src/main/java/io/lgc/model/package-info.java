/**
 * Networks on DJL/PyTorch: the autoencoders (conv, dense) and the PCA codec that give LGC its latent
 * space, their training ({@code AutoencoderTrainer}, with the optional feature-matching teacher), the
 * decoder that turns latents into samples, and the classifiers the evaluation trains.
 *
 * <p>Configuration records ({@link io.lgc.model.AutoencoderConfig}, {@link io.lgc.model.FitConfig},
 * {@link io.lgc.model.FeatureMatching}) are reached through {@code io.lgc.pipeline.CompressionConfig};
 * {@link io.lgc.model.TrainingDivergedException} may reach an API caller. Everything else is internal.
 */
package io.lgc.model;
