package io.lgc.eval;

import io.lgc.InputException;
import io.lgc.Progress;
import io.lgc.data.Dataset;
import io.lgc.model.ClassifierTrainer;
import io.lgc.model.FitConfig;
import io.lgc.model.TrainedClassifier;
import java.util.LinkedHashMap;
import java.util.Map;

/** Trains the fixed small CNN on a training set and measures it on a test set. */
public final class Evaluator {
    public static final int DEFAULT_EPOCHS = 5;
    public static final int DEFAULT_BATCH_SIZE = 128;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    private Evaluator() {
    }

    public static FitConfig defaultFit(int epochs, long seed) {
        return new FitConfig(epochs, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE, seed);
    }

    public static EvaluationResult evaluate(Dataset train, Dataset test, FitConfig fit, Progress progress) {
        checkCompatible(train, test);
        long start = System.nanoTime();
        int classes = Math.max(train.numClasses(), test.numClasses());
        try (TrainedClassifier classifier = ClassifierTrainer.train(train, classes, fit, progress)) {
            int[] predicted = classifier.predict(test);
            double seconds = (System.nanoTime() - start) / 1e9;
            return score(test, predicted, train.size(), fit.epochs(), seconds);
        }
    }

    /** Overall and per-class accuracy of {@code predicted} against the test labels. */
    static EvaluationResult score(Dataset test, int[] predicted, int trainSize, int epochs, double seconds) {
        int[] correct = new int[test.numClasses()];
        int[] total = test.classCounts();
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == test.labels()[i]) {
                right++;
                correct[test.labels()[i]]++;
            }
        }
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (int c = 0; c < total.length; c++) {
            if (total[c] > 0) {
                perClass.put(test.classNames().get(c), correct[c] / (double) total[c]);
            }
        }
        return new EvaluationResult(right / (double) test.size(), perClass, trainSize, epochs, seconds);
    }

    private static void checkCompatible(Dataset train, Dataset test) {
        if (!train.shape().equals(test.shape())) {
            throw new InputException("train samples are " + train.shape() + " but test samples are "
                    + test.shape());
        }
        if (train.size() == 0 || test.size() == 0) {
            throw new InputException("cannot evaluate with an empty " + (train.size() == 0 ? "train" : "test")
                    + " set");
        }
        if (train.numClasses() != test.numClasses()) {
            throw new InputException("train set has " + train.numClasses() + " classes but test set has "
                    + test.numClasses());
        }
    }
}
