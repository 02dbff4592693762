package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.Progress;
import io.lgc.data.Dataset;
import org.junit.jupiter.api.Test;

class ClassifierTrainerTest {
    @Test
    void learnsSeparableClassesAndPredictsThem() {
        Dataset train = TinyData.bars(30, 3, 1);
        Dataset test = TinyData.bars(10, 3, 2);
        try (TrainedClassifier c = ClassifierTrainer.train(train, 3, new FitConfig(4, 16, 3e-3, 5),
                Progress.silent())) {
            int[] predicted = c.predict(test);
            int right = 0;
            for (int i = 0; i < predicted.length; i++) {
                right += predicted[i] == test.labels()[i] ? 1 : 0;
            }
            assertThat(right / (double) predicted.length).isGreaterThan(0.9);
        }
    }
}
