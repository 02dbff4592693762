package io.lgc.spark;

import io.lgc.Progress;
import io.lgc.data.OutputFormat;
import io.lgc.synth.SamplingPlan;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * LGC on Apache Spark, from Java:
 *
 * <pre>{@code
 * Dataset<Row> images = spark.read().parquet("s3://bucket/images");          // label, image (PNG bytes)
 * SparkCompression result = LgcSpark.compress(images,
 *         SparkCompressConfig.defaults(InputColumns.images("label", "image")));
 * Lgc.save(result.dataset(), Path.of("images.lgc"));                          // the file lgc compress writes
 * LgcSpark.reconstruct(spark, Path.of("images.lgc"), 1000, 1, 64).write().parquet("s3://bucket/synthetic");
 * }</pre>
 *
 * <p>The driver holds a class-stratified sample (to train the autoencoder) and the mixtures; the
 * records, their latents and the reconstructed samples stay on the executors. Errors about the
 * caller's table (missing or mistyped columns, unreadable images, non-finite features) are
 * {@link io.lgc.InputException}s.
 */
public final class LgcSpark {
    private LgcSpark() {
    }

    /** Compresses {@code data} as {@code config} says, silently. */
    public static SparkCompression compress(Dataset<Row> data, SparkCompressConfig config) {
        return compress(data, config, Progress.silent());
    }

    /**
     * Compresses {@code data}, telling {@code progress} as each stage starts (an update of the stage's
     * name, 0 of 1 done: "count classes", "sample", "train autoencoder", "encode", ...) and reporting
     * the autoencoder's training to it.
     */
    public static SparkCompression compress(Dataset<Row> data, SparkCompressConfig config, Progress progress) {
        return SparkCompressor.compress(data, config, progress);
    }

    /**
     * {@code perClass} samples of every class of the artifact, drawn with {@code seed} and decoded on
     * the executors in {@code partitions} partitions: the same rows for any number of partitions.
     * Columns: {@code label} (the class name) and {@code image} (PNG bytes), or the label and the
     * table's feature columns.
     */
    public static Dataset<Row> reconstruct(SparkSession spark, Path artifact, int perClass, long seed, int partitions) {
        io.lgc.artifact.ArtifactMetadata metadata = io.lgc.artifact.ArtifactFile.read(artifact).metadata();
        return reconstruct(spark, artifact, SamplingPlan.uniform(metadata.numClasses(), perClass, seed,
                SamplingPlan.defaultSpread(metadata)), partitions);
    }

    /** The samples of {@code plan}, as {@link #reconstruct(SparkSession, Path, int, long, int)}. */
    public static Dataset<Row> reconstruct(SparkSession spark, Path artifact, SamplingPlan plan, int partitions) {
        return SparkReconstructor.reconstruct(spark, artifact, plan, partitions);
    }

    /**
     * The samples of {@code plan} written as datasets that lgc reads, {@code DIR/shard-00000},
     * {@code DIR/shard-00001}, ..., of {@code shardSize} samples each (the last one fewer), in
     * {@code format} (idx, npz or png for images; csv or npz for a table); the same bytes for any
     * number of partitions. {@code dir} (any Hadoop path; a local one must be visible to every
     * executor) must not exist. Returns the number of shards.
     *
     * @throws io.lgc.InputException when the format does not hold the artifact's kind of data, or a
     *     shard of {@code shardSize} samples would be more than one dataset holds
     */
    public static long reconstructShards(SparkSession spark, Path artifact, SamplingPlan plan, OutputFormat format,
            int shardSize, int partitions, String dir) throws IOException {
        return ShardedExport.write(spark, artifact, plan, format, shardSize, partitions, dir);
    }

    /** The default shard size, 100,000 samples, or fewer where one dataset of such samples cannot hold that many. */
    public static int defaultShardSize(io.lgc.artifact.ArtifactMetadata meta) {
        return Math.min(ShardedExport.DEFAULT_SHARD_SIZE, ShardedExport.maxShardSize(meta));
    }

    /** The most samples one shard may hold: what one dataset of the artifact's samples holds. */
    public static int maxShardSize(io.lgc.artifact.ArtifactMetadata meta) {
        return ShardedExport.maxShardSize(meta);
    }
}
