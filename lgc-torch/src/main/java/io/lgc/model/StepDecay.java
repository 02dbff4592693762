package io.lgc.model;

import ai.djl.training.tracker.Tracker;

/**
 * A learning rate that is {@code base} for optimizer updates 1..{@code lastFullRateUpdate} and
 * {@code base × factor} after. DJL numbers updates from 1 and asks the tracker before each, so this
 * counts optimizer steps, not epochs. Stateless, unlike DJL's MultiFactorTracker, so asking twice
 * gives the same answer.
 */
public record StepDecay(float base, int lastFullRateUpdate, float factor) implements Tracker {
    @Override
    public float getNewValue(int numUpdate) {
        return numUpdate <= lastFullRateUpdate ? base : base * factor;
    }
}
