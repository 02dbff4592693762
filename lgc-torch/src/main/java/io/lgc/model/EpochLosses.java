package io.lgc.model;

/** Mean training and validation loss after one epoch. */
public record EpochLosses(int epoch, double train, double validation, double seconds) {
}
