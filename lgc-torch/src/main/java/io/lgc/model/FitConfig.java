package io.lgc.model;

import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.lgc.Parameter;
import io.lgc.ParameterException;

/** How a network is trained: Adam with a fixed learning rate over shuffled mini-batches. */
public record FitConfig(int epochs, int batchSize, double learningRate, long seed) {
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
    }

    /** Adam at this learning rate, minimising {@code loss}. */
    DefaultTrainingConfig adam(Loss loss) {
        return new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build());
    }
}
