package io.lgc.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/** Mean binary cross-entropy between target intensities in [0, 1] and predicted probabilities. */
public final class BinaryCrossEntropy extends Loss {
    private static final float EPS = 1e-6f;

    public BinaryCrossEntropy() {
        super("BCE");
    }

    @Override
    public NDArray evaluate(NDList targets, NDList predictions) {
        NDArray y = targets.singletonOrThrow();
        NDArray p = predictions.singletonOrThrow().clip(EPS, 1 - EPS);
        NDArray perPixel = y.mul(p.log()).add(y.neg().add(1).mul(p.neg().add(1).log()));
        return perPixel.mean().neg();
    }
}
