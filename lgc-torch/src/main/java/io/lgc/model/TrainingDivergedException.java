package io.lgc.model;

/** Training produced a non-finite loss; the weights are unusable. */
public class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
