package io.lgc.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.lgc.synth.DatasetExport;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.container.AtomicFiles;
import io.lgc.artifact.Precision;
import io.lgc.artifact.container.WriteReport;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetOutput;
import io.lgc.data.OutputFormat;
import io.lgc.data.DatasetResolver;
import io.lgc.data.ResolvedDataset;
import io.lgc.eval.EvaluationResult;
import io.lgc.eval.Evaluator;
import io.lgc.output.OutputTarget;
import io.lgc.output.Temporaries;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.pipeline.CompressionResult;
import io.lgc.pipeline.Compressor;
import io.lgc.pipeline.SourceInfo;
import io.lgc.pipeline.StageTimes;
import io.lgc.synth.SamplingPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The whole method on Fashion-MNIST with the defaults: compress the training set, "
                + "reconstruct it, train a classifier on the reconstruction and on the real data, and compare "
                + "both on the real test set.")
final class DemoCommand implements Callable<Integer> {
    private static final String ARTIFACT = "fashion-mnist.lgc";
    private static final String RECONSTRUCTION = "reconstruction";
    private static final String JSON = "demo.json";

    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", description = "Working directory: new or empty, or an earlier "
            + "demo's with --force (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("lgc-demo");

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--train", paramLabel = "DATASET", description = "Training set (default: ${DEFAULT-VALUE}).")
    String train = "fashion-mnist/train";

    @Option(names = "--test", paramLabel = "DATASET", description = "Test set (default: ${DEFAULT-VALUE}).")
    String test = "fashion-mnist/test";

    @Option(names = "--per-class", paramLabel = "N", description = "Samples per class (default: ${DEFAULT-VALUE}).")
    int perClass = 6000;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for every stage (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast("--per-class", perClass, 1); // before minutes of compressing
        Progress progress = common.progress(root.err);
        OutputTarget work = OutputTarget.directory(dir, outputOptions.force, DemoCommand::foreign);
        work.requireApartFrom(OutputOptions.paths(train, test));
        work.prepare();
        ResolvedDataset source = DatasetResolver.resolveWithSources(train, null);
        ResolvedDataset testSource = DatasetResolver.resolveWithSources(test, null);
        work.requireApartFrom(source.files());
        work.requireApartFrom(testSource.files());
        Dataset testSet = testSource.dataset();
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir);
        }
        Path artifact = dir.resolve(ARTIFACT);
        OutputTarget reconstruction = DatasetOutput.target(dir.resolve(RECONSTRUCTION), true);

        StageTimes times = new StageTimes();
        CompressionResult compressed = times.time("compress", () -> Compressor.compress(source.dataset(),
                SourceInfo.of(source, SourceInfo.Record.MINIMAL), CompressionConfig.defaults(seed), progress));
        WriteReport written = times.time("write artifact", () -> work.writing(() -> ArtifactFile.write(artifact,
                compressed.dataset(), Precision.DEFAULT)));
        SamplingPlan plan = SamplingPlan.uniform(source.dataset().numClasses(), perClass, seed,
                SamplingPlan.DEFAULT_SPREAD);
        times.time("reconstruct", () -> DatasetExport.write(ArtifactFile.read(artifact), plan, OutputFormat.IDX,
                reconstruction, progress));
        Dataset synthetic = DatasetResolver.resolve(reconstruction.path().toString(), null);
        EvaluationResult fromSynthetic = times.time("evaluate reconstruction", () -> Evaluator.evaluate(synthetic,
                testSet, Evaluator.defaultFit(Evaluator.DEFAULT_EPOCHS, seed), progress));
        EvaluationResult fromReal = times.time("evaluate real data", () -> Evaluator.evaluate(source.dataset(),
                testSet, Evaluator.defaultFit(Evaluator.DEFAULT_EPOCHS, seed), progress));

        long raw = source.dataset().pixels().length + (long) source.dataset().size();
        printTable(root.out, written.totalBytes(), raw, source.sourceBytes(), fromSynthetic, fromReal, compressed,
                times);
        work.writing(() -> {
            writeJson(written.totalBytes(), raw, source.sourceBytes(), fromSynthetic, fromReal, compressed, times);
            return dir;
        });
        return ExitCodes.OK;
    }

    /** What in the work directory an earlier demo did not write. */
    private static Optional<String> foreign(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                boolean own = name.equals(ARTIFACT) || name.equals(JSON)
                        ? Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        : name.equals(RECONSTRUCTION) ? Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                                && DatasetOutput.OWN.foreign(entry).isEmpty()
                        : Stream.of(ARTIFACT, JSON, RECONSTRUCTION).anyMatch(f -> Temporaries.isTemporaryOf(name, f));
                if (!own) {
                    return Optional.of("holds " + name);
                }
            }
        }
        return Optional.empty();
    }

    private void printTable(PrintStream out, long bytes, long raw, long files, EvaluationResult synthetic,
            EvaluationResult real, CompressionResult compressed, StageTimes times) {
        out.println();
        out.println("| measure | value |");
        out.println("|---|---|");
        out.println("| artifact | " + Text.bytes(bytes) + " |");
        out.println("| ratio vs raw uint8 pixels + labels | " + Text.ratio(raw, bytes) + " |");
        out.println("| ratio vs gzip'd dataset files | " + Text.ratio(files, bytes) + " |");
        out.println("| accuracy, trained on the reconstruction (" + synthetic.trainSize() + " samples) | "
                + Text.percent(synthetic.accuracy()) + " |");
        out.println("| accuracy, trained on the real training set (" + real.trainSize() + " samples) | "
                + Text.percent(real.accuracy()) + " |");
        compressed.times().seconds().forEach((stage, s) -> out.println("| time: " + stage + " | " + Text.seconds(s)
                + " |"));
        times.seconds().forEach((stage, s) -> {
            if (!stage.equals("compress")) {
                out.println("| time: " + stage + " | " + Text.seconds(s) + " |");
            }
        });
        out.println("| time: total | " + Text.seconds(times.total()) + " |");
        compressed.warnings().forEach(w -> out.println("warning: " + w));
    }

    private void writeJson(long bytes, long raw, long files, EvaluationResult synthetic, EvaluationResult real,
            CompressionResult compressed, StageTimes times) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("artifact_bytes", bytes);
        o.addProperty("raw_bytes", raw);
        o.addProperty("dataset_file_bytes", files);
        o.addProperty("accuracy_reconstruction", synthetic.accuracy());
        o.addProperty("accuracy_real", real.accuracy());
        JsonObject t = new JsonObject();
        compressed.times().seconds().forEach(t::addProperty);
        times.seconds().forEach(t::addProperty);
        t.addProperty("total", times.total());
        o.add("seconds", t);
        o.addProperty("cores", Runtime.getRuntime().availableProcessors());
        String json = new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
        AtomicFiles.write(dir.resolve(JSON), json.getBytes(StandardCharsets.UTF_8));
        root.out.println(String.format(Locale.ROOT, "(details in %s)", dir.resolve(JSON)));
    }
}
