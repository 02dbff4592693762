package io.lgc.eval;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.data.ClassNames;
import io.lgc.data.Dataset;
import io.lgc.data.FeatureScaling;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.model.ClassifierTrainer;
import io.lgc.model.FitConfig;
import io.lgc.model.TrainedClassifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Trains a classifier on a training set and measures it on a test set, images or tables.
 *
 * <p>Test labels are matched to the training set's classes by name, always: both sets must name the
 * same classes, in any order. (A set that names none has the numbered names "0", "1", …; it matches
 * only another numbered set, never named classes by position.) A table's features are standardised with the training set's means and deviations, the test
 * set with the same ones (as a model deployed on new data would be).
 */
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
    public static EvaluationResult evaluate(LabelledData train, LabelledData test, FitConfig fit,
            Progress progress) {
        Prepared p = prepare(train, test, false);
        return timed(p.train, p.test, fit.epochs(),
                classes -> ClassifierTrainer.train(p.train, classes, fit, progress));
    }

    /** One run of {@code protocol} for {@code epochs} epochs with classifier seed {@code seed}. */
    public static EvaluationResult evaluate(LabelledData train, LabelledData test, Protocol protocol, int epochs,
            long seed, Progress progress) {
        return evaluate(train, test, protocol, epochs, seed, false, progress);
    }

    /** As above; with {@code augment} the classifier trains on randomly changed images (images only). */
    public static EvaluationResult evaluate(LabelledData train, LabelledData test, Protocol protocol, int epochs,
            long seed, boolean augment, Progress progress) {
        Prepared p = prepare(train, test, augment);
        return timed(p.train, p.test, epochs,
                classes -> protocol.train(p.train, classes, epochs, seed, augment, protocol.cliName(), progress));
    }

    /** {@code repeats} runs of {@code protocol} with seeds {@code seed, seed + 1, …}. */
    public static RepeatedEvaluation evaluateRepeated(LabelledData train, LabelledData test, Protocol protocol,
            int epochs, long seed, int repeats, Progress progress) {
        return evaluateRepeated(train, test, protocol, epochs, seed, repeats, false, progress);
    }

    /** As above; with {@code augment} each classifier trains on randomly changed images (images only). */
    public static RepeatedEvaluation evaluateRepeated(LabelledData train, LabelledData test, Protocol protocol,
            int epochs, long seed, int repeats, boolean augment, Progress progress) {
        if (repeats <= 0) {
            throw new ParameterException(Parameter.REPEATS, " must be positive, got " + repeats);
        }
        Prepared p = prepare(train, test, augment);
        List<EvaluationResult> runs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long runSeed = seed + r;
            String task = repeats == 1 ? protocol.cliName() : protocol.cliName() + " run " + (r + 1) + "/" + repeats;
            runs.add(timed(p.train, p.test, epochs, classes -> protocol.train(p.train, classes, epochs, runSeed, augment,
                    task, progress)));
        }
        return new RepeatedEvaluation(protocol, seed, runs, augment);
    }

    /** The sets as the classifier sees them (see the class comment). */
    private record Prepared(LabelledData train, LabelledData test) {
    }

    private static Prepared prepare(LabelledData train, LabelledData test, boolean augment) {
        checkCompatible(train, test);
        if (augment && train instanceof Table) {
            throw new ParameterException(Protocol.AUGMENT_NOT_FOR_TABLES);
        }
        if (!(train instanceof Table trainTable)) {
            return new Prepared(train, imagesInClassOrder((Dataset) test, train.classNames()));
        }
        Table testTable = inClassOrder((Table) test, train.classNames());
        FeatureScaling scaling = FeatureScaling.fit(trainTable);
        return new Prepared(scaling.standardise(trainTable), scaling.standardise(testTable));
    }

    /**
     * The test images with their labels renumbered to the training set's class order, when both sets
     * name the same classes in different orders (two folders sorted differently, say).
     */
    private static Dataset imagesInClassOrder(Dataset test, List<String> trainClasses) {
        List<String> testClasses = test.classNames();
        if (testClasses.equals(trainClasses)) {
            return test;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < trainClasses.size(); c++) {
            index.put(trainClasses.get(c), c);
        }
        int[] labels = new int[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = index.get(testClasses.get(test.labels()[i]));
        }
        return new Dataset(test.pixels(), labels, trainClasses, test.shape());
    }

    private static boolean numbered(List<String> names) {
        return names.equals(ClassNames.numbered(names.size()));
    }

    /**
     * Both sets name the same classes (see the class comment).
     *
     * @throws InputException naming both lists, and saying how to name a numbered set
     */
    private static void requireSameClasses(List<String> train, List<String> test) {
        Set<String> trainSet = new HashSet<>(train);
        Set<String> testSet = new HashSet<>(test);
        if (trainSet.equals(testSet)) {
            return;
        }
        String hint = numbered(train) != numbered(test)
                ? "; a set without class names has the numbered names 0, 1, ..., and a classes.txt beside it names"
                        + " its classes"
                : "";
        throw new InputException("train classes " + abbreviated(train) + " differ from test classes "
                + abbreviated(test) + "; classes are matched by name, and a classifier can only be tested on the"
                + " classes it was trained on" + hint);
    }

    private static String abbreviated(List<String> names) {
        int shown = Math.min(names.size(), 12);
        return "[" + String.join(", ", names.subList(0, shown)) + (names.size() > shown ? ", ..." : "") + "]";
    }

    /** The test table with its labels renumbered to the training set's class order. */
    private static Table inClassOrder(Table test, List<String> trainClasses) {
        if (test.classNames().equals(trainClasses)) {
            return test;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < trainClasses.size(); c++) {
            index.put(trainClasses.get(c), c);
        }
        int[] labels = new int[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = index.get(test.classNames().get(test.labels()[i]));
        }
        return new Table(test.values(), labels, trainClasses, test.columns());
    }

    private static EvaluationResult timed(LabelledData train, LabelledData test, int epochs,
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
    static EvaluationResult score(LabelledData test, int[] predicted, int trainSize, int epochs, double seconds) {
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

    private static String kind(LabelledData data) {
        return data instanceof Table ? "a table" : "images";
    }

    private static void checkCompatible(LabelledData train, LabelledData test) {
        if ((train instanceof Table) != (test instanceof Table)) {
            throw new InputException("train set is " + kind(train) + " but test set is " + kind(test));
        }
        if (train instanceof Table a && test instanceof Table b) {
            if (!a.columns().features().equals(b.columns().features())) {
                throw new InputException("train features " + a.columns().features() + " differ from test features "
                        + b.columns().features() + "; both tables need the same feature columns in the same order");
            }
        } else if (!train.layout().equals(test.layout())) {
            throw new InputException("train samples are " + train.layout() + " but test samples are "
                    + test.layout());
        }
        if (train.size() == 0 || test.size() == 0) {
            throw new InputException("cannot evaluate with an empty " + (train.size() == 0 ? "train" : "test")
                    + " set");
        }
        if (train.numClasses() != test.numClasses()) {
            throw new InputException("train set has " + train.numClasses() + " classes but test set has "
                    + test.numClasses());
        }
        requireSameClasses(train.classNames(), test.classNames());
    }
}
