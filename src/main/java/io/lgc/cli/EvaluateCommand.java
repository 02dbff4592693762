package io.lgc.cli;

import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.eval.EvaluationResult;
import io.lgc.eval.Evaluator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the fixed small CNN on --train and report its accuracy on --test: "
                + "what a dataset (real or reconstructed) is worth.")
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

    @Option(names = "--epochs", paramLabel = "E", description = "Classifier epochs (default: ${DEFAULT-VALUE}).")
    int epochs = Evaluator.DEFAULT_EPOCHS;

    @Option(names = "--seed", paramLabel = "S", description = "Classifier seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path json;

    @Override
    public Integer call() throws IOException {
        Dataset trainSet = DatasetResolver.resolveWith(train, input.readOptions(trainLabels)).dataset();
        Dataset testSet = DatasetResolver.resolveWith(test, input.readOptions(testLabels)).dataset();
        EvaluationResult result = Evaluator.evaluate(trainSet, testSet, Evaluator.defaultFit(epochs, seed),
                common.progress(root.err));
        print(root.out, result);
        if (json != null) {
            AtomicFiles.write(json, result.toJson().getBytes(StandardCharsets.UTF_8));
        }
        return ExitCodes.OK;
    }

    static void print(PrintStream out, EvaluationResult result) {
        out.println("accuracy: " + Text.percent(result.accuracy()) + " (trained on " + result.trainSize()
                + " samples, " + result.epochs() + " epochs, " + Text.seconds(result.seconds()) + ")");
        result.perClass().forEach((name, acc) -> out.println(String.format("  %-14s %s", name, Text.percent(acc))));
    }
}
