/**
 * What a file leaks and how to bound it: the privacy audit (distances of decoded samples to training
 * and holdout records, membership-inference ROC AUC with bootstrap intervals) and differentially
 * private compression (zCDP accountant, Gaussian mechanism on clipped statistics). Internal: used by
 * {@code lgc audit} and {@code lgc compress --epsilon}.
 */
package io.lgc.privacy;
