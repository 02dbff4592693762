package io.lgc.model;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.artifact.Precision;

/**
 * Training the decoder for the grid its weights are stored on. Rounding every weight to int4's 15
 * levels moves a decoder's outputs far (on Fashion-MNIST about a point of accuracy); a copy of the
 * decoder whose forward pass rounds its weights, with gradients passed straight through the rounding,
 * learns to reproduce the unrounded decoder's outputs on latents drawn from the file's own mixtures.
 * It needs nothing but what the file holds: no data, no encoder.
 *
 * @param steps optimiser steps; 0 turns it off
 * @param perClass latents drawn per class in each step
 * @param learningRate Adam's learning rate
 * @param spread factor on the mixtures' covariances for the draws, as a receiver's reconstruction uses
 * @param schedule how Adam's rate moves over the steps
 */
public record RoundingTuning(int steps, int perClass, double learningRate, double spread,
        LearningRateSchedule schedule) {
    /**
     * Off: the weights are rounded as trained. The other settings are those {@link #steps} uses: 26 draws
     * per class (260 for ten classes, about the 256 of bench/int4/qat.py), Adam at 1e-4 (2e-4 made the
     * experiment's error wander between steps), the receivers' default spread.
     */
    public static final RoundingTuning OFF = new RoundingTuning(0, 26, 1e-4, 1.2, LearningRateSchedule.CONSTANT);

    public RoundingTuning {
        if (steps < 0) {
            throw new InputException("rounding steps must be >= 0, got " + steps);
        }
        if (perClass < 1) {
            throw new InputException("rounding draws per class must be at least 1, got " + perClass);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InputException("rounding learning rate must be a positive number, got " + learningRate);
        }
        if (!(spread > 0) || Double.isInfinite(spread)) {
            throw new InputException("rounding spread must be a positive number, got " + spread);
        }
        if (schedule == null) {
            throw new InputException("rounding steps need a learning-rate schedule");
        }
    }

    /**
     * The steps a decoder stored at int4 is tuned for by default. On Fashion-MNIST's stem decoder they
     * took its ConvNet-protocol accuracy from 83.17, 82.66 and 83.18 % to 83.89, 84.24 and 83.46 %
     * (classifier seeds 1-3, bench/int4/pair.sh) for 90-150 s of compression.
     */
    public static final int INT4_DEFAULT_STEPS = 300;

    /**
     * The tuning a decoder stored at {@code precision} gets unless asked otherwise: {@value #INT4_DEFAULT_STEPS}
     * steps for int4, whose rounding moves a decoder far; none for int8, whose rounding moves it little
     * (not measured to pay), nor for the floating-point precisions, which round nothing to a grid.
     */
    public static RoundingTuning defaultFor(Precision precision) {
        return precision == Precision.INT4 ? steps(INT4_DEFAULT_STEPS) : OFF;
    }

    /** {@link #OFF}'s settings with {@code steps} steps. */
    public static RoundingTuning steps(int steps) {
        return new RoundingTuning(steps, OFF.perClass, OFF.learningRate, OFF.spread, OFF.schedule);
    }

    /** These settings with Adam's rate moved by {@code other} over the steps. */
    public RoundingTuning withSchedule(LearningRateSchedule other) {
        return new RoundingTuning(steps, perClass, learningRate, spread, other);
    }

    /**
     * These settings at the rate the schedule named {@code name} gives: a {@link ParameterException} naming
     * {@link Parameter#ROUNDING_SCHEDULE} (one line) for a name other than constant or cosine, or where there are no
     * steps to set it for ({@code whereTheyRun} ends that line: "they run for --precision int4", say).
     */
    public RoundingTuning withScheduleNamed(String name, String whereTheyRun) {
        LearningRateSchedule schedule = LearningRateSchedule.named(name).orElseThrow(() -> new ParameterException(
                Parameter.ROUNDING_SCHEDULE, " must be constant or cosine, got '" + name + "'"));
        if (!enabled()) {
            throw new ParameterException(Parameter.ROUNDING_SCHEDULE, " sets the rounding steps' learning rate; there"
                    + " are none here (" + whereTheyRun + ")");
        }
        return withSchedule(schedule);
    }

    public boolean enabled() {
        return steps > 0;
    }
}
