package io.lgc.cli;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.synth.SamplingPlan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "reconstruct", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sample a labelled dataset from an .lgc file and write it as MNIST-style IDX files "
                + "(DIR/train-images-idx3-ubyte.gz, DIR/train-labels-idx1-ubyte.gz, DIR/classes.txt).")
final class ReconstructCommand implements Callable<Integer> {
    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE.lgc", description = "Artifact written by lgc compress.")
    Path artifact;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path output;

    @Option(names = "--per-class", paramLabel = "N", description = "Samples per class (default: ${DEFAULT-VALUE}).")
    int perClass = 6000;

    @Option(names = "--seed", paramLabel = "S", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--spread", paramLabel = "F",
            description = "Covariance scale applied before sampling (default: ${DEFAULT-VALUE}).")
    double spread = SamplingPlan.DEFAULT_SPREAD;

    @Override
    public Integer call() {
        CompressedDataset data = ArtifactFile.read(artifact);
        SamplingPlan plan = SamplingPlan.uniform(data.metadata().numClasses(), perClass, seed, spread);
        long count = Reconstructions.write(data, plan, output, common.progress(root.err));
        root.out.println("wrote " + count + " samples (" + perClass + " per class) to " + output);
        return ExitCodes.OK;
    }
}
