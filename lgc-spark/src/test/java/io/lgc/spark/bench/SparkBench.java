package io.lgc.spark.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.lgc.Progress;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * bench/spark.sh's driver, not a test. {@code generate table|fashion ROWS DIR} writes a Parquet table
 * once; {@code run table|fashion DIR THREADS SAMPLE_PER_CLASS EPOCHS OUT.json} compresses it on
 * local[THREADS], reconstructs as many samples as records to Parquet, and writes the stage times and
 * this JVM's peak memory per stage ({@link MemorySampler}; in local mode the driver and the executors
 * share it).
 */
public final class SparkBench {
    /** Memory stages of the run besides the compression's own. */
    private static final String START = "start spark";
    private static final String READ = "read schema";
    private static final String SAVE = "save";
    private static final String RECONSTRUCT = "reconstruct";

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
     * executors from a range of row numbers (each value a seeded function of its row). fashion:
     * Fashion-MNIST's 60,000 training images as PNG bytes, broadcast once; row i is image i mod 60,000,
     * made on the executors. Either way the rows are written in parallel, one Parquet file per
     * partition, and nothing is shuffled.
     */
    private static void generate(String kind, long rows, Path dir) {
        SparkSession spark = session(Runtime.getRuntime().availableProcessors());
        int partitions = (int) Math.max(4, Math.min(200, rows / 250_000));
        org.apache.spark.sql.Dataset<Row> table;
        if (kind.equals("table")) {
            List<org.apache.spark.sql.Column> columns = new ArrayList<>();
            org.apache.spark.sql.Column label = functions.col("id").mod(5);
            columns.add(label.cast("string").as("label"));
            for (int f = 0; f < 8; f++) {
                columns.add(functions.randn(100 + f).multiply(label.plus(1)).plus(label.multiply(f % 3))
                        .as("f" + f));
            }
            table = spark.range(0, rows, 1, partitions).select(columns.toArray(new org.apache.spark.sql.Column[0]));
        } else {
            List<Row> fashion = TableReader.read(spark, "fashion-mnist/train", null).table().collectAsList();
            String[] labels = fashion.stream().map(r -> r.getString(0)).toArray(String[]::new);
            byte[][] images = fashion.stream().map(r -> (byte[]) r.get(1)).toArray(byte[][]::new);
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<String[]> sharedLabels = context.broadcast(labels);
            Broadcast<byte[][]> sharedImages = context.broadcast(images);
            JavaRDD<Row> copies = context.parallelize(LongStream.range(0, partitions).boxed().toList(), partitions)
                    .flatMap(part -> {
                        long from = rows * part / partitions;
                        long to = rows * (part + 1) / partitions;
                        String[] l = sharedLabels.value();
                        byte[][] x = sharedImages.value();
                        return LongStream.range(from, to).mapToObj(i -> RowFactory.create(l[(int) (i % l.length)],
                                x[(int) (i % x.length)])).iterator();
                    });
            table = spark.createDataFrame(copies, DataTypes.createStructType(List.of(
                    DataTypes.createStructField("label", DataTypes.StringType, false),
                    DataTypes.createStructField("image", DataTypes.BinaryType, false))));
        }
        table.write().mode("overwrite").parquet(dir.toString());
        spark.stop();
    }

