package io.lgc.model;

import ai.djl.training.tracker.Tracker;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How Adam's learning rate moves over a training run: {@code lgc compress --lr-schedule constant|cosine}.
 * Adam at a fixed rate keeps taking steps of about the same size to the end, so the weights it stops at
 * still carry the noise of the last batches; a cosine decay shrinks the steps to nothing over the run.
 */
public enum LearningRateSchedule {
    /** The same rate for every step. */
    CONSTANT,
    /** Half a cosine from the full rate at the first step down to zero after the last. */
    COSINE;

    /** The name on the command line and in the provenance. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LearningRateSchedule parse(String name) {
        return named(name).orElseThrow(() -> new ParameterException(Parameter.LEARNING_RATE_SCHEDULE,
                " must be constant or cosine, got '" + name + "'"));
    }

    /** The schedule {@link #id} names, in any case and spacing around it; empty for any other name. */
    public static Optional<LearningRateSchedule> named(String name) {
        String id = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The rate of optimiser step {@code step} (1-based) of a run of {@code steps}; past the end, the last
     * step's rate.
     */
    public double rate(double base, int step, int steps) {
        if (steps <= 0) {
            throw new IllegalArgumentException("a schedule needs a positive number of steps, got " + steps);
        }
        if (this == CONSTANT) {
            return base;
        }
        int done = Math.max(0, Math.min(step, steps) - 1);
        return base * 0.5 * (1 + Math.cos(Math.PI * done / steps));
    }

    /** This schedule as the tracker DJL's optimisers read, for a run of {@code steps} updates. */
    Tracker tracker(double base, int steps) {
        if (this == CONSTANT) {
            return Tracker.fixed((float) base);
        }
        return update -> (float) rate(base, update, steps);
    }
}
