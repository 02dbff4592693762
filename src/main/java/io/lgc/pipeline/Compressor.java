package io.lgc.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.PixelScaling;
import io.lgc.data.Dataset;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.AutoencoderTrainer;
import io.lgc.model.EpochLosses;
import io.lgc.model.LatentCodec;
import io.lgc.model.PcaCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
        List<CompressionResult> results = new ArrayList<>();
        compressEach(data, source, config, List.of(config.mixtures()), progress, results::add);
        return results.get(0);
    }

    /**
     * One artifact per mixture setting from a single encoder–decoder fit: the codec is the costly
     * part, so a sweep over components trains it once. Each result is handed to {@code each} as soon
     * as its mixtures are fitted; its provenance records its own mixture setting.
     */
    public static void compressEach(Dataset data, SourceInfo source, CompressionConfig config,
            List<MixtureSettings> settings, Progress progress, Consumer<CompressionResult> each) {
        // A mixture needs at least two points; one sample per class would be the sample itself.
        data.requireAtLeast(2, source.name());
        StageTimes codecTimes = new StageTimes();
        try (LatentCodec codec = fitCodec(data, config, codecTimes, progress)) {
            double[][] latents = codecTimes.time("encode", () -> codec.encode(data));
            for (MixtureSettings setting : settings) {
                CompressionConfig own = config.withMixtures(setting);
                StageTimes times = codecTimes.copy();
                ClassMixtures mixtures = times.time("fit mixtures",
                        () -> ClassMixtures.fit(data, latents, setting, own.seed(), progress));
                ArtifactMetadata metadata = new ArtifactMetadata(data.classNames(), data.classCounts(), data.shape(),
                        PixelScaling.UINT8, codec.latentDim(), setting.covarianceType(),
                        codec.decoder(), mixtures.report(), provenance(source, own, codec.history()));
                CompressedDataset dataset = new CompressedDataset(metadata, mixtures.mixtures(),
                        codec.decoderWeights());
                each.accept(new CompressionResult(dataset, times, mixtures.warnings(), latents));
            }
        }
    }

    private static LatentCodec fitCodec(Dataset data, CompressionConfig config, StageTimes times, Progress progress) {
        return switch (config.decoder()) {
            case AUTOENCODER -> times.time("train autoencoder",
                    () -> AutoencoderTrainer.train(data, config.autoencoder(), progress));
            case PCA -> times.time("fit pca",
                    () -> PcaCodec.fit(data, config.autoencoder().latentDim(), config.seed()));
        };
    }

    private static void addTraining(JsonObject c, AutoencoderConfig ae) {
        c.addProperty("width", ae.width());
        c.addProperty("epochs", ae.fit().epochs());
        c.addProperty("batch_size", ae.fit().batchSize());
        c.addProperty("learning_rate", ae.fit().learningRate());
        c.addProperty("validation_fraction", ae.validationFraction());
        c.addProperty("feature_weight", ae.featureMatching().weight());
        c.addProperty("feature_epochs", ae.featureMatching().epochs());
        c.addProperty("teacher_epochs", ae.featureMatching().teacherEpochs());
        c.addProperty("teacher_width", ae.featureMatching().teacherWidth());
    }

    private static JsonObject provenance(SourceInfo source, CompressionConfig config, List<EpochLosses> history) {
        JsonObject p = new JsonObject();
        p.addProperty("tool", "lgc");
        p.addProperty("tool_version", TOOL_VERSION);
        p.addProperty("seed", config.seed());
        AutoencoderConfig ae = config.autoencoder();
        JsonObject c = new JsonObject();
        c.addProperty("decoder", config.decoder().cliName());
        c.addProperty("latent_dim", ae.latentDim());
        if (config.decoder() == DecoderKind.AUTOENCODER) {
            addTraining(c, ae);
        }
        c.addProperty("components", config.mixtures().toString());
        c.addProperty("covariance_type", config.mixtures().covarianceType().name().toLowerCase(Locale.ROOT));
        c.addProperty("n_init", config.mixtures().nInit());
        p.add("config", c);
        JsonObject s = new JsonObject();
        s.addProperty("name", source.name());
        s.addProperty("format", source.format());
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
