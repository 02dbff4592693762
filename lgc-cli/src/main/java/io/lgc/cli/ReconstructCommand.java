package io.lgc.cli;

import io.lgc.synth.DatasetExport;
import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.OutputFormat;
import io.lgc.output.OutputTarget;
import io.lgc.synth.SamplingPlan;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "reconstruct", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample a labelled dataset from an .lgc file and write it as an ordinary dataset: "
                + "IDX (DIR/train-images-idx3-ubyte.gz, DIR/train-labels-idx1-ubyte.gz), NumPy (DIR/train.npz) "
                + "or PNG files (DIR/<class>/), with DIR/classes.txt naming the classes.",
                "A table artifact is written as DIR/train.csv (the original columns, class names in the label "
                + "column, values in the original units) or DIR/train.npz (float32 x).",
                "An output named *.npz or *.csv is written as that one file instead of a directory."})
final class ReconstructCommand implements Callable<Integer> {
    static final int DEFAULT_PER_CLASS = 6000;
    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE.lgc", description = "Artifact written by lgc compress.")
    Path artifact;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR|FILE.npz",
            description = "Output directory: new or empty; an earlier reconstruction only with --force. A name "
                    + "ending in .npz or .csv is one file of that format (replaced only with --force).")
    Path output;

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--per-class", paramLabel = "N|auto",
            description = "Samples per class, or 'auto' for the source's class counts (default: "
                    + DEFAULT_PER_CLASS + ").")
    String perClass;

    @Option(names = "--count", paramLabel = "N",
            description = "Total samples, split by the source's class proportions (instead of --per-class).")
    Long count;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "idx, npz or png for images; csv or npz for tables (default: the kind of data that was "
                    + "compressed: npz for CIFAR, csv for tables).")
    String format;

    @Option(names = "--seed", paramLabel = "S", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--spread", paramLabel = "F",
            description = "Covariance scale applied before sampling (default: the one the file recommends, if its "
                    + "writer recorded one, else " + SamplingPlan.DEFAULT_SPREAD + ").")
    Double spread;

    @Override
    public Integer call() {
        Integer perClassCount = checkCounts(); // before the artifact is read
        DatasetOutputName name = DatasetOutputName.of(output, format);
        OutputTarget target = name.target(outputOptions.force, List.of(artifact), "reconstruct");
        target.prepare();
        CompressedDataset data = ArtifactFile.read(artifact);
        double drawn = spread != null ? spread : SamplingPlan.defaultSpread(data.metadata());
        SamplingPlan plan = plan(data.metadata().classCounts(), perClassCount, drawn);
        OutputFormat outputFormat = name.format(DatasetExport.defaultFormat(data));
        Path named = name.isOneFile() ? output : artifact; // where the format came from
        outputFormat.requireFits(data.metadata().layout(), named.toString()); // before decoding anything
        long written = DatasetExport.write(data, plan, outputFormat, target, common.progress(root.err));
        root.out.println("wrote " + written + " samples " + Arrays.toString(plan.perClass()) + " as "
                + outputFormat.id() + " to " + output + (spread == null && data.metadata().drawSpread().isPresent()
                        ? ", drawn at spread " + OptionChecks.number(drawn) + " as the file recommends" : ""));
        return ExitCodes.OK;
    }

    /** The samples per class asked for, null for 'auto' or --count; every count option checked. */
    private Integer checkCounts() {
        if (count != null && perClass != null) {
            throw new InputException("--count " + count + " and --per-class " + perClass + " both say how many"
                    + " samples to write; give one of them");
        }
        OptionChecks.atLeast("--count", count, 1);
        if (spread != null) {
            OptionChecks.positive("--spread", spread);
        }
        if (count != null || "auto".equals(perClass)) {
            return null;
        }
        if (perClass == null) {
            return DEFAULT_PER_CLASS;
        }
        int n;
        try {
            n = Integer.parseInt(perClass);
        } catch (NumberFormatException e) {
            throw new InputException("--per-class must be a number or 'auto', got '" + perClass + "'");
        }
        OptionChecks.atLeast("--per-class", n, 1);
        return n;
    }

    private SamplingPlan plan(int[] classCounts, Integer perClassCount, double spread) {
        if (count != null) {
            return SamplingPlan.proportional(classCounts, count, seed, spread);
        }
        if (perClassCount == null) {
            return new SamplingPlan(classCounts, seed, spread);
        }
        return SamplingPlan.uniform(classCounts.length, perClassCount, seed, spread);
    }
}
