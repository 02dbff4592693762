package io.lgc.spark;

import io.lgc.Progress;
import io.lgc.synth.SamplingPlan;
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

    /** Compresses {@code data}, reporting the autoencoder's training to {@code progress}. */
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
        int classes = io.lgc.artifact.ArtifactFile.read(artifact).metadata().numClasses();
        return reconstruct(spark, artifact, SamplingPlan.uniform(classes, perClass, seed, SamplingPlan.DEFAULT_SPREAD),
                partitions);
    }

    /** The samples of {@code plan}, as {@link #reconstruct(SparkSession, Path, int, long, int)}. */
    public static Dataset<Row> reconstruct(SparkSession spark, Path artifact, SamplingPlan plan, int partitions) {
        return SparkReconstructor.reconstruct(spark, artifact, plan, partitions);
    }
}
