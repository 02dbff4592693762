/**
 * Gaussian mixtures fitted by EM in pure Java, following scikit-learn's {@code GaussianMixture}:
 * the four covariance types, k-means / k-means++ / random initialisation, {@code reg_covar}, several
 * initialisations, convergence on the lower bound, BIC selection, and sampling. Tests pin its numbers
 * to scikit-learn's.
 *
 * <p>{@link io.lgc.gmm.GaussianMixture} (the fitted model, in a
 * {@link io.lgc.artifact.CompressedDataset}) and {@link io.lgc.gmm.GmmConfig} are what a library user
 * meets; the E- and M-steps, workspaces and initialisation are internal.
 */
package io.lgc.gmm;
