package io.lgc.model;

import io.lgc.InputException;
import io.lgc.Numbers;

/**
 * Training produced a non-finite loss; the weights are unusable. Bad input in the wider sense: the
 * learning rate (or the data) cannot be trained on, so the command line reports it as one line
 * with exit code 2, saying which network diverged, in which epoch, and what to try.
 */
public class TrainingDivergedException extends InputException {
    private final String task;
    private final int epoch;
    private final double learningRate;

    /**
     * @param task the network, as progress lines name it ("autoencoder", "teacher", "classifier")
     * @param loss the non-finite loss met
     */
    public TrainingDivergedException(String task, int epoch, int epochs, double loss, double learningRate) {
        this(task, epoch, learningRate, task + " training diverged in epoch " + epoch + " of " + epochs
                + ": its loss became " + loss + " at learning rate " + Numbers.plain(learningRate));
    }

    private TrainingDivergedException(String task, int epoch, double learningRate, String message) {
        super(message);
        this.task = task;
        this.epoch = epoch;
        this.learningRate = learningRate;
    }

    /** The same failure with advice appended ("; try a lower --lr"), for a caller that knows the options. */
    public TrainingDivergedException withAdvice(String advice) {
        TrainingDivergedException e = new TrainingDivergedException(task, epoch, learningRate,
                getMessage() + "; " + advice);
        e.initCause(this);
        return e;
    }

    public String task() {
        return task;
    }

    public int epoch() {
        return epoch;
    }

    public double learningRate() {
        return learningRate;
    }
}
