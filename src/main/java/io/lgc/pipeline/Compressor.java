package io.lgc.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.PixelScaling;
import io.lgc.data.Dataset;
import io.lgc.gmm.FitResult;
import io.lgc.gmm.GaussianMixture;
import io.lgc.gmm.GmmConfig;
import io.lgc.gmm.MixtureSelection;
import io.lgc.gmm.Selection;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.AutoencoderTrainer;
import io.lgc.model.EpochLosses;
import io.lgc.model.TrainedAutoencoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compression pipeline: train the autoencoder, encode the data, fit one mixture per class,
 * and assemble what the receiver needs. Writing the file is left to the caller.
 */
public final class Compressor {
    public static final String TOOL_VERSION = "0.1.0";

    private Compressor() {
    }

    public static CompressionResult compress(Dataset data, SourceInfo source, CompressionConfig config,
            Progress progress) {
        requireEveryClassPresent(data, source);
        StageTimes times = new StageTimes();
        try (TrainedAutoencoder autoencoder = times.time("train autoencoder",
                () -> AutoencoderTrainer.train(data, config.autoencoder(), progress))) {
            double[][] latents = times.time("encode", () -> autoencoder.encode(data));
            List<String> warnings = new ArrayList<>();
            JsonArray report = new JsonArray();
            List<GaussianMixture> mixtures = times.time("fit mixtures",
                    () -> fitMixtures(data, latents, config, warnings, report, progress));
            JsonObject mixtureReport = new JsonObject();
            mixtureReport.add("classes", report);
            ArtifactMetadata metadata = new ArtifactMetadata(data.classNames(), data.classCounts(), data.shape(),
                    PixelScaling.UINT8, autoencoder.spec().latentDim(), config.mixtures().covarianceType(),
                    autoencoder.spec().decoder(), mixtureReport,
                    provenance(source, config, autoencoder.history()));
            CompressedDataset dataset = new CompressedDataset(metadata, mixtures, autoencoder.decoderWeights());
            return new CompressionResult(dataset, times, warnings);
        }
    }

    /** A class without samples has no mixture to fit; its name would silently vanish from the output. */
    private static void requireEveryClassPresent(Dataset data, SourceInfo source) {
        int[] counts = data.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new InputException(source.name() + ": class " + c + " ('" + data.classNames().get(c)
                        + "') has no samples; remove it from classes.txt or add samples");
            }
        }
    }

    private static List<GaussianMixture> fitMixtures(Dataset data, double[][] latents, CompressionConfig config,
            List<String> warnings, JsonArray report, Progress progress) {
        MixtureSettings settings = config.mixtures();
        List<GaussianMixture> mixtures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < data.numClasses(); c++) {
            double[][] x = rows(latents, data.indicesOf(c));
            String name = data.classNames().get(c);
            GmmConfig gmm = GmmConfig.builder().components(settings.minComponents())
                    .covarianceType(settings.covarianceType()).nInit(settings.nInit())
                    .seed(config.seed() * 1_000_003L + c).build();
            JsonObject entry = new JsonObject();
            entry.addProperty("class", name);
            FitResult fit;
            if (settings.automatic()) {
                Selection selection = MixtureSelection.byBic(x, settings.minComponents(), settings.maxComponents(), gmm);
                fit = selection.best();
                JsonObject curve = new JsonObject();
                selection.bicCurve().forEach((k, bic) -> curve.addProperty(Integer.toString(k), bic));
                entry.add("bic_curve", curve);
                selection.warnings().forEach(w -> warnings.add("class " + name + ": " + w));
            } else {
                fit = GaussianMixture.fit(x, gmm);
            }
            fit.warnings().forEach(w -> warnings.add("class " + name + ": " + w));
            entry.addProperty("components", fit.model().components());
            entry.addProperty("samples", x.length);
            entry.addProperty("converged", fit.converged());
            entry.addProperty("iterations", fit.iterations());
            entry.addProperty("lower_bound", fit.lowerBound());
            JsonArray w = new JsonArray();
            fit.warnings().forEach(w::add);
            entry.add("warnings", w);
            report.add(entry);
            mixtures.add(fit.model());
            progress.update("fit mixtures", c + 1, data.numClasses(), start);
        }
        return mixtures;
    }

    private static double[][] rows(double[][] all, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = all[indices[i]];
        }
        return out;
    }

    private static JsonObject provenance(SourceInfo source, CompressionConfig config, List<EpochLosses> history) {
        JsonObject p = new JsonObject();
        p.addProperty("tool", "lgc");
        p.addProperty("tool_version", TOOL_VERSION);
        p.addProperty("seed", config.seed());
        AutoencoderConfig ae = config.autoencoder();
        JsonObject c = new JsonObject();
        c.addProperty("latent_dim", ae.latentDim());
        c.addProperty("width", ae.width());
        c.addProperty("epochs", ae.fit().epochs());
        c.addProperty("batch_size", ae.fit().batchSize());
        c.addProperty("learning_rate", ae.fit().learningRate());
        c.addProperty("validation_fraction", ae.validationFraction());
        c.addProperty("feature_weight", ae.featureMatching().weight());
        c.addProperty("feature_epochs", ae.featureMatching().epochs());
        c.addProperty("teacher_epochs", ae.featureMatching().teacherEpochs());
        c.addProperty("teacher_width", ae.featureMatching().teacherWidth());
        c.addProperty("components", config.mixtures().toString());
        c.addProperty("covariance_type", config.mixtures().covarianceType().name().toLowerCase(Locale.ROOT));
        c.addProperty("n_init", config.mixtures().nInit());
        p.add("config", c);
        JsonObject s = new JsonObject();
        s.addProperty("name", source.name());
        s.addProperty("sha256", source.sha256());
        s.addProperty("file_bytes", source.fileBytes());
        p.add("source", s);
        JsonArray train = new JsonArray();
        JsonArray valid = new JsonArray();
        for (EpochLosses e : history) {
            train.add(e.train());
            if (Double.isFinite(e.validation())) {
                valid.add(e.validation());
            }
        }
        JsonObject t = new JsonObject();
        t.add("train_loss", train);
        t.add("validation_loss", valid);
        p.add("training", t);
        return p;
    }
}
