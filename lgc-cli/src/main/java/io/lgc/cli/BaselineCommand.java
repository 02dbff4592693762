package io.lgc.cli;

import io.lgc.InputException;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.DatasetWriter;
import io.lgc.data.OutputFormat;
import io.lgc.output.OutputTarget;
import io.lgc.eval.baseline.Baseline;
import io.lgc.eval.baseline.BaselineMethod;
import io.lgc.eval.baseline.ByteBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Spend a byte budget on real images instead of an artifact: choose "
                + "floor(B / (classes x pixels per image)) images of every class and write them into DIR as "
                + "lgc reconstruct does (IDX images and labels by default, classes.txt), ready for lgc evaluate "
                + "--train DIR; an output named *.npz is written as that one file instead. "
                + "A class with fewer images gives all it has; a budget below one image per class is refused. "
                + "Labels are not charged.",
                "Methods: random-subset (uniform per class, seeded); kcenter (greedy k-center: "
                + "farthest-point traversal from a seeded random image); herding (greedily matches the class's "
                + "mean image; no seed). kcenter and herding compare images in pixel space only: the "
                + "encoder's latent space would need the encoder, which an artifact does not ship."})
final class BaselineCommand implements Callable<Integer> {
    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "METHOD", description = "random-subset, kcenter or herding.")
    String method;

    @Parameters(index = "1", paramLabel = "DATASET", description = "Dataset to choose from.")
    String dataset;

    @Option(names = "--labels", paramLabel = "FILE", description = "Labels of DATASET, when not beside it.")
    Path labels;

    @Option(names = "--bytes", required = true, paramLabel = "B", description = "Budget in bytes of uint8 pixels.")
    long bytes;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR|FILE.npz",
            description = "Output directory: new or empty; an earlier output of lgc only with --force. A name "
                    + "ending in .npz is one file of that format (replaced only with --force).")
    Path output;

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "idx, npz or png (default: idx, or npz for an output named *.npz).")
    String format;

    @Option(names = "--space", paramLabel = "SPACE",
            description = "Where kcenter and herding measure distances: only 'pixel' (default: ${DEFAULT-VALUE}).")
    String space = "pixel";

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}); herding needs none.")
    long seed = 1;

    @Override
    public Integer call() throws IOException {
        BaselineMethod chosen = BaselineMethod.parse(method);
        ByteBudget budget = new ByteBudget(bytes);
        if (!space.equals("pixel")) {
            throw new InputException("unknown --space '" + space + "'; only 'pixel' is supported");
        }
        DatasetOutputName name = DatasetOutputName.of(output, format);
        OutputTarget target = name.target(outputOptions.force, OutputOptions.paths(dataset, labels), "baseline");
        OutputFormat outputFormat = name.format(OutputFormat.IDX);
        target.prepare();
        // A directory that holds the input is never lgc's own output, so a dataset named by name is safe too.
        Dataset source = DatasetResolver.resolve(dataset, labels);
        outputFormat.requireFits(source.layout(), output.toString());
        Baseline baseline = Baseline.choose(source, chosen, budget, seed);
        List<Path> files = target.writing(() -> DatasetWriter.write(outputFormat, baseline.subset(), target));
        report(baseline, source, files);
        return ExitCodes.OK;
    }

    private void report(Baseline baseline, Dataset source, List<Path> files) {
        int[] counts = baseline.classCounts();
        root.out.println(baseline.method().cliName() + ": " + baseline.perClass() + " images per class, "
                + baseline.subset().size() + " images, " + Text.bytes(baseline.pixelBytes()) + " of pixels; budget "
                + Text.bytes(baseline.budget().bytes()));
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < baseline.perClass()) {
                root.out.println("  class " + source.classNames().get(c) + " has only " + counts[c] + " images: took all");
            }
        }
        files.forEach(f -> root.out.println("wrote " + f));
    }
}
