package io.lgc.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.artifact.container.AtomicFiles;
import io.lgc.artifact.Precision;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.ResolvedDataset;
import io.lgc.eval.Protocol;
import io.lgc.eval.baseline.BaselineMethod;
import io.lgc.model.AutoencoderConfig;
import io.lgc.pipeline.DecoderKind;
import io.lgc.pipeline.SourceInfo;
import io.lgc.output.OutputTarget;
import io.lgc.report.RateAccuracyChart;
import io.lgc.report.Sweep;
import io.lgc.sweep.EqualBytesTable;
import io.lgc.sweep.PublishedResults;
import io.lgc.sweep.SweepDirectory;
import io.lgc.sweep.SweepGrid;
import io.lgc.sweep.SweepLog;
import io.lgc.sweep.Sweeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure accuracy against bytes: compress DATASET over a grid (decoder x latent dimension x "
                + "components x precision), reconstruct and evaluate each artifact, and evaluate the real-image "
                + "baselines at each byte budget, all with one classifier protocol.",
                "Writes DIR/sweep.json after every point (an interrupted sweep rerun with the same options "
                + "continues where it stopped), DIR/sweep.png (accuracy against bytes, log scale, with the "
                + "published dataset-distillation numbers for Fashion-MNIST), DIR/sweep.md (the equal-bytes "
                + "table) and the artifacts in DIR/artifacts/."})
final class SweepCommand implements Callable<Integer> {
    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DATASET", description = "Training set to compress and to draw baselines from.")
    String dataset;

    @Option(names = "--test", required = true, paramLabel = "DATASET", description = "Test set of every classifier.")
    String test;

