package io.lgc.spark.cli;

import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.spark.LgcSpark;
import io.lgc.synth.SamplingPlan;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lgc-spark reconstruct FILE.lgc -o DIR}: samples decoded on the executors, written as Parquet. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Draw and decode samples of an .lgc file on Spark and write them as Parquet (label + image PNG"
                + " bytes, or label + feature columns).")
final class ReconstructCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARTIFACT", description = "The .lgc file.")
    Path artifact;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Parquet directory to write (also hdfs://, s3a://); must not exist unless --force.")
    String output;

    @Option(names = "--per-class", paramLabel = "N", description = "Samples per class (default: each class's count in"
            + " the source).")
    Integer perClass;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: 1).")
    long seed = 1;

    @Option(names = "--spread", paramLabel = "F", description = "Covariance scale for sampling (default: 1).")
    double spread = SamplingPlan.DEFAULT_SPREAD;

    @Option(names = "--partitions", paramLabel = "P", description = "Partitions (default: Spark's default"
            + " parallelism). The rows do not depend on it.")
    Integer partitions;

    @Option(names = "--force", description = "Replace an existing output.")
    boolean force;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(artifact)) {
            throw new NoSuchFileException(artifact.toString());
        }
        if (perClass != null && perClass < 0) {
            throw new InputException("--per-class must be >= 0, got " + perClass);
        }
        CompressedDataset data = ArtifactFile.read(artifact);
        int[] counts = data.metadata().classCounts();
        SamplingPlan plan = perClass == null ? new SamplingPlan(counts, seed, spread)
                : SamplingPlan.uniform(counts.length, perClass, seed, spread);
        SparkSession spark = Sessions.get();
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(output);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        FileSystem fs = target.getFileSystem(hadoop);
        if (fs.exists(target) && !force) {
            throw new InputException(output + ": already exists (use --force to replace it)");
        }
        int parts = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
        org.apache.spark.sql.Dataset<Row> rows = LgcSpark.reconstruct(spark, artifact, plan, parts);
        // written next to the target and renamed into place, so that a failed job leaves no half output
        org.apache.hadoop.fs.Path pending = new org.apache.hadoop.fs.Path(target.getParent(),
                "." + target.getName() + ".lgc-pending-" + System.nanoTime());
        try {
            rows.write().parquet(pending.toString());
            if (fs.exists(target)) {
                fs.delete(target, true);
            }
            if (!fs.rename(pending, target)) {
                throw new java.io.IOException("could not rename " + pending + " to " + output);
            }
        } finally {
            if (fs.exists(pending)) {
                fs.delete(pending, true);
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d samples of %d classes in %d partitions%n",
                output, plan.total(), counts.length, parts);
        return SparkMain.OK;
    }
}
