package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import io.lgc.ParameterException;
import org.junit.jupiter.api.Test;

/** The autoencoder's learning rate over a run: constant, or a cosine decay to zero. */
class LearningRateScheduleTest {
    @Test
    void aConstantScheduleGivesTheSameRateAtEveryStep() {
        for (int step = 1; step <= 10; step++) {
            assertThat(LearningRateSchedule.CONSTANT.rate(1e-3, step, 10)).isEqualTo(1e-3);
        }
    }

    @Test
    void aCosineScheduleStartsAtTheFullRateHalvesMidwayAndEndsNearZero() {
        LearningRateSchedule cosine = LearningRateSchedule.COSINE;
        assertThat(cosine.rate(2.0, 1, 100)).isEqualTo(2.0);
        assertThat(cosine.rate(2.0, 51, 100)).isCloseTo(1.0, within(1e-12));
        assertThat(cosine.rate(2.0, 100, 100)).isCloseTo(2.0 * 0.5 * (1 + Math.cos(Math.PI * 99 / 100)), within(1e-15))
                .isLessThan(2e-3);
        assertThat(cosine.rate(2.0, 250, 100)).isEqualTo(cosine.rate(2.0, 100, 100));
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 1; step <= 100; step++) {
            double rate = cosine.rate(2.0, step, 100);
            assertThat(rate).isPositive().isLessThan(previous);
            previous = rate;
        }
    }

    @Test
    void namesAreReadAsTheCommandLineGivesThemAndOthersAreRefused() {
        assertThat(LearningRateSchedule.parse(" Cosine ")).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(LearningRateSchedule.parse("constant")).isEqualTo(LearningRateSchedule.CONSTANT);
        assertThatThrownBy(() -> LearningRateSchedule.parse("linear")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("must be constant or cosine, got 'linear'");
    }

    @Test
    void aRunCountsItsStepsWithTheShortLastBatch() {
        FitConfig fit = new FitConfig(3, 128, 1e-3, 1);
        assertThat(fit.steps(1000)).isEqualTo(24); // 7 full batches and one of 104, three times
        assertThat(fit.steps(1024)).isEqualTo(24);
        assertThat(fit.steps(1)).isEqualTo(3);
        assertThat(fit.schedule()).isEqualTo(LearningRateSchedule.CONSTANT);
    }

    /**
     * Adam with a constant gradient moves a weight by about its learning rate each step (the moments'
     * ratio is 1), so the steps it takes show the rate the optimiser was given, step by step.
     */
    @Test
    void adamTakesStepsOfTheScheduledSize() {
        Engines.pytorch();
        double base = 0.01;
        int batch = 2;
        int samples = 8; // 4 steps in one epoch
        FitConfig fit = new FitConfig(1, batch, base, 1, LearningRateSchedule.COSINE);
        Optimizer adam = fit.adam(Loss.l2Loss(), samples).getOptimizer();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {5f});
            NDArray gradient = manager.create(new float[] {1f});
            for (int step = 1; step <= 4; step++) {
                float before = weight.getFloat(0);
                adam.update("w", weight, gradient);
                double moved = before - weight.getFloat(0);
                assertThat(moved).as("step %d", step)
                        .isCloseTo(LearningRateSchedule.COSINE.rate(base, step, 4), within(base * 1e-3));
            }
        }
    }

    @Test
    void aDecayingScheduleCannotRunWithoutKnowingTheRunsLength() {
        FitConfig cosine = new FitConfig(1, 2, 1e-3, 1, LearningRateSchedule.COSINE);
        assertThatThrownBy(() -> cosine.adam(Loss.l2Loss())).isInstanceOf(IllegalStateException.class);
        assertThat(cosine.withSchedule(LearningRateSchedule.CONSTANT).adam(Loss.l2Loss())).isNotNull();
    }
}
