package io.lgc.model;

import io.lgc.network.Architectures;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.lgc.Progress;
import io.lgc.data.Dataset;
import java.util.List;
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

    @Test
    void onlyTrainingBatchesAreAugmented() {
        Dataset data = TinyData.bars(4, 3, 1);
        int[] order = Batches.identity(data.size());
        Augmentation augmentation = Augmentation.forImages(data.shape(), 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] plain = Batches.inputs(manager, data, order, 0, data.size()).toFloatArray();
            float[] scored = ClassifierTrainer.inputs(manager, data, order, 0, data.size(), false, augmentation)
                    .toFloatArray();
            float[] trained = ClassifierTrainer.inputs(manager, data, order, 0, data.size(), true, augmentation)
                    .toFloatArray();
            assertThat(scored).isEqualTo(plain);
            assertThat(trained).isNotEqualTo(plain);
        }
    }

    @Test
    void augmentationChangesTrainingReproducibly() {
        Dataset train = TinyData.bars(10, 3, 1);
        List<Double> plain = trainLosses(train, Augmentation.none());
        List<Double> augmented = trainLosses(train, Augmentation.forImages(train.shape(), 5));
        List<Double> again = trainLosses(train, Augmentation.forImages(train.shape(), 5));
        assertThat(augmented).isNotEqualTo(plain);
        assertThat(again).isEqualTo(augmented);
    }

    private static List<Double> trainLosses(Dataset train, Augmentation augmentation) {
        FitConfig fit = new FitConfig(2, 8, 3e-3, 5);
        try (TrainedClassifier c = ClassifierTrainer.train(Architectures.classifier(train.layout(), 3), train, fit,
                augmentation, "classifier", Progress.silent())) {
            return c.history().stream().map(EpochLosses::train).toList();
        }
    }
}
