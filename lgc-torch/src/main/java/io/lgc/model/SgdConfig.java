package io.lgc.model;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;

/**
 * SGD with momentum and weight decay whose learning rate drops once, by {@code decayFactor}, when
 * half the epochs are done: the training recipe of the dataset-distillation evaluation protocol.
 */
public record SgdConfig(int epochs, int batchSize, double learningRate, double momentum, double weightDecay,
        double decayFactor, long seed) {
    /** lr 0.01, momentum 0.9, weight decay 5e-4, batch 256, lr × 0.1 at half the epochs. */
    public static SgdConfig distillationProtocol(int epochs, long seed) {
        return new SgdConfig(epochs, 256, 0.01, 0.9, 5e-4, 0.1, seed);
    }

    public SgdConfig {
        if (epochs <= 0) {
            throw new ParameterException(Parameter.EPOCHS, " must be positive, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new InputException("batch size must be positive, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InputException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1) || !(weightDecay >= 0) || !(decayFactor > 0 && decayFactor <= 1)) {
            throw new InputException("need 0 <= momentum < 1, weight decay >= 0 and 0 < decay factor <= 1");
        }
    }

    /** Optimizer updates in one epoch over {@code trainSize} samples: the last batch may be short. */
    public int stepsPerEpoch(int trainSize) {
        return (trainSize + batchSize - 1) / batchSize;
    }

    /**
     * The learning rate of every optimizer update: the full rate for the first half of the epochs
     * (rounded down, but at least one epoch), the decayed rate after.
     */
    public StepDecay schedule(int trainSize) {
        int fullRateEpochs = Math.max(1, epochs / 2);
        return new StepDecay((float) learningRate, stepsPerEpoch(trainSize) * fullRateEpochs, (float) decayFactor);
    }

    /** The loop's view of this configuration (its learning rate is not used by the loop). */
    FitConfig loop() {
        return new FitConfig(epochs, batchSize, learningRate, seed);
    }
}
