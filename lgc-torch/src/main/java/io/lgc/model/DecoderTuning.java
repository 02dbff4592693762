package io.lgc.model;

import io.lgc.InputException;

/**
 * Fine-tuning of the decoder for what is shipped. The autoencoder learns to decode the encoder's
 * outputs, but the receiver decodes samples of the mixtures; after the mixtures are fitted, the decoder
 * is trained further on latents drawn from them, so that a sample of class c decodes to an image a
 * classifier trained on the real data calls c (cross-entropy), and so that each class's decoded samples
 * have the same mean features as its real images (class-wise distribution matching, as in DM). The
 * classifier is trained for this at compression time and never shipped; the mixtures do not change.
 *
 * @param steps optimiser steps; 0 turns tuning off
 * @param perClass latents drawn per class in each step (and real images per class for the matching)
 * @param learningRate Adam's learning rate
 * @param matchWeight weight of the distribution-matching term against the cross-entropy
 * @param teacherEpochs epochs to train the classifier that judges the decoded samples
 */
public record DecoderTuning(int steps, int perClass, double learningRate, double matchWeight, int teacherEpochs) {
    /** No tuning: the decoder is shipped as the autoencoder trained it. */
    public static final DecoderTuning OFF = new DecoderTuning(0, 16, 1e-4, 1.0, 2);

    public DecoderTuning {
        if (steps < 0) {
            throw new InputException("tuning steps must be >= 0, got " + steps);
        }
        if (perClass < 2) {
            throw new InputException("tuning draws per class must be at least 2, got " + perClass);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InputException("tuning learning rate must be a positive number, got " + learningRate);
        }
        if (!(matchWeight >= 0) || Double.isInfinite(matchWeight)) {
            throw new InputException("tuning match weight must be >= 0, got " + matchWeight);
        }
        if (teacherEpochs <= 0) {
            throw new InputException("tuning teacher epochs must be positive, got " + teacherEpochs);
        }
    }

    /** {@link #OFF}'s settings with {@code steps} steps. */
    public static DecoderTuning steps(int steps) {
        return new DecoderTuning(steps, OFF.perClass, OFF.learningRate, OFF.matchWeight, OFF.teacherEpochs);
    }

    public boolean enabled() {
        return steps > 0;
    }
}
