package io.lgc.sweep;

import com.google.gson.JsonObject;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.VerifiedArtifact;
import io.lgc.data.Dataset;
import io.lgc.eval.EvaluationResult;
import io.lgc.eval.Evaluator;
import io.lgc.eval.baseline.Baseline;
import io.lgc.eval.baseline.ByteBudget;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import io.lgc.model.LearningRateSchedule;
import io.lgc.network.Architectures;
import io.lgc.pipeline.BudgetCompressor;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.pipeline.Compressor;
import io.lgc.pipeline.DecoderKind;
import io.lgc.pipeline.MeasuredSettings;
import io.lgc.pipeline.MixtureSettings;
import io.lgc.pipeline.SourceInfo;
import io.lgc.synth.DatasetSink;
import io.lgc.synth.Reconstructor;
import io.lgc.synth.SamplingPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a sweep point by point. Artifacts go to {@code DIR/artifacts/} as soon as their codec is
 * fitted, so a resumed sweep trains a codec again only when one of its artifacts is missing; every
 * measured point is appended to the {@link SweepLog} before the next one starts.
 */
public final class Sweeper {
    private final Dataset train;
    private final SourceInfo source;
    private final Dataset test;
    private final SweepGrid grid;
    private final Path dir;
    private final Progress progress;
    private final Consumer<String> report;

    /**
     * @param report receives one line per finished point (and per skipped one on resume)
     */
    public Sweeper(Dataset train, SourceInfo source, Dataset test, SweepGrid grid, Path dir, Progress progress,
            Consumer<String> report) {
        this.train = train;
        this.source = source;
        this.test = test;
        this.grid = grid;
        this.dir = dir;
        this.progress = progress;
        this.report = report;
    }

    /** Measures every point the log does not hold yet, in grid order. */
    public void run(SweepLog log) {
        List<SweepPoint> points = grid.points();
        long start = System.nanoTime();
        int index = 0;
        for (SweepPoint point : points) {
            index++;
            String position = "point " + index + "/" + points.size() + " " + point.id();
            if (log.done(point)) {
                report.accept(position + ": already measured, skipped");
                continue;
            }
            JsonObject measured = point instanceof SweepPoint.Lgc lgc ? measure(lgc, points, log)
                    : point instanceof SweepPoint.Budget budget ? measure(budget, points, log)
                    : measure((SweepPoint.Baseline) point);
            if (measured == null) {
                report.accept(position + ": no measured setting fits, skipped");
                continue;
            }
            log.add(measured);
            report.accept(position + ": " + measured.get("bytes").getAsLong() + " B, "
                    + String.format(Locale.ROOT, "%.2f %%", 100 * measured.get("accuracy").getAsDouble()));
            progress.update("sweep", index, points.size(), start);
        }
        log.markComplete();
    }

    private JsonObject measure(SweepPoint.Lgc point, List<SweepPoint> all, SweepLog log) {
        Path file = artifact(point);
        if (!Files.exists(file)) {
            compressCodecGroup(point, all, log);
        }
        JsonObject o = measureArtifact(point, file, ArtifactFile.read(file), SamplingPlan.DEFAULT_SPREAD);
        o.addProperty("decoder", point.decoder().cliName());
        o.addProperty("latent_dim", point.latentDim());
        o.addProperty("components", point.components());
        o.addProperty("precision", point.precision().label());
        return o;
    }

    /**
     * The file {@code lgc compress --budget} writes for the point's budget (with the sweep's seed and
     * nothing else given), drawn at the spread it recommends; null where no measured setting fits. Where
     * another budget's file is already its first choice's own, and that choice is this budget's first
     * too and fits it, the search would train the same network and write the same bytes: that file is
     * taken, and so is its measurement where the log has it (the same file, draws, seed and classifier
     * give the same accuracy; the entry says {@code measured_as}).
     */
    private JsonObject measure(SweepPoint.Budget point, List<SweepPoint> all, SweepLog log) {
        CompressionConfig base = CompressionConfig.defaultsFor(train, grid.seed());
        Optional<MeasuredSettings.Setting> first = firstChoice(point.budget(), base);
        if (first.isEmpty()) {
            return null;
        }
        Path file = artifact(point);
        if (!Files.exists(file)) {
            Optional<SweepPoint> same = all.stream().filter(p -> p instanceof SweepPoint.Budget && p != point)
                    .filter(p -> sharable(artifact(p), first.get(), point.budget())).findFirst();
            if (same.isPresent()) {
                copy(artifact(same.get()), file);
                String sameId = same.get().id();
                Optional<JsonObject> measured = log.point(sameId);
                if (measured.isPresent()) {
                    JsonObject o = measured.get();
                    o.addProperty("id", point.id());
                    o.addProperty("artifact", dir.relativize(file).toString());
                    o.addProperty("for_budget", point.budget());
                    o.addProperty("measured_as", sameId);
                    return o;
                }
            } else {
                BudgetCompressor.Budgeted made = BudgetCompressor.compress(train, source, source.name(),
                        point.budget(), base, BudgetCompressor.Options.AS_MEASURED, progress, said(point));
                createDirectories(file.getParent());
                ArtifactFile.write(file, made.result().dataset(), made.storage());
            }
        }
        VerifiedArtifact stored = ArtifactFile.readVerified(file);
        JsonObject o = measureArtifact(point, file, stored.dataset(),
                SamplingPlan.defaultSpread(stored.dataset().metadata()));
        JsonObject config = stored.dataset().metadata().provenance().getAsJsonObject("config");
        o.addProperty("for_budget", point.budget());
        o.addProperty("decoder", config.get("decoder").getAsString());
        o.addProperty("latent_dim", stored.dataset().metadata().latentDim());
        o.addProperty("components", config.get("components").getAsInt());
        o.addProperty("precision", stored.precision().decoder().label());
        JsonObject rounding = config.getAsJsonObject("rounding_tuning");
        if (rounding != null && rounding.has("int8_layers")) { // an int8 file whose other layers lie on int4's grid
            o.addProperty("grid", rounding.get("precision").getAsString());
            o.add("int8_layers", rounding.get("int8_layers"));
        }
        o.addProperty("mixture_precision", stored.precision().mixtures().label());
        return o;
    }

