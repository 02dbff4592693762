package io.lgc.spark;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.TableFormat;
import io.lgc.data.LabelledData;
import io.lgc.gmm.FitResult;
import io.lgc.gmm.GaussianMixture;
import io.lgc.gmm.GmmConfig;
import io.lgc.gmm.MixtureSelection;
import io.lgc.gmm.StatisticsEm;
import io.lgc.model.TrainedAutoencoder;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.pipeline.Compressor;
import io.lgc.pipeline.FittedCodec;
import io.lgc.pipeline.MixtureSettings;
import io.lgc.pipeline.SourceInfo;
import io.lgc.pipeline.StageTimes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Compression on a cluster. The driver holds only a class-stratified sample (to train the
 * autoencoder, as {@code lgc compress} trains it) and, per EM iteration, one set of sufficient
 * statistics per class; every record is encoded on the executors and stays there.
 */
final class SparkCompressor {
    private SparkCompressor() {
    }

    static SparkCompression compress(Dataset<Row> data, SparkCompressConfig config, Progress progress) {
        StageTimes times = new StageTimes();
        RowReader reader = RowReader.resolve(data.schema(), config.columns(), config.sourceName());
        Dataset<Row> projected = data.select(reader.columns());
        ClassCounts classes = stage(times, progress, "count classes",
                () -> ClassCounts.of(projected, config.sourceName()));
        List<Row> sampleRows = stage(times, progress, "sample", () -> projected.stat()
                .sampleBy(reader.labelColumn(), classes.fractions(config.samplePerClass()), config.seed())
                .collectAsList());
        RowReader shaped = reader.withShape(reader.shapeOf(sampleRows.get(0)));
        LabelledData sample = stage(times, progress, "sample",
                () -> shaped.batch(sampleRows, classes.names(), classes.index()));
        CompressionConfig settings = config.compressionFor(sample);
        SourceInfo source = new SourceInfo(config.sourceName(), "spark", null, 0);
        try (FittedCodec fitted = stage(times, progress, "train autoencoder",
                () -> Compressor.fitCodec(sample, source, settings, progress))) {
            TrainedAutoencoder codec = (TrainedAutoencoder) fitted.codec();
            PartitionEncoder encoder = new PartitionEncoder(JavaSparkContext.fromSparkContext(data.sparkSession()
                    .sparkContext()), shaped, classes.names(), codec.spec().encoder(), codec.encoderWeights(),
                    fitted.format() instanceof TableFormat table ? table.scaling() : null);
            JavaRDD<LatentRow> latents = projected.javaRDD().mapPartitions(encoder::encode)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                long encoded = stage(times, progress, "encode", latents::count);
                List<StatisticsEm> runs = stage(times, progress, "initialise mixtures",
                        () -> initialRuns(fitted.input(), codec.encode(fitted.input()), settings.mixtures(),
                                config.seed()));
                List<FitResult> fits = stage(times, progress, "fit mixtures",
                        () -> DistributedEm.fitClasses(latents, runs));
                List<String> warnings = new ArrayList<>();
                JsonObject report = report(classes, fits, warnings);
                List<GaussianMixture> mixtures = fits.stream().map(FitResult::model).toList();
                CompressedDataset artifact = Compressor.assemble(fitted, source, settings, classes.names(),
                        classes.counts(), mixtures, report);
                return new SparkCompression(artifact, times, warnings, encoded, sample);
            } finally {
                latents.unpersist(false);
                encoder.release();
            }
        }
    }

    /** Times a stage, and tells {@code progress} first that it starts: a task of one unit, none done. */
    private static <T> T stage(StageTimes times, Progress progress, String name, Supplier<T> work) {
        progress.update(name, 0, 1, System.nanoTime());
        return times.time(name, work);
    }

    /**
     * One EM run per class, initialised on the class's sample latents as {@code lgc compress}
     * initialises on all of them (same seeds; BIC picks the components on the sample when asked).
     */
    private static List<StatisticsEm> initialRuns(LabelledData sample, double[][] latents, MixtureSettings settings,
            long seed) {
        List<StatisticsEm> runs = new ArrayList<>();
        for (int c = 0; c < sample.numClasses(); c++) {
            int[] members = sample.indicesOf(c);
            double[][] x = new double[members.length][];
            for (int i = 0; i < members.length; i++) {
                x[i] = latents[members[i]];
            }
            GmmConfig config = GmmConfig.builder().components(settings.minComponents())
                    .covarianceType(settings.covarianceType()).nInit(settings.nInit())
                    .seed(seed * 1_000_003L + c).build();
            if (settings.automatic()) {
                int k = MixtureSelection.byBic(x, settings.minComponents(), settings.maxComponents(), config)
                        .best().model().components();
                config = config.withComponents(k);
            }
            GaussianMixture start = GaussianMixture.fit(x, config.toBuilder().maxIter(0).build()).model();
            runs.add(StatisticsEm.from(start, config.withComponents(start.components()), x));
        }
        return runs;
    }

    /** The mixture report {@code lgc compress} writes, per class; collects the warnings. */
    private static JsonObject report(ClassCounts classes, List<FitResult> fits, List<String> warnings) {
        JsonArray entries = new JsonArray();
        for (int c = 0; c < fits.size(); c++) {
            FitResult fit = fits.get(c);
            String name = classes.names().get(c);
            JsonObject entry = new JsonObject();
            entry.addProperty("class", name);
            entry.addProperty("components", fit.model().components());
            entry.addProperty("samples", classes.counts()[c]);
            entry.addProperty("converged", fit.converged());
            entry.addProperty("iterations", fit.iterations());
            entry.addProperty("lower_bound", fit.lowerBound());
            JsonArray w = new JsonArray();
            fit.warnings().forEach(w::add);
            entry.add("warnings", w);
            fit.warnings().forEach(text -> warnings.add("class " + name + ": " + text));
            entries.add(entry);
        }
        JsonObject report = new JsonObject();
        report.add("classes", entries);
        return report;
    }

    /** Records per class of the whole table, classes in name order (numeric when every label is a whole number). */
    record ClassCounts(List<Object> values, List<String> names, int[] counts) {
        static ClassCounts of(Dataset<Row> projected, String source) {
            List<Row> rows = projected.groupBy(projected.col(projected.columns()[0])).count().collectAsList();
            if (rows.isEmpty()) {
                throw new InputException(source + ": the table has no rows");
            }
            List<Row> sorted = new ArrayList<>(rows);
            boolean numeric = sorted.stream().allMatch(r -> r.get(0) != null && isWholeNumber(r.get(0).toString()));
            sorted.sort((a, b) -> numeric
                    ? Long.compare(Long.parseLong(a.get(0).toString()), Long.parseLong(b.get(0).toString()))
                    : RowReader.className(a).compareTo(RowReader.className(b)));
            List<Object> values = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int[] counts = new int[sorted.size()];
            for (int c = 0; c < counts.length; c++) {
                Row r = sorted.get(c);
                values.add(r.get(0));
                names.add(RowReader.className(r));
                counts[c] = Math.toIntExact(r.getLong(1));
            }
            return new ClassCounts(values, names, counts);
        }

        private static boolean isWholeNumber(String text) {
            return text.matches("-?\\d{1,18}");
        }

        /** Per label value, the share of its records that gives about {@code perClass} of them. */
        Map<Object, Double> fractions(int perClass) {
            Map<Object, Double> out = new HashMap<>();
            for (int c = 0; c < counts.length; c++) {
                out.put(values.get(c), Math.min(1.0, (double) perClass / counts[c]));
            }
            return out;
        }

        Map<String, Integer> index() {
            Map<String, Integer> out = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                out.put(names.get(c), c);
            }
            return out;
        }
    }
}
