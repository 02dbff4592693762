package io.lgc.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.PixelScaling;
import io.lgc.artifact.ImageFormat;
import io.lgc.artifact.SampleFormat;
import io.lgc.artifact.TableFormat;
import io.lgc.data.Dataset;
import io.lgc.data.FeatureScaling;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.AutoencoderTrainer;
import io.lgc.model.DecoderTuner;
import io.lgc.model.EpochLosses;
import io.lgc.model.LatentCodec;
import io.lgc.model.PcaCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Locale;

/**
 * The compression pipeline: train the autoencoder, encode the data, fit one mixture per class,
 * and assemble what the receiver needs. Writing the file is left to the caller.
 *
 * <p>Images and tables take the same path. A table is first standardised per feature (the
 * networks train on standardised values, see {@link FeatureScaling}); the scaling goes into the
 * artifact so that a reconstruction comes back in the source's units.
 */
public final class Compressor {
    public static final String TOOL_VERSION = "0.1.0";
    /**
     * Most epochs whose losses the provenance lists. A small table trains hundreds of epochs, and
     * every loss listed would make the header outweigh the decoder.
     */
    static final int MAX_LOSS_POINTS = 50;

    private Compressor() {
    }

    public static CompressionResult compress(LabelledData data, SourceInfo source, CompressionConfig config,
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
    public static void compressEach(LabelledData data, SourceInfo source, CompressionConfig config,
            List<MixtureSettings> settings, Progress progress, Consumer<CompressionResult> each) {
        try (FittedCodec fitted = fitCodec(data, source, config, progress)) {
            LabelledData input = fitted.input();
            StageTimes codecTimes = fitted.times();
            double[][] latents = codecTimes.time("encode", () -> fitted.codec().encode(input));
            for (MixtureSettings setting : settings) {
                CompressionConfig own = config.withMixtures(setting);
                StageTimes times = codecTimes.copy();
                ClassMixtures mixtures = times.time("fit mixtures",
                        () -> ClassMixtures.fit(input, latents, setting, own.seed(), progress));
                CompressedDataset dataset = assemble(fitted, source, own, data.classNames(), data.classCounts(),
                        mixtures.mixtures(), mixtures.report(), times, progress);
                each.accept(new CompressionResult(dataset, times, mixtures.warnings(), latents));
            }
        }
    }

    /**
     * The first half of compression: the sample format (a table's scaling is fitted here) and the
     * encoder–decoder trained on {@code data}. A caller that encodes and fits the mixtures elsewhere
     * (on a cluster, over more data than {@code data} samples) finishes with {@link #assemble}.
     */
    public static FittedCodec fitCodec(LabelledData data, SourceInfo source, CompressionConfig config,
            Progress progress) {
        // A mixture needs at least two points; one sample per class would be the sample itself.
        data.requireAtLeast(2, source.given());
        SampleFormat format;
        LabelledData input;
        if (data instanceof Table table) {
            FeatureScaling scaling = FeatureScaling.fit(table);
            format = new TableFormat(table.columns(), scaling);
            input = scaling.standardise(table);
        } else {
            format = new ImageFormat(((Dataset) data).shape(), PixelScaling.UINT8);
            input = data;
        }
        AutoencoderConfig ae = config.autoencoder().forData(data);
        if (config.decoder() == DecoderKind.AUTOENCODER) {
            // before hours of training, not when the file is written
            ArtifactFile.requireReadableDecoder(ae.spec(input.layout()).decoder(),
                    source.name());
        }
        StageTimes times = new StageTimes();
        LatentCodec codec = fitCodec(input, config.decoder(), ae, config.seed(), times, progress);
        return new FittedCodec(format, input, ae, codec, times);
    }

    /**
     * The artifact of a fitted codec and the mixtures of every class, with the provenance
     * {@code lgc compress} writes; class names and counts are those of all the data compressed.
     */
    public static CompressedDataset assemble(FittedCodec fitted, SourceInfo source, CompressionConfig config,
            List<String> classNames, int[] classCounts, List<GaussianMixture> mixtures, JsonObject mixtureReport) {
        return assemble(fitted, source, config, classNames, classCounts, mixtures, mixtureReport, new StageTimes(),
                Progress.silent());
    }

    /** As above; decoder tuning, when the config asks for it, is timed in {@code times} and reported to {@code progress}. */
    private static CompressedDataset assemble(FittedCodec fitted, SourceInfo source, CompressionConfig config,
            List<String> classNames, int[] classCounts, List<GaussianMixture> mixtures, JsonObject mixtureReport,
            StageTimes times, Progress progress) {
        LatentCodec codec = fitted.codec();
        boolean tuned = tunes(config, fitted.input());
        ArtifactMetadata metadata = new ArtifactMetadata(classNames, classCounts, fitted.format(), codec.latentDim(),
                config.mixtures().covarianceType(), codec.decoder(), mixtureReport,
                provenance(source, config, fitted.autoencoder(), tuned, codec.history()));
        Map<String, float[]> weights = !tuned ? codec.decoderWeights()
                : times.time("tune decoder", () -> DecoderTuner.tune(codec.decoder(), codec.decoderWeights(),
                        mixtures, (Dataset) fitted.input(), config.tuning(), config.seed(), progress));
        return new CompressedDataset(metadata, mixtures, weights);
    }

    /**
     * Whether the decoder is tuned on mixture samples before it ships: when asked, for an autoencoder
     * on images. The tuned weights are a copy; the codec stays as trained, for the next mixture setting.
     */
    private static boolean tunes(CompressionConfig config, LabelledData input) {
        return config.tuning().enabled() && config.decoder() == DecoderKind.AUTOENCODER && input instanceof Dataset;
    }

    /** @param ae the autoencoder configuration as it applies to the data ({@link AutoencoderConfig#forData}) */
    private static LatentCodec fitCodec(LabelledData data, DecoderKind decoder, AutoencoderConfig ae, long seed,
            StageTimes times, Progress progress) {
        return switch (decoder) {
            case AUTOENCODER -> times.time("train autoencoder", () -> AutoencoderTrainer.train(data, ae, progress));
            case PCA -> {
                if (!(data instanceof Dataset images)) {
                    throw new io.lgc.InputException("a PCA decoder is a basis of image pixels; a table trains the"
                            + " autoencoder");
                }
                yield times.time("fit pca", () -> PcaCodec.fit(images, ae.latentDim(), seed));
            }
        };
    }

    private static void addTraining(JsonObject c, AutoencoderConfig ae) {
        c.addProperty("model", ae.model().id());
        c.addProperty("width", ae.width());
        if (ae.stem() != io.lgc.network.Architectures.NO_STEM) {
            c.addProperty("stem", ae.stem()); // absent otherwise, so files without one keep their bytes
        }
        c.addProperty("epochs", ae.fit().epochs());
        c.addProperty("batch_size", ae.fit().batchSize());
        c.addProperty("learning_rate", ae.fit().learningRate());
        if (ae.fit().schedule() != io.lgc.model.LearningRateSchedule.CONSTANT) {
            // absent otherwise, so older files keep their bytes
            c.addProperty("lr_schedule", ae.fit().schedule().id());
        }
        if (ae.latentNoise() > 0) {
            c.addProperty("latent_noise", ae.latentNoise()); // absent otherwise, so older files keep their bytes
        }
        if (ae.klWeight() > 0) {
            c.addProperty("kl_weight", ae.klWeight()); // likewise
        }
        c.addProperty("validation_fraction", ae.validationFraction());
        c.addProperty("feature_weight", ae.featureMatching().weight());
        c.addProperty("feature_epochs", ae.featureMatching().epochs());
        c.addProperty("teacher_epochs", ae.featureMatching().teacherEpochs());
        c.addProperty("teacher_width", ae.featureMatching().teacherWidth());
        if (ae.featureMatching().textureWeight() > 0) {
            // absent otherwise, so older files keep their bytes
            c.addProperty("texture_weight", ae.featureMatching().textureWeight());
        }
    }

    /** @param ae the autoencoder configuration as applied to the data, which a table changes */
    static JsonObject provenance(SourceInfo source, CompressionConfig config, AutoencoderConfig ae,
            boolean tuned, List<EpochLosses> history) {
        JsonObject p = new JsonObject();
        p.addProperty("tool", "lgc");
        p.addProperty("tool_version", TOOL_VERSION);
        p.addProperty("seed", config.seed());
        JsonObject c = new JsonObject();
        c.addProperty("decoder", config.decoder().cliName());
        c.addProperty("latent_dim", ae.latentDim());
        if (config.decoder() == DecoderKind.AUTOENCODER) {
            addTraining(c, ae);
            if (tuned) {
                JsonObject t = new JsonObject();
                t.addProperty("steps", config.tuning().steps());
                t.addProperty("per_class", config.tuning().perClass());
                t.addProperty("learning_rate", config.tuning().learningRate());
                t.addProperty("match_weight", config.tuning().matchWeight());
                t.addProperty("teacher_epochs", config.tuning().teacherEpochs());
                c.add("decoder_tuning", t);
            }
        }
        c.addProperty("components", config.mixtures().toString());
        c.addProperty("covariance_type", config.mixtures().covarianceType().name().toLowerCase(Locale.ROOT));
        c.addProperty("n_init", config.mixtures().nInit());
        p.add("config", c);
        JsonObject s = new JsonObject();
        s.addProperty("name", source.name());
        s.addProperty("format", source.format());
        if (source.sha256() != null) {
            s.addProperty("sha256", source.sha256());
        }
        s.addProperty("file_bytes", source.fileBytes());
        s.addProperty("record", source.record().id());
        p.add("source", s);
        JsonArray train = new JsonArray();
        JsonArray valid = new JsonArray();
        JsonArray epochs = new JsonArray();
        int n = history.size();
        for (int i = 1, last = 0; i <= Math.min(n, MAX_LOSS_POINTS); i++) {
            // Evenly spaced epochs, the last one always among them; all of them when few.
            int epoch = n <= MAX_LOSS_POINTS ? i : (int) Math.round((double) i * n / MAX_LOSS_POINTS);
            if (epoch == last) {
                continue;
            }
            last = epoch;
            EpochLosses e = history.get(epoch - 1);
            epochs.add(epoch);
            train.add(e.train());
            if (Double.isFinite(e.validation())) {
                valid.add(e.validation());
            }
        }
        JsonObject t = new JsonObject();
        t.add("train_loss", train);
        t.add("validation_loss", valid);
        if (n > MAX_LOSS_POINTS) {
            t.add("loss_epochs", epochs); // which epochs the lists above hold
        }
        p.add("training", t);
        return p;
    }
}