    /** The search's steps for {@code point}, one line each, as {@code lgc compress --budget} says them. */
    private BudgetCompressor.Listener said(SweepPoint.Budget point) {
        return new BudgetCompressor.Listener() {
            @Override
            public void choosing(MeasuredSettings.Choice choice, boolean retry) {
                report.accept(point.id() + ": training " + choice.setting().describe()
                        + (retry ? " (the next measured setting)" : ""));
            }

            @Override
            public void refitting(long bytes, MeasuredSettings.Setting next) {
                report.accept(point.id() + ": the file came out at " + bytes + " B; the same trained network"
                        + " finished as: " + next.describe());
            }

            @Override
            public void trainingNext(long bytes, String why) {
                report.accept(point.id() + ": the file came out at " + bytes + " B, " + why);
            }
        };
    }

    /** Whether {@code file} exists, fits {@code budget} and is the file {@code setting} writes. */
    private static boolean sharable(Path file, MeasuredSettings.Setting setting, long budget) {
        return Files.exists(file) && size(file) <= budget && writtenBy(setting, ArtifactFile.readVerified(file));
    }

    /**
     * Whether {@code file} is the file {@code setting} writes, not one of the settings the search falls
     * back on: measured settings differ in one of these (a fallback on the same network has fewer
     * components).
     */
    private static boolean writtenBy(MeasuredSettings.Setting setting, VerifiedArtifact file) {
        JsonObject config = file.dataset().metadata().provenance().getAsJsonObject("config");
        boolean autoencoder = setting.decoder() == DecoderKind.AUTOENCODER;
        int stem = config.has("stem") ? config.get("stem").getAsInt() : Architectures.NO_STEM;
        return config.get("decoder").getAsString().equals(setting.decoder().cliName())
                && file.dataset().metadata().latentDim() == setting.latentDim()
                && config.get("components").getAsString().equals(Integer.toString(setting.components()))
                && file.precision().decoder() == setting.grid().stored()
                && (!autoencoder || config.get("width").getAsInt() == setting.width() && stem == setting.stem())
                && (setting.epochs() == 0 || config.get("epochs").getAsInt() == setting.epochs())
                && roundedAs(setting, config.getAsJsonObject("rounding_tuning"))
                && taughtAs(setting, config);
    }

    /**
     * Whether a file's recorded teacher is {@code setting}'s own, where it has one (width 16 in files from before
     * the width was recorded).
     */
    private static boolean taughtAs(MeasuredSettings.Setting setting, JsonObject config) {
        if (setting.teacherWidth() == 0) {
            return true;
        }
        int width = config.has("teacher_width") ? config.get("teacher_width").getAsInt() : 16;
        return width == setting.teacherWidth() && config.has("teacher_epochs")
                && config.get("teacher_epochs").getAsInt() == setting.teacherEpochs();
    }

    /**
     * Whether a file's recorded rounding steps ({@code recorded}, null for none) are {@code setting}'s: the int8
     * layers of a mixed decoder and the steps' schedule (absent in files from before either existed).
     */
    private static boolean roundedAs(MeasuredSettings.Setting setting, JsonObject recorded) {
        if (recorded == null) {
            return setting.roundingSteps() == 0;
        }
        List<Integer> layers = new java.util.ArrayList<>();
        if (recorded.has("int8_layers")) {
            recorded.getAsJsonArray("int8_layers").forEach(e -> layers.add(e.getAsInt()));
        }
        String schedule = recorded.has("schedule") ? recorded.get("schedule").getAsString()
                : LearningRateSchedule.CONSTANT.id();
        return recorded.get("steps").getAsInt() == setting.roundingSteps() && layers.equals(setting.int8Layers())
                && schedule.equals(setting.roundingSchedule().id());
    }