    private static void run(String kind, Path dir, int threads, int samplePerClass, int epochs, Path out)
            throws Exception {
        try (MemorySampler memory = new MemorySampler()) {
            memory.stage(START);
            SparkSession spark = session(threads);
            InputColumns columns = kind.equals("table") ? InputColumns.features("label", List.of())
                    : InputColumns.images("label", "image");
            SparkCompressConfig config = SparkCompressConfig.defaults(columns).withSamplePerClass(samplePerClass)
                    .withEpochs(epochs).withSourceName(kind)
                    .withMixtures(MixtureSettings.fixed(5, CovarianceType.FULL, 1));
            memory.stage(READ);
            long start = System.nanoTime();
            org.apache.spark.sql.Dataset<Row> input = spark.read().parquet(dir.toString()); // reads the schema
            double readSeconds = (System.nanoTime() - start) / 1e9;
            SparkCompression result = LgcSpark.compress(input, config, stages(memory));
            double compressSeconds = (System.nanoTime() - start) / 1e9;
            memory.stage(SAVE);
            Path lgc = dir.resolveSibling(kind + "-" + threads + ".lgc");
            Lgc.save(result.dataset(), lgc, Precision.INT8);
            memory.stage(RECONSTRUCT);
            start = System.nanoTime();
            long total = result.records();
            int classes = result.dataset().metadata().numClasses();
            Path samples = dir.resolveSibling(kind + "-" + threads + "-samples.parquet");
            LgcSpark.reconstruct(spark, lgc, (int) (total / classes), 1, threads * 4).write().mode("overwrite")
                    .parquet(samples.toString());
            double reconstructSeconds = (System.nanoTime() - start) / 1e9;
            memory.stage("end");
            JsonObject json = new JsonObject();
            json.addProperty("data", kind);
            json.addProperty("threads", threads);
            json.addProperty("records", total);
            json.addProperty("sample_records", result.sampleRecords());
            json.addProperty("epochs", epochs);
            json.addProperty("file_bytes", Files.size(lgc));
            JsonObject stages = new JsonObject();
            result.times().seconds().forEach((stage, s) -> stages.addProperty(stage, round(s)));
            json.add("stages_s", stages);
            json.addProperty("em_iterations_max", emIterations(result));
            json.addProperty("read_schema_s", round(readSeconds));
            json.addProperty("compress_s", round(compressSeconds));
            json.addProperty("reconstruct_s", round(reconstructSeconds));
            json.addProperty("reconstructed", (total / classes) * classes);
            json.add("memory_mb", byStage(memory.peaks(), result.times().seconds().keySet()));
            json.addProperty("peak_heap_mb", peakHeapMb());
            json.addProperty("peak_rss_mb", MemorySampler.status("VmHWM:"));
            String line = new Gson().toJson(json) + System.lineSeparator();
            Files.writeString(out, line);
            System.out.print(line);
            spark.stop();
        }
    }

    /** A progress that starts a memory stage at each task lgc-spark reports. */
    private static Progress stages(MemorySampler memory) {
        return new Progress() {
            @Override
            public void update(String task, long done, long total, long startNanos) {
                memory.stage(task);
            }

            @Override
            public void line(String text) {
            }
        };
    }

    /**
     * Peaks per stage of the run: the compression's stages, Spark's start, saving and reconstruction;
     * the training's own tasks (its epochs) count towards the stage they ran in.
     */
    private static JsonObject byStage(Map<String, MemorySampler.Peaks> sampled, Set<String> compressStages) {
        Map<String, MemorySampler.Peaks> folded = new LinkedHashMap<>();
        String stage = START;
        for (Map.Entry<String, MemorySampler.Peaks> e : sampled.entrySet()) {
            String name = e.getKey();
            if (compressStages.contains(name) || List.of(START, READ, SAVE, RECONSTRUCT).contains(name)) {
                stage = name;
            }
            folded.merge(stage, e.getValue(), MemorySampler.Peaks::max);
        }
        JsonObject out = new JsonObject();
        folded.forEach((name, p) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("heap", p.heapMb());
            entry.addProperty("live_heap", p.liveHeapMb());
            entry.addProperty("rss", p.rssMb());
            out.add(name, entry);
        });
        return out;
    }

    /** The most EM iterations any class's mixture took: the fit's passes over the latents. */
    private static int emIterations(SparkCompression result) {
        int most = 0;
        for (var entry : result.dataset().metadata().mixtureReport().getAsJsonArray("classes")) {
            most = Math.max(most, entry.getAsJsonObject().get("iterations").getAsInt());
        }
        return most;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
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
}
