package io.lgc.model;

import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import io.lgc.Parameter;
import io.lgc.ParameterException;

/**
 * How a network is trained: Adam over shuffled mini-batches, its learning rate constant or decayed
 * over the run by {@code schedule}.
 */
public record FitConfig(int epochs, int batchSize, double learningRate, long seed, LearningRateSchedule schedule) {
    public FitConfig {
        if (epochs <= 0) {
            throw new ParameterException(Parameter.EPOCHS, " must be positive, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new ParameterException(Parameter.BATCH_SIZE, " must be positive, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new ParameterException(Parameter.LEARNING_RATE, " must be a positive number, got " + learningRate);
        }
        java.util.Objects.requireNonNull(schedule, "schedule");
    }

    /** A constant learning rate. */
    public FitConfig(int epochs, int batchSize, double learningRate, long seed) {
        this(epochs, batchSize, learningRate, seed, LearningRateSchedule.CONSTANT);
    }

    /** The same settings for {@code other} epochs. */
    public FitConfig withEpochs(int other) {
        return new FitConfig(other, batchSize, learningRate, seed, schedule);
    }

    /** The same settings with another seed. */
    public FitConfig withSeed(long other) {
        return new FitConfig(epochs, batchSize, learningRate, other, schedule);
    }

    /** The same settings with another schedule. */
    public FitConfig withSchedule(LearningRateSchedule other) {
        return new FitConfig(epochs, batchSize, learningRate, seed, other);
    }

    /** Optimiser steps of a whole run over {@code trainSize} samples (the last batch of an epoch may be short). */
    int steps(int trainSize) {
        long batches = Math.max(1, (trainSize + (long) batchSize - 1) / batchSize);
        return (int) Math.min(Integer.MAX_VALUE, batches * epochs);
    }

    /**
     * Adam at this constant learning rate, for a loop that counts its own steps; a decaying schedule
     * needs the run's length ({@link #adam(Loss, int)}).
     */
    DefaultTrainingConfig adam(Loss loss) {
        if (schedule != LearningRateSchedule.CONSTANT) {
            throw new IllegalStateException("a " + schedule.id() + " schedule needs the training set's size");
        }
        return adam(loss, 1);
    }

    /** Adam at this learning rate and schedule, minimising {@code loss} over {@code trainSize} samples an epoch. */
    DefaultTrainingConfig adam(Loss loss, int trainSize) {
        return new DefaultTrainingConfig(loss).optOptimizer(
                Optimizer.adam().optLearningRateTracker(schedule.tracker(learningRate, steps(trainSize))).build());
    }
}
