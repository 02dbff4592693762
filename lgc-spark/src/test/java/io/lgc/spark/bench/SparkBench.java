package io.lgc.spark.bench;

import io.lgc.api.Lgc;
import io.lgc.artifact.Precision;
import io.lgc.gmm.CovarianceType;
import io.lgc.pipeline.MixtureSettings;
import io.lgc.spark.InputColumns;
import io.lgc.spark.LgcSpark;
import io.lgc.spark.SparkCompressConfig;
import io.lgc.spark.SparkCompression;
import io.lgc.spark.TableReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * bench/spark.sh's driver, not a test. {@code generate table|fashion ROWS DIR} writes a Parquet table
 * once; {@code run table|fashion DIR THREADS SAMPLE_PER_CLASS EPOCHS OUT.json} compresses it on
 * local[THREADS], reconstructs as many samples as records to Parquet, and writes the stage times and
 * this JVM's peak memory (in local mode the driver and the executors share it).
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generate")) {
            generate(args[1], Long.parseLong(args[2]), Path.of(args[3]));
        } else {
            run(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Path.of(args[6]));
        }
    }

    private static SparkSession session(int threads) {
        return SparkSession.builder().master("local[" + threads + "]").appName("lgc-spark-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
    }

    /**
     * table: 8 features, 5 classes, each class a Gaussian blob with its own mean and scale, made on the
     * executors. fashion: Fashion-MNIST's 60,000 training images as PNG bytes, each repeated until
     * ROWS rows (the repetition runs on the executors; the driver holds the 60,000 once).
     */
    private static void generate(String kind, long rows, Path dir) {
        SparkSession spark = session(2);
        org.apache.spark.sql.Dataset<Row> table;
        if (kind.equals("table")) {
            List<org.apache.spark.sql.Column> columns = new ArrayList<>();
            org.apache.spark.sql.Column label = functions.col("id").mod(5);
            columns.add(label.cast("string").as("label"));
            for (int f = 0; f < 8; f++) {
                columns.add(functions.randn(100 + f).multiply(label.plus(1)).plus(label.multiply(f % 3))
                        .as("f" + f));
            }
            table = spark.range(0, rows, 1, 16).select(columns.toArray(new org.apache.spark.sql.Column[0]));
        } else {
            TableReader.Input fashion = TableReader.read(spark, "fashion-mnist/train", null);
            long copies = (rows + 59_999) / 60_000;
            table = fashion.table().repartition(16)
                    .withColumn("copy", functions.explode(functions.sequence(functions.lit(1),
                            functions.lit(copies))))
                    .drop("copy").limit((int) rows);
        }
        table.write().mode("overwrite").parquet(dir.toString());
        spark.stop();
    }

    private static void run(String kind, Path dir, int threads, int samplePerClass, int epochs, Path out)
            throws Exception {
        SparkSession spark = session(threads);
        InputColumns columns = kind.equals("table") ? InputColumns.features("label", List.of())
                : InputColumns.images("label", "image");
        SparkCompressConfig config = SparkCompressConfig.defaults(columns).withSamplePerClass(samplePerClass)
                .withEpochs(epochs).withSourceName(kind)
                .withMixtures(MixtureSettings.fixed(5, CovarianceType.FULL, 1));
        long start = System.nanoTime();
        SparkCompression result = LgcSpark.compress(spark.read().parquet(dir.toString()), config);
        double compressSeconds = (System.nanoTime() - start) / 1e9;
        Path lgc = dir.resolveSibling(kind + "-" + threads + ".lgc");
        Lgc.save(result.dataset(), lgc, Precision.INT8);
        start = System.nanoTime();
        long total = result.records();
        int classes = result.dataset().metadata().numClasses();
        Path samples = dir.resolveSibling(kind + "-" + threads + "-samples.parquet");
        LgcSpark.reconstruct(spark, lgc, (int) (total / classes), 1, threads * 4).write().mode("overwrite")
                .parquet(samples.toString());
        double reconstructSeconds = (System.nanoTime() - start) / 1e9;
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"data\": \"%s\", \"threads\": %d, \"records\": %d, "
                        + "\"sample_records\": %d, \"epochs\": %d, \"file_bytes\": %d, \"stages_s\": {", kind, threads,
                total, result.sampleRecords(), epochs, Files.size(lgc)));
        String sep = "";
        for (Map.Entry<String, Double> e : result.times().seconds().entrySet()) {
            json.append(String.format(Locale.ROOT, "%s\"%s\": %.2f", sep, e.getKey(), e.getValue()));
            sep = ", ";
        }
        json.append(String.format(Locale.ROOT, "}, \"compress_s\": %.2f, \"reconstruct_s\": %.2f, "
                        + "\"reconstructed\": %d, \"peak_heap_mb\": %d, \"peak_rss_mb\": %d}%n", compressSeconds,
                reconstructSeconds, (total / classes) * classes, peakHeapMb(), peakRssMb()));
        Files.writeString(out, json.toString());
        System.out.print(json);
        spark.stop();
    }

    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    /** The process's peak resident memory (VmHWM): heap, libtorch and Spark's off-heap buffers. */
    private static long peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        return -1;
    }
}
