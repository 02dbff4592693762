package io.lgc.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Mean squared error over every value of the batch. (DJL's L2Loss halves it; this one reports the
 * plain mean, the number a user compares with a feature's unit variance.)
 */
public final class MeanSquaredError extends Loss {
    public MeanSquaredError() {
        super("MSE");
    }

    @Override
    public NDArray evaluate(NDList targets, NDList predictions) {
        return targets.singletonOrThrow().sub(predictions.singletonOrThrow()).square().mean();
    }
}
