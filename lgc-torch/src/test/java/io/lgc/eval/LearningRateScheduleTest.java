package io.lgc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.training.tracker.Tracker;
import io.lgc.Progress;
import io.lgc.data.Dataset;
import io.lgc.model.ConvNet;
import io.lgc.model.SgdClassifierTrainer;
import io.lgc.model.SgdConfig;
import io.lgc.model.StepDecay;
import io.lgc.model.TrainedClassifier;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** lr × 0.1 exactly when half the epochs are done, counted in optimizer updates. */
class LearningRateScheduleTest {
    @Test
    void distillationProtocolDecaysAfterHalfTheEpochsOfUpdates() {
        SgdConfig sgd = SgdConfig.distillationProtocol(300, 1);
        // 60,000 samples in batches of 256: 235 updates per epoch (the last batch is short).
        assertThat(sgd.stepsPerEpoch(60_000)).isEqualTo(235);
        StepDecay schedule = sgd.schedule(60_000);
        int half = 235 * 150;
        assertThat(schedule.getNewValue(1)).isEqualTo(0.01f);
        assertThat(schedule.getNewValue(half)).isEqualTo(0.01f);
        assertThat(schedule.getNewValue(half + 1)).isEqualTo(0.01f * 0.1f);
        assertThat(schedule.getNewValue(235 * 300)).isEqualTo(0.01f * 0.1f);
    }

    @Test
    void oddEpochCountsKeepTheFullRateForTheRoundedDownHalfAndOneEpochAlwaysKeepsIt() {
        SgdConfig five = SgdConfig.distillationProtocol(5, 1);
        assertThat(five.schedule(512).lastFullRateUpdate()).isEqualTo(2 * 2);
        SgdConfig one = SgdConfig.distillationProtocol(1, 1);
        assertThat(one.schedule(512).getNewValue(2)).isEqualTo(0.01f);
    }

    @Test
    void theOptimizerAsksForUpdatesOneToStepsTimesEpochsAndGetsTheDecayedRateInTheSecondHalf() {
        Dataset data = SyntheticImages.bands(10, 4, 8, 1); // 40 samples, batch 16: 3 updates per epoch
        SgdConfig sgd = new SgdConfig(4, 16, 0.01, 0.9, 5e-4, 0.1, 1);
        StepDecay schedule = sgd.schedule(data.size());
        Map<Integer, Float> asked = new TreeMap<>();
        Tracker watching = numUpdate -> {
            float lr = schedule.getNewValue(numUpdate);
            asked.put(numUpdate, lr);
            return lr;
        };
        try (TrainedClassifier ignored = SgdClassifierTrainer.train(ConvNet.spec(data.shape(), 4, 1, 16), data, sgd,
                watching, "test", Progress.silent())) {
            assertThat(asked.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            assertThat(asked.get(6)).isEqualTo(0.01f);
            assertThat(asked.get(7)).isEqualTo(0.001f);
            assertThat(asked.get(12)).isEqualTo(0.001f);
        }
    }
}
