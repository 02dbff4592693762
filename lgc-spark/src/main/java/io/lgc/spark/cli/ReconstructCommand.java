package io.lgc.spark.cli;

import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.spark.LgcSpark;
import io.lgc.spark.SparkOutput;
import io.lgc.synth.SamplingPlan;
import io.lgc.data.OutputFormat;
import io.lgc.output.OutputTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lgc-spark reconstruct FILE.lgc -o DIR}: samples decoded on the executors, written as Parquet
 * or as shards that are datasets lgc reads.
 */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Draw and decode samples of an .lgc file on Spark and write them as Parquet (label + image PNG"
                + " bytes, or label + feature columns) or as sharded datasets (IDX, npz, PNG folders; csv).")
final class ReconstructCommand implements Callable<Integer> {
    private static final String PARQUET = "parquet";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARTIFACT", description = "The .lgc file.")
    Path artifact;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Directory to write (also hdfs://, s3a://): new or empty; --force replaces an earlier"
                    + " output of lgc-spark reconstruct, nothing else.")
    String output;

    @Option(names = "--per-class", paramLabel = "N", description = "Samples per class (default: each class's count in"
            + " the source).")
    Integer perClass;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: 1).")
    long seed = 1;

    @Option(names = "--spread", paramLabel = "F", description = "Covariance scale for sampling (default: the file's"
            + " recommended spread, else " + SamplingPlan.DEFAULT_SPREAD + ", as lgc reconstruct).")
    Double spread;

    @Option(names = "--partitions", paramLabel = "P", description = "Partitions (default: Spark's default"
            + " parallelism). The output does not depend on it.")
    Integer partitions;

    @Option(names = "--format", paramLabel = "FORMAT", description = "parquet (default: one table, label + image PNG"
            + " bytes or label + feature columns), or datasets lgc reads, DIR/shard-00000, DIR/shard-00001, ...:"
            + " idx, npz or png for images, csv or npz for a table.")
    String format = PARQUET;

    @Option(names = "--shard-size", paramLabel = "N", description = "Samples per shard of idx, npz, png or csv output"
            + " (default: 100000, or what one dataset of such samples holds). The layout depends only on it and the"
            + " number of samples.")
    Integer shardSize;

    @Option(names = "--force", description = "Replace an earlier output of lgc-spark reconstruct.")
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
        OutputFormat sharded = shardedFormat();
        CompressedDataset data = ArtifactFile.read(artifact);
        int shardSamples = sharded == null ? 0 : checkShards(sharded, data.metadata());
        int[] counts = data.metadata().classCounts();
        double drawn = spread != null ? spread : SamplingPlan.defaultSpread(data.metadata());
        SamplingPlan plan = perClass == null ? new SamplingPlan(counts, seed, drawn)
                : SamplingPlan.uniform(counts.length, perClass, seed, drawn);
        SparkSession spark = Sessions.get();
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(output);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        FileSystem fs = target.getFileSystem(hadoop);
        requireApartFromArtifact(fs, target);
        requireReplaceable(fs, target);
        int parts = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
        long written = publish(fs, target, pending -> {
            if (sharded == null) {
                LgcSpark.reconstruct(spark, artifact, plan, parts).write().parquet(pending);
                return 0;
            }
            return LgcSpark.reconstructShards(spark, artifact, plan, sharded, shardSamples, parts, pending);
        });
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d samples of %d classes in %d partitions%s%n",
                output, plan.total(), counts.length, parts, sharded == null ? " as parquet"
                        : String.format(Locale.ROOT, ", as %d %s shards of up to %d samples", written, sharded.id(),
                                shardSamples));
        return SparkMain.OK;
    }

    /** The dataset format of sharded output, or null for Parquet. */
    private OutputFormat shardedFormat() {
        String name = format.strip().toLowerCase(Locale.ROOT);
        if (name.equals(PARQUET)) {
            if (shardSize != null) {
                throw new InputException("--shard-size applies to sharded output (--format idx, npz, png or csv),"
                        + " not to parquet");
            }
            return null;
        }
        for (OutputFormat f : OutputFormat.values()) {
            if (f.id().equals(name)) {
                return f;
            }
        }
        throw new InputException("--format must be parquet, idx, npz, png or csv, got '" + format + "'");
    }

    /** The shard size, checked against what the format and one dataset of the artifact's samples hold. */
    private int checkShards(OutputFormat sharded, ArtifactMetadata meta) {
        if (!sharded.fits(meta.layout())) {
            throw new InputException("--format " + sharded.id() + " holds " + (meta.isTable() ? "images" : "tables")
                    + ", but " + artifact + " holds " + (meta.isTable() ? "a table; give parquet, csv or npz"
                    : "images; give parquet, idx, npz or png"));
        }
        int max = LgcSpark.maxShardSize(meta);
        int size = shardSize != null ? shardSize : LgcSpark.defaultShardSize(meta);
        if (size < 1 || size > max) {
            throw new InputException("--shard-size must be in 1.." + max + " (what one dataset of " + meta.layout()
                    + " holds), got " + size);
        }
        return size;
    }

    /**
     * What is at the output may be written over: nothing, an empty directory, or (with --force) an
     * earlier output of lgc-spark; never a file, nor a directory holding anything else, whatever the flags.
     */
    private void requireReplaceable(FileSystem fs, org.apache.hadoop.fs.Path target) throws IOException {
        if (!fs.exists(target)) {
            return;
        }
        if (!fs.getFileStatus(target).isDirectory()) {
            throw new InputException(output + ": exists and is not a directory; the output is a directory, give another"
                    + " path");
        }
        if (fs.listStatus(target).length == 0) {
            return;
        }
        Optional<String> foreign = SparkOutput.foreign(fs, target);
        if (foreign.isPresent()) {
            throw new InputException(output + ": exists and " + foreign.get() + ", so it is not lgc-spark's output;"
                    + " refusing to replace it" + (force ? "" : " (--force replaces only lgc-spark's own output)")
                    + "; give a new or empty directory");
        }
        if (!force) {
            throw new InputException(output + ": exists (an earlier lgc-spark output); pass --force to replace it");
        }
    }

    /** An output that is the artifact, or holds it, would lose it when replaced. */
    private void requireApartFromArtifact(FileSystem fs, org.apache.hadoop.fs.Path target) {
        if ("file".equals(fs.getUri().getScheme())) {
            Path local = new java.io.File(fs.makeQualified(target).toUri()).toPath();
            OutputTarget.directory(local, force, dir -> java.util.Optional.empty()).requireApartFrom(List.of(artifact));
        }
    }

    /**
     * Writes the output under a hidden name beside the target and renames it into place, so that a
     * failed job leaves no half output and an earlier output stays until the new one is whole.
     */
    private long publish(FileSystem fs, org.apache.hadoop.fs.Path target, Writing writing) throws IOException {
        org.apache.hadoop.fs.Path pending = new org.apache.hadoop.fs.Path(target.getParent(),
                "." + target.getName() + ".lgc-pending-" + System.nanoTime());
        try {
            long written = writing.write(pending.toString());
            requireReplaceable(fs, target); // what the job ran beside may have changed meanwhile
            if (fs.exists(target)) {
                fs.delete(target, true);
            }
            if (!fs.rename(pending, target)) {
                throw new IOException("could not rename " + pending + " to " + output);
            }
            return written;
        } finally {
            if (fs.exists(pending)) {
                fs.delete(pending, true);
            }
        }
    }

    /** Writes the output into a path that does not exist yet; returns the number of shards (0 for Parquet). */
    @FunctionalInterface
    private interface Writing {
        long write(String pending) throws IOException;
    }
}
