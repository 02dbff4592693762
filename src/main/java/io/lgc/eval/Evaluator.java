package io.lgc.eval;

import io.lgc.InputException;
import io.lgc.Progress;
import io.lgc.data.Dataset;
import io.lgc.model.ClassifierTrainer;
import io.lgc.model.FitConfig;
import io.lgc.model.TrainedClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Trains a classifier on a training set and measures it on a test set. */
public final class Evaluator {
    public static final int DEFAULT_EPOCHS = 5;
    public static final int DEFAULT_BATCH_SIZE = 128;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    private Evaluator() {
    }

    /** The fast protocol's training: Adam with a fixed learning rate. */
    public static FitConfig defaultFit(int epochs, long seed) {
        return new FitConfig(epochs, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE, seed);
    }

    /** One run of the fast protocol with the given training settings. */
    public static EvaluationResult evaluate(Dataset train, Dataset test, FitConfig fit, Progress progress) {
        checkCompatible(train, test);
        return timed(train, test, fit.epochs(),
                classes -> ClassifierTrainer.train(train, classes, fit, progress));
    }

    /** One run of {@code protocol} for {@code epochs} epochs with classifier seed {@code seed}. */
    public static EvaluationResult evaluate(Dataset train, Dataset test, Protocol protocol, int epochs, long seed,
            Progress progress) {
        checkCompatible(train, test);
        return timed(train, test, epochs,
                classes -> protocol.train(train, classes, epochs, seed, protocol.cliName(), progress));
    }

    /** {@code repeats} runs of {@code protocol} with seeds {@code seed, seed + 1, …}. */
    public static RepeatedEvaluation evaluateRepeated(Dataset train, Dataset test, Protocol protocol, int epochs,
            long seed, int repeats, Progress progress) {
        if (repeats <= 0) {
            throw new InputException("--repeats must be positive, got " + repeats);
        }
        checkCompatible(train, test);
        List<EvaluationResult> runs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long runSeed = seed + r;
            String task = repeats == 1 ? protocol.cliName() : protocol.cliName() + " run " + (r + 1) + "/" + repeats;
            runs.add(timed(train, test, epochs, classes -> protocol.train(train, classes, epochs, runSeed, task,
                    progress)));
        }
        return new RepeatedEvaluation(protocol, seed, runs);
    }

    private static EvaluationResult timed(Dataset train, Dataset test, int epochs,
            Function<Integer, TrainedClassifier> trainer) {
        long start = System.nanoTime();
        int classes = Math.max(train.numClasses(), test.numClasses());
        try (TrainedClassifier classifier = trainer.apply(classes)) {
            int[] predicted = classifier.predict(test);
            double seconds = (System.nanoTime() - start) / 1e9;
            return score(test, predicted, train.size(), epochs, seconds);
        }
    }

    /** Overall and per-class accuracy and the confusion matrix of {@code predicted} against the test labels. */
    static EvaluationResult score(Dataset test, int[] predicted, int trainSize, int epochs, double seconds) {
        int n = test.numClasses();
        int[][] confusion = new int[n][n];
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            int truth = test.labels()[i];
            if (predicted[i] < 0 || predicted[i] >= n) {
                throw new IllegalArgumentException("prediction " + predicted[i] + " is not a test class");
            }
            confusion[truth][predicted[i]]++;
            right += predicted[i] == truth ? 1 : 0;
        }
        int[] total = test.classCounts();
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            if (total[c] > 0) {
                perClass.put(test.classNames().get(c), confusion[c][c] / (double) total[c]);
            }
        }
        return new EvaluationResult(right / (double) test.size(), perClass, test.classNames(), confusion, trainSize,
                epochs, seconds);
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