    @Option(names = "--labels", paramLabel = "FILE", description = "Labels of DATASET, when not beside it.")
    Path labels;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "Labels of --test, when not beside it.")
    Path testLabels;

    @Mixin
    DatasetOptions input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Sweep directory: new, empty, or a sweep of the same setup to continue; --force starts "
                    + "an earlier sweep over.")
    Path output;

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--decoders", split = ",", paramLabel = "LIST", defaultValue = "autoencoder,pca",
            description = "autoencoder and/or pca; 'none' for baselines only (default: ${DEFAULT-VALUE}).")
    List<String> decoders;

    @Option(names = "--latent-dims", split = ",", paramLabel = "LIST", defaultValue = "8,16,32",
            description = "Latent dimensions (default: ${DEFAULT-VALUE}).")
    List<Integer> latentDims;

    @Option(names = "--components", split = ",", paramLabel = "LIST", defaultValue = "1,5",
            description = "Mixture components per class (default: ${DEFAULT-VALUE}).")
    List<Integer> components;

    @Option(names = "--precisions", split = ",", paramLabel = "LIST", defaultValue = "int8,fp32",
            description = "Storage precisions (default: ${DEFAULT-VALUE}).")
    List<String> precisions;

    @Option(names = "--baselines", split = ",", paramLabel = "LIST", defaultValue = "random-subset,kcenter",
            description = "random-subset, kcenter, herding, or none (default: ${DEFAULT-VALUE}).")
    List<String> baselines;

    @Option(names = "--budgets", split = ",", paramLabel = "LIST", defaultValue = "7840,39200,78400,156800,392000,784000",
            description = "Byte budgets of the baselines and the frontier (default: ${DEFAULT-VALUE}: 1, 5, 10, 20,"
                    + " 50 and 100 Fashion-MNIST images per class).")
    List<Long> budgets;

    @Option(names = "--frontier", description = "For each of --budgets, also the file lgc compress --budget writes"
            + " for it with --seed (the most accurate setting measured on Fashion-MNIST that fits; images only), drawn"
            + " at the spread it recommends: LGC's best at each budget. Budgets that start from the same setting"
            + " share its file and its measurement.")
    boolean frontier;

    @Option(names = "--per-class", paramLabel = "N",
            description = "Samples reconstructed per class from each artifact (default: ${DEFAULT-VALUE}).")
    int perClass = SweepGrid.DEFAULT_PER_CLASS;

    @Option(names = "--protocol", paramLabel = "NAME", description = "fast or convnet (default: ${DEFAULT-VALUE}).")
    String protocol = "fast";

    @Option(names = "--epochs", paramLabel = "E",
            description = "Classifier epochs (default: the protocol's, by training set size; see lgc evaluate --help).")
    int epochs;

    @Option(names = "--augment", description = "Every classifier trains on augmented images (see lgc evaluate "
            + "--help).")
    boolean augment;

    @Option(names = "--ae-epochs", paramLabel = "E", description = "Autoencoder epochs (default: ${DEFAULT-VALUE}).")
    int autoencoderEpochs = AutoencoderConfig.DEFAULT_EPOCHS;

    @Option(names = "--published", paramLabel = "auto|fashion-mnist|none",
            description = "Published numbers to draw: auto adds the Fashion-MNIST ones when DATASET is "
                    + "fashion-mnist/train (default: ${DEFAULT-VALUE}).")
    String published = "auto";

    @Option(names = "--provenance", paramLabel = "minimal|full",
            description = "What each artifact records of DATASET, as for lgc compress (default: ${DEFAULT-VALUE}).")
    String provenance = SourceInfo.Record.MINIMAL.id();

    @Option(names = "--seed", paramLabel = "S", description = "Seed of everything (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() throws IOException {
        SweepGrid grid = grid();
        SourceInfo.Record record = SourceInfo.Record.parse(provenance);
        boolean fashion = publishedWanted();
        OutputTarget target = SweepDirectory.target(output, outputOptions.force);
        target.requireApartFrom(OutputOptions.paths(dataset, test, labels, testLabels));
        boolean earlier = target.prepare();
        ResolvedDataset train = DatasetResolver.resolveWith(dataset, input.readOptions(labels));
        ResolvedDataset testSet = DatasetResolver.resolveWith(test, input.readOptions(testLabels));
        // The sweep draws and compares images: a table is refused before anything is written.
        Dataset trainImages = train.dataset();
        Dataset testImages = testSet.dataset();
        target.requireApartFrom(train.files());
        target.requireApartFrom(testSet.files());
        if (earlier && outputOptions.force) {
            SweepDirectory.clear(output);
        }
        if (!Files.isDirectory(output)) {
            Files.createDirectory(output);
        }
        JsonObject setup = new JsonObject();
        setup.add("train", identity(train));
        setup.add("test", identity(testSet));
        setup.add("grid", grid.toJson());
        SweepLog log = SweepLog.open(output.resolve("sweep.json"), setup,
                fashion ? PublishedResults.fashionMnistJson() : new JsonArray(), ParameterFlags.flag(Parameter.FORCE));
        if (log.measured() > 0) {
            root.out.println("resuming " + output.resolve("sweep.json") + ": " + log.measured() + " of "
                    + grid.points().size() + " points already measured");
        }
        target.writing(() -> {
            new Sweeper(trainImages, SourceInfo.of(train, record), testImages, grid, output,
                    common.progress(root.err), root.out::println).run(log);
            writeSummaries(log);
            return output;
        });
        return ExitCodes.OK;
    }

    private void writeSummaries(SweepLog log) throws IOException {
        Path json = output.resolve("sweep.json");
        RateAccuracyChart.writePng(Sweep.read(json), output.resolve("sweep.png"));
        String table = EqualBytesTable.markdown(log.json());
        AtomicFiles.write(output.resolve("sweep.md"), table.getBytes(StandardCharsets.UTF_8));
        root.out.println(table.stripTrailing());
        root.out.println("wrote " + json + ", " + output.resolve("sweep.png") + ", " + output.resolve("sweep.md"));
    }

    private SweepGrid grid() {
        List<DecoderKind> kinds = none(decoders) ? List.of() : decoders.stream().map(DecoderKind::parse).toList();
        List<BaselineMethod> methods = none(baselines) ? List.of()
                : baselines.stream().map(BaselineMethod::parse).toList();
        return new SweepGrid(kinds, latentDims, components, precisions.stream().map(Precision::parse).toList(),
                methods, budgets, perClass, Protocol.parse(protocol), epochs, autoencoderEpochs, seed, augment, frontier);
    }

    private boolean publishedWanted() {
        return switch (published.toLowerCase(Locale.ROOT)) {
            case "auto" -> dataset.equals("fashion-mnist/train");
            case "fashion-mnist" -> true;
            case "none" -> false;
            default -> throw new InputException("unknown --published '" + published
                    + "': expected auto, fashion-mnist or none");
        };
    }

    private static boolean none(List<String> values) {
        return values.size() == 1 && values.get(0).equalsIgnoreCase("none");
    }

    private static JsonObject identity(ResolvedDataset d) {
        JsonObject o = new JsonObject();
        o.addProperty("name", d.displayName());
        o.addProperty("sha256", d.sha256());
        o.addProperty("samples", d.dataset().size());
        return o;
    }
}
