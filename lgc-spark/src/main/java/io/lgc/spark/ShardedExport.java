package io.lgc.spark;

import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.data.DatasetOutput;
import io.lgc.data.DatasetWriter;
import io.lgc.data.OutputFormat;
import io.lgc.synth.SamplingPlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;

/**
 * Reconstruction on a cluster as sharded datasets: {@code DIR/shard-00000}, {@code DIR/shard-00001},
 * ..., each a dataset directory exactly as {@code lgc reconstruct} writes one (IDX, npz or PNG folders
 * for images; csv or npz for a table), so every reader of lgc takes it. Shard s holds the samples
 * s·size to (s+1)·size of the plan's order ({@link SampleDecoder}): the layout depends only on the
 * sample count and the shard size, and the bytes not on how many partitions write them.
 *
 * <p>An executor builds each shard under a hidden name of its task attempt's own, straight in DIR when
 * DIR is on the local file system (on a cluster: one that every executor mounts), and otherwise
 * (hdfs://, s3a://) in a local temporary directory copied there; then renames it into place. A shard
 * therefore appears only whole, a retried task keeps the shards its failed attempt finished, and two
 * attempts at one shard (speculative execution) never write into each other's files.
 */
final class ShardedExport {
    static final String PREFIX = "shard-";
    /** Samples per shard unless the caller says otherwise (fewer where a dataset cannot hold that many). */
    static final int DEFAULT_SHARD_SIZE = 100_000;

    private ShardedExport() {
    }

    /** The most samples one shard of {@code layout} may hold: what one dataset of lgc holds. */
    static int maxShardSize(ArtifactMetadata meta) {
        return (int) Math.min(Integer.MAX_VALUE, DatasetWriter.maxSamples(meta.layout()));
    }

    static long shards(long total, int shardSize) {
        return (total + shardSize - 1) / shardSize;
    }

    static String shardName(long shard) {
        return String.format(Locale.ROOT, PREFIX + "%05d", shard);
    }