    /** The setting {@code lgc compress --budget} tries first for {@code budget}, or empty if none fits. */
    private Optional<MeasuredSettings.Setting> firstChoice(long budget, CompressionConfig base) {
        try {
            return MeasuredSettings.forBudget(budget, train, source, base, List.of(),
                    MeasuredSettings.Training.AS_MEASURED).map(MeasuredSettings.Choice::setting);
        } catch (ParameterException tooSmall) {
            return Optional.empty();
        }
    }

    /** {@code data}, the artifact in {@code file}, reconstructed at {@code spread} and judged. */
    private JsonObject measureArtifact(SweepPoint point, Path file, CompressedDataset data, double spread) {
        SamplingPlan plan = SamplingPlan.uniform(data.metadata().numClasses(), grid.perClass(), grid.seed(), spread);
        long begin = System.nanoTime();
        DatasetSink sink = new DatasetSink(data.metadata(), (int) plan.total());
        Reconstructor.reconstruct(data, plan, sink, progress);
        double reconstructSeconds = (System.nanoTime() - begin) / 1e9;
        EvaluationResult result = evaluate(sink.dataset());
        JsonObject o = common(point, size(file), result);
        o.addProperty("artifact", dir.relativize(file).toString());
        o.addProperty("reconstruct_seconds", reconstructSeconds);
        o.addProperty("spread", spread);
        return o;
    }

    private JsonObject measure(SweepPoint.Baseline point) {
        Baseline chosen = Baseline.choose(train, point.baseline(), new ByteBudget(point.budget()), grid.seed());
        EvaluationResult result = evaluate(chosen.subset());
        JsonObject o = common(point, chosen.pixelBytes(), result);
        o.addProperty("budget", point.budget());
        o.addProperty("per_class", chosen.perClass());
        return o;
    }

    private EvaluationResult evaluate(Dataset trainingSet) {
        int epochs = grid.epochs() > 0 ? grid.epochs() : grid.protocol().defaultEpochs(trainingSet.size());
        return Evaluator.evaluate(trainingSet, test, grid.protocol(), epochs, grid.seed(), grid.augment(), progress);
    }

    private static JsonObject common(SweepPoint point, long bytes, EvaluationResult result) {
        JsonObject o = new JsonObject();
        o.addProperty("id", point.id());
        o.addProperty("method", point.method());
        o.addProperty("bytes", bytes);
        o.addProperty("accuracy", result.accuracy());
        o.addProperty("train_size", result.trainSize());
        o.addProperty("epochs", result.epochs());
        o.addProperty("evaluate_seconds", result.seconds());
        return o;
    }

    /**
     * Fits the codec of {@code point} once and writes the artifacts of every point that shares it
     * and is not measured yet: one per component count and precision.
     */
    private void compressCodecGroup(SweepPoint.Lgc point, List<SweepPoint> all, SweepLog log) {
        List<SweepPoint.Lgc> group = new ArrayList<>();
        for (SweepPoint p : all) {
            if (p instanceof SweepPoint.Lgc l && l.sameCodec(point) && !log.done(l)) {
                group.add(l);
            }
        }
        List<Integer> components = group.stream().map(SweepPoint.Lgc::components).distinct().toList();
        List<MixtureSettings> settings = components.stream()
                .map(k -> MixtureSettings.fixed(k, CovarianceType.FULL, MixtureSettings.DEFAULT_N_INIT)).toList();
        CompressionConfig config = new CompressionConfig(point.decoder(), autoencoder(point.latentDim()),
                settings.get(0), grid.seed());
        createDirectories(dir.resolve("artifacts"));
        int[] next = {0};
        Compressor.compressEach(train, source, config, settings, progress, result -> {
            int k = components.get(next[0]++);
            for (SweepPoint.Lgc member : group) {
                if (member.components() == k) {
                    ArtifactFile.write(artifact(member), result.dataset(), member.precision());
                }
            }
        });
    }

    private AutoencoderConfig autoencoder(int latentDim) {
        int epochs = grid.autoencoderEpochs();
        FeatureMatching defaults = AutoencoderConfig.DEFAULT_FEATURE_MATCHING;
        FeatureMatching matching = new FeatureMatching(defaults.weight(), Math.min(defaults.epochs(), epochs),
                defaults.teacherEpochs(), defaults.teacherWidth());
        return new AutoencoderConfig(latentDim, AutoencoderConfig.DEFAULT_WIDTH,
                new FitConfig(epochs, AutoencoderConfig.DEFAULT_BATCH_SIZE, AutoencoderConfig.DEFAULT_LEARNING_RATE,
                        grid.seed()), AutoencoderConfig.DEFAULT_VALIDATION_FRACTION, matching);
    }

    private Path artifact(SweepPoint point) {
        return dir.resolve("artifacts").resolve(point.id() + ".lgc");
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code from} copied to {@code to} through a temporary file renamed into place. */
    private static void copy(Path from, Path to) {
        createDirectories(to.getParent());
        try {
            Path partial = Files.createTempFile(to.getParent(), to.getFileName().toString(), ".partial");
            try {
                Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
