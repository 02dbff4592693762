package io.lgc.cli;

import io.lgc.InputException;
import io.lgc.ParameterException;
import io.lgc.data.DatasetResolver;
import io.lgc.data.LabelledData;
import io.lgc.data.ResolvedDataset;
import io.lgc.data.Table;
import io.lgc.eval.Evaluator;
import io.lgc.eval.Protocol;
import io.lgc.eval.RepeatedEvaluation;
import io.lgc.model.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a classifier on --train and report its accuracy on --test: what a dataset (real, "
                + "reconstructed or a baseline) is worth.",
                "Protocols: 'fast' (default) is a small CNN, Adam 1e-3, batch 128, 5 epochs for 60,000 images and "
                + "otherwise the same 300,000 sample visits (at least 5, at most 300 epochs: 20,000 images: 15); for "
                + "a table (CSV) a small MLP (two hidden layers of 64) on the features standardised with the training "
                + "set's means and deviations, with the same epochs. 'convnet' (images only) is the "
                + "dataset-distillation protocol: ConvNet depth 3, width 128, instance norm, ReLU, 2x2 average "
                + "pooling, linear head; SGD lr 0.01, momentum 0.9, weight decay 5e-4, batch 256, lr x 0.1 after "
                + "half the epochs; no augmentation unless --augment. Its default epochs: 300 for up to 1,000 training images, "
                + "else the same 300,000 sample visits spread over the set, rounded up, at least 2 (6,000 images: 50; "
                + "60,000: 5).",
                "With --repeats R, seeds S..S+R-1 each train one classifier; accuracy is reported as mean +/- "
                + "population standard deviation, per-class accuracy as the mean, and the JSON confusion matrix "
                + "(rows: true class, columns: predicted) as the sum over the runs."})
final class EvaluateCommand implements Callable<Integer> {
    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Option(names = "--train", required = true, paramLabel = "DATASET", description = "Training set.")
    String train;

    @Option(names = "--test", required = true, paramLabel = "DATASET", description = "Test set.")
    String test;

    @Option(names = "--train-labels", paramLabel = "FILE", description = "Labels of --train, when not beside it.")
    Path trainLabels;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "Labels of --test, when not beside it.")
    Path testLabels;

    @Mixin
    DatasetOptions input;

    @Option(names = "--protocol", paramLabel = "NAME", description = "fast or convnet (default: ${DEFAULT-VALUE}).")
    String protocol = Protocol.FAST.cliName();

    @Option(names = "--epochs", paramLabel = "E",
            description = "Classifier epochs (default: by training set size, see above).")
    Integer epochs;

    @Option(names = "--repeats", paramLabel = "R",
            description = "Classifiers trained with seeds S, S+1, ... (default: ${DEFAULT-VALUE}).")
    int repeats = 1;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the first classifier (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--augment", description = "Train on randomly scaled, rotated, shifted and cut-out images (RGB "
            + "also flipped and colour-jittered), as the dataset-distillation evaluations do; images only.")
    boolean augment;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the result as JSON; an existing file is replaced only with --force.")
    Path json;

    @Mixin
    OutputOptions outputOptions;

    @Override
    public Integer call() throws IOException {
        Protocol chosen = Protocol.parse(protocol);
        if (repeats <= 0) {
            throw new InputException("--repeats must be positive, got " + repeats);
        }
        if (epochs != null && epochs <= 0) {
            throw new InputException("--epochs must be positive, got " + epochs);
        }
        JsonOutput jsonOutput = JsonOutput.of(json, outputOptions.force, train, test, trainLabels, testLabels);
        ResolvedDataset trainSource = DatasetResolver.resolveWith(train, input.readOptions(trainLabels));
        LabelledData trainSet = trainSource.data();
        if (chosen == Protocol.CONVNET && trainSet instanceof Table) {
            throw new ParameterException(train + ": a table; ", Protocol.NOT_FOR_TABLES);
        }
        if (augment && trainSet instanceof Table) {
            throw new ParameterException(train + ": a table; ", Protocol.AUGMENT_NOT_FOR_TABLES);
        }
        ResolvedDataset testSource = DatasetResolver.resolveWith(test, input.readOptions(testLabels));
        LabelledData testSet = testSource.data();
        jsonOutput.requireApartFrom(trainSource, testSource);
        int e = epochs != null ? epochs : chosen.defaultEpochs(trainSet.size());
        RepeatedEvaluation result;
        try {
            result = Evaluator.evaluateRepeated(trainSet, testSet, chosen, e, seed, repeats, augment,
                    common.progress(root.err));
        } catch (TrainingDivergedException diverged) {
            throw diverged.withAdvice("the protocol fixes the learning rate, so look for extreme values in " + train);
        }
        print(root.out, result);
        jsonOutput.write(result.toJson());
        return ExitCodes.OK;
    }

    static void print(PrintStream out, RepeatedEvaluation result) {
        String accuracy = Text.percent(result.meanAccuracy());
        if (result.repeats() > 1) {
            accuracy += String.format(Locale.ROOT, " +/- %.2f %% over %d runs", 100 * result.accuracyStd(),
                    result.repeats());
        }
        out.println("accuracy: " + accuracy + " (" + result.protocol().cliName() + ", trained on "
                + result.trainSize() + " samples, " + result.epochs() + " epochs, " + Text.seconds(result.seconds())
                + ")");
        if (result.repeats() > 1) {
            StringJoiner runs = new StringJoiner(", ");
            for (double a : result.accuracies()) {
                runs.add(Text.percent(a));
            }
            out.println("  runs: " + runs);
        }
        result.meanPerClass().forEach((name, acc) -> out.println(String.format("  %-14s %s", name, Text.percent(acc))));
    }
}