    /**
     * Writes the samples of {@code plan} into the directory {@code dir} (which must not exist; it is
     * created) as shards of {@code shardSize}; returns the number of shards.
     */
    static long write(SparkSession spark, Path artifact, SamplingPlan plan, OutputFormat format, int shardSize,
            int partitions, String dir) throws IOException {
        ArtifactMetadata meta = ArtifactFile.read(artifact).metadata();
        format.requireFits(meta.layout(), artifact.toString());
        if (shardSize < 1 || shardSize > maxShardSize(meta)) {
            throw new InputException("shardSize must be in 1.." + maxShardSize(meta) + " for samples of "
                    + meta.layout() + ", got " + shardSize);
        }
        if (plan.perClass().length != meta.numClasses()) {
            throw new IllegalArgumentException("plan covers " + plan.perClass().length + " classes, artifact has "
                    + meta.numClasses());
        }
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
        FileSystem fs = root.getFileSystem(hadoop);
        if (fs.exists(root) || !fs.mkdirs(root)) {
            throw new IOException(dir + ": exists already or cannot be created");
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> shared = context.broadcast(Files.readAllBytes(artifact));
        byte[] conf = serialize(hadoop);
        int[] perClass = plan.perClass();
        long seed = plan.seed();
        double spread = plan.spread();
        long count = shards(plan.total(), shardSize);
        List<Long> indices = LongStream.range(0, count).boxed().toList();
        long written = context.parallelize(indices, Math.max(1, partitions))
                .mapPartitions(part -> writeShards(part, SampleDecoder.of(shared.value(), perClass, seed, spread),
                        format, shardSize, dir, conf))
                .fold(0L, Long::sum);
        if (written != plan.total()) {
            throw new IllegalStateException(written + " samples written, " + plan.total() + " planned");
        }
        removeHidden(fs, root);
        return count;
    }

    /** Writes a partition's shards; yields how many samples they hold. */
    private static Iterator<Long> writeShards(Iterator<Long> shards, SampleDecoder samples, OutputFormat format,
            int shardSize, String dir, byte[] conf) throws IOException {
        try (samples) {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
            FileSystem fs = root.getFileSystem(deserialize(conf));
            long written = 0;
            while (shards.hasNext()) {
                written += writeShard(samples, shards.next(), format, shardSize, fs, root);
            }
            return List.of(written).iterator();
        }
    }

    private static long writeShard(SampleDecoder samples, long shard, OutputFormat format, int shardSize,
            FileSystem fs, org.apache.hadoop.fs.Path root) throws IOException {
        long from = shard * shardSize;
        long to = Math.min(samples.total(), from + shardSize);
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(root, shardName(shard));
        if (fs.exists(target)) {
            return to - from; // an earlier attempt wrote it whole: a shard appears only by a rename
        }
        // every attempt at a shard (a retry, a speculative copy) builds it under a name of its own
        org.apache.hadoop.fs.Path attempt = new org.apache.hadoop.fs.Path(root, "." + shardName(shard) + "."
                + attemptId());
        if ("file".equals(fs.getUri().getScheme())) {
            writeDataset(samples, from, to, format, new File(fs.makeQualified(attempt).toUri()).toPath());
        } else {
            Path temp = Files.createTempDirectory("lgc-spark-shard-");
            try {
                Path local = temp.resolve(shardName(shard));
                writeDataset(samples, from, to, format, local);
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), attempt);
            } finally {
                deleteTree(temp);
            }
        }
        publishShard(fs, attempt, target);
        return to - from;
    }

    /**
     * Renames a whole shard into place unless another attempt was first (its bytes are the same, so it
     * stays); a rename that a file system turned into a move into that attempt's shard is undone.
     */
    static void publishShard(FileSystem fs, org.apache.hadoop.fs.Path attempt, org.apache.hadoop.fs.Path target)
            throws IOException {
        if (fs.exists(target) || !fs.rename(attempt, target)) {
            fs.delete(attempt, true);
            return;
        }
        org.apache.hadoop.fs.Path nested = new org.apache.hadoop.fs.Path(target, attempt.getName());
        if (fs.exists(nested)) {
            fs.delete(nested, true);
        }
    }

    private static String attemptId() {
        TaskContext task = TaskContext.get();
        return task == null ? "driver-" + System.nanoTime() : "attempt-" + task.taskAttemptId();
    }

    /** Samples {@code from} to {@code to} as one dataset directory, decoded a block (or less) at a time. */
    private static void writeDataset(SampleDecoder samples, long from, long to, OutputFormat format, Path dir)
            throws IOException {
        ArtifactMetadata meta = samples.metadata();
        try (DatasetWriter out = DatasetWriter.open(format, DatasetOutput.target(dir, false), meta.layout(),
                (int) (to - from), meta.classNames())) {
            for (long start = from; start < to; ) {
                long end = Math.min(to, (start / SampleDecoder.BLOCK + 1) * SampleDecoder.BLOCK);
                out.write(samples.range(start, end));
                start = end;
            }
            out.commit();
        }
    }

    /** Hidden leftovers of failed task attempts (temporaries), so that DIR holds only the shards. */
    private static void removeHidden(FileSystem fs, org.apache.hadoop.fs.Path root) throws IOException {
        for (FileStatus entry : fs.listStatus(root)) {
            if (!entry.getPath().getName().startsWith(PREFIX)) {
                fs.delete(entry.getPath(), true);
            }
        }
    }

    private static byte[] serialize(Configuration conf) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            conf.write(out);
        }
        return bytes.toByteArray();
    }

    private static Configuration deserialize(byte[] bytes) throws IOException {
        Configuration conf = new Configuration(false);
        conf.readFields(new DataInputStream(new ByteArrayInputStream(bytes)));
        return conf;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
