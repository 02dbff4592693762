package io.lgc.api;

import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.VerifiedArtifact;
import io.lgc.artifact.container.WriteReport;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetOutput;
import io.lgc.data.DatasetResolver;
import io.lgc.data.ImageShape;
import io.lgc.data.LabelledData;
import io.lgc.data.OutputFormat;
import io.lgc.data.ReadOptions;
import io.lgc.data.Table;
import io.lgc.data.TableColumns;
import io.lgc.model.RoundingTuning;
import io.lgc.pipeline.BudgetCompressor;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.pipeline.Compressor;
import io.lgc.pipeline.RoundingStage;
import io.lgc.pipeline.SourceInfo;
import io.lgc.pipeline.StageTimes;
import io.lgc.synth.DatasetExport;
import io.lgc.synth.LgcDataset;
import io.lgc.synth.SampleBatches;
import io.lgc.synth.SamplingPlan;
import java.nio.file.Path;
import java.util.List;

/**
 * LGC from Java: read labelled data (or wrap arrays), compress it into an artifact, save and load the
 * file, sample from it, write the samples as a dataset, or train a DJL model on it directly.
 *
 * <pre>{@code
 * LabelledData train = Lgc.read("fashion-mnist/train");               // any dataset the CLI reads
 * CompressedDataset artifact = Lgc.compress(train);                    // the CLI's defaults
 * Lgc.save(artifact, Path.of("fashion.lgc"));
 * try (SampleBatches batches = Lgc.sample(Lgc.load(Path.of("fashion.lgc")), 100, 1)) {
 *     batches.forEachRemaining(batch -> System.out.println(batch.size() + " samples"));
 * }
 * }</pre>
 *
 * <p>Every method is a thin, stable front for the stage that does the work ({@code data},
 * {@code pipeline}, {@code artifact}, {@code synth}); the types it hands out are records and
 * interfaces of those packages. Errors about the caller's data, files or parameters are
 * {@link io.lgc.InputException}s whose message names the file or parameter and the problem; a
 * network that diverges in training is an {@link io.lgc.model.TrainingDivergedException}.
 */
public final class Lgc {
    private Lgc() {
    }

    /**
     * Reads a labelled dataset with the default options.
     *
     * <pre>{@code
     * LabelledData train = Lgc.read("fashion-mnist/train");
     * LabelledData mine = Lgc.read("photos/");       // a folder of class folders of images
     * }</pre>
     *
     * @param dataset an IDX images file (labels beside it), a folder of class folders, CIFAR batches,
     *     an npz, a CSV table, a folder holding one of these, or a known name such as
     *     {@code fashion-mnist/train}
     * @return the samples, labels and class names
     */
    public static LabelledData read(String dataset) {
        return read(dataset, ReadOptions.DEFAULTS);
    }

    /**
     * Reads a labelled dataset with options (format, image size, channels, label column, ...).
     *
     * <pre>{@code
     * LabelledData small = Lgc.read("photos/", ReadOptions.builder().size(new ImageSize(32, 32)).build());
     * }</pre>
     *
     * @param dataset what {@link #read(String)} accepts
     * @param options how to read it
     * @return the samples, labels and class names
     */
    public static LabelledData read(String dataset, ReadOptions options) {
        return DatasetResolver.resolveWith(dataset, options).data();
    }

    /**
     * Wraps images held in memory as labelled data, without copying.
     *
     * <pre>{@code
     * LabelledData digits = Lgc.images(pixels, labels, List.of("zero", "one"), 1, 28, 28);
     * }</pre>
     *
     * @param pixels uint8 pixels (read as unsigned), one sample after the other, each in
     *     channel-height-width order
     * @param labels each sample's class index into {@code classNames}
     * @param classNames the classes' names
     * @param channels 1 (grayscale) or 3 (RGB)
     * @param height image height in pixels
     * @param width image width in pixels
     * @return the dataset
     */
    public static LabelledData images(byte[] pixels, int[] labels, List<String> classNames, int channels,
            int height, int width) {
        return new Dataset(pixels, labels, classNames, new ImageShape(channels, height, width));
    }

    /**
     * Wraps a numeric table held in memory as labelled data, without copying.
     *
     * <pre>{@code
     * LabelledData iris = Lgc.table(values, labels, List.of("setosa", "versicolor", "virginica"),
     *         List.of("sepal length", "sepal width", "petal length", "petal width"));
     * }</pre>
     *
     * @param values the rows one after the other, {@code features.size()} values each
     * @param labels each row's class index into {@code classNames}
     * @param classNames the classes' names
     * @param features the feature columns' names, in order
     * @return the table (a label column named {@code label} follows the features when it is written)
     */
    public static LabelledData table(float[] values, int[] labels, List<String> classNames, List<String> features) {
        return new Table(values, labels, classNames, TableColumns.labelLast(features, "label"));
    }

    /**
     * Compresses {@code data} with the defaults {@code lgc compress} uses for its kind, seed 1, silently.
     *
     * <pre>{@code
     * CompressedDataset artifact = Lgc.compress(Lgc.read("fashion-mnist/train"));
     * }</pre>
     *
     * @param data the labelled data to compress
     * @return the artifact: decoder, one mixture per class and metadata
     */
    public static CompressedDataset compress(LabelledData data) {
        return compress(data, CompressionConfig.defaultsFor(data, 1), Progress.silent());
    }

    /**
     * Compresses {@code data} as {@code config} says, reporting to {@code progress}. The artifact's
     * provenance names no source.
     *
     * <pre>{@code
     * CompressionConfig config = CompressionConfig.defaultsFor(data, 7);      // the CLI's defaults, seed 7
     * CompressedDataset artifact = Lgc.compress(data, config, Progress.terminal(System.err));
     * }</pre>
     *
     * @param data the labelled data to compress
     * @param config what to train and fit; start from {@link CompressionConfig#defaultsFor}
     * @param progress where progress goes: {@link Progress#silent()}, {@link Progress#terminal}, or your own
     * @return the artifact
     */
    public static CompressedDataset compress(LabelledData data, CompressionConfig config, Progress progress) {
        return Compressor.compress(data, new SourceInfo("in-memory data", "memory", "", 0), config, progress)
                .dataset();
    }

    /**
     * Compresses {@code data} (images) into a file of at most {@code budgetBytes} bytes, as {@code lgc compress
     * --budget} does: the most accurate setting measured on Fashion-MNIST whose file fits (decoder, latent
     * dimension, components, width, storage precision, training length, sharpening), trained with the CLI's
     * defaults for the rest, and saves it to {@code file}, replacing what is there all at once, as
     * {@link #save(CompressedDataset, Path)} does; nothing is written when no setting fits.
     *
     * <pre>{@code
     * WriteReport small = Lgc.compressWithin(Lgc.read("fashion-mnist/train"), 78_400, 1, Path.of("small.lgc"),
     *         Progress.terminal(System.err));                    // at most 78,400 bytes
     * }</pre>
     *
     * @param data the labelled images to compress
     * @param budgetBytes the most bytes the file may take
     * @param seed the seed of every stage
     * @param file the file, written to a temporary beside it and renamed into place
     * @param progress where progress goes
     * @return the file's size, part by part
     * @throws io.lgc.ParameterException naming {@code budget} when no measured setting fits
     * @throws io.lgc.InputException for a table, which the settings measured on images do not cover
     */
    public static WriteReport compressWithin(LabelledData data, long budgetBytes, long seed, Path file,
            Progress progress) {
        if (!(data instanceof Dataset images)) {
            throw new io.lgc.InputException("a table; a byte budget chooses among settings measured on images (a"
                    + " table takes a CompressionConfig of its own)");
        }
        BudgetCompressor.Budgeted made = BudgetCompressor.compress(images, new SourceInfo("in-memory data", "memory",
                "", 0), "the data", budgetBytes, CompressionConfig.defaultsFor(images, seed),
                BudgetCompressor.Options.AS_MEASURED, progress, new BudgetCompressor.Listener() { });
        return ArtifactFile.write(file, made.result().dataset(), made.storage());
    }

    /**
     * Writes {@code artifact} to {@code file} with int8 decoder weights, replacing it all at once.
     *
     * <pre>{@code
     * WriteReport report = Lgc.save(artifact, Path.of("fashion.lgc"));
     * System.out.println(report.totalBytes() + " bytes");
     * }</pre>
     *
     * @param artifact what to write
     * @param file the file, written to a temporary beside it and renamed into place
     * @return the file's size, part by part
     */
    public static WriteReport save(CompressedDataset artifact, Path file) {
        return save(artifact, file, Precision.DEFAULT);
    }

    /**
     * Writes {@code artifact} to {@code file} at {@code precision}, replacing it all at once.
     *
     * <pre>{@code
     * Lgc.save(artifact, Path.of("fashion-fp16.lgc"), Precision.FP16);
     * }</pre>
     *
     * @param artifact what to write
     * @param file the file, written to a temporary beside it and renamed into place
     * @param precision how the decoder's weights (and mixtures, where harmless) are stored
     * @return the file's size, part by part
     */
    public static WriteReport save(CompressedDataset artifact, Path file, Precision precision) {
        return ArtifactFile.write(file, artifact, precision);
    }

    /**
     * {@code artifact} made ready to be stored at {@code precision} as {@code lgc compress} makes it: an
     * int4 decoder trained {@value RoundingTuning#INT4_DEFAULT_STEPS} steps to decode as before once rounded
     * to its grid (on draws of the artifact's own mixtures; the header records it), any other as it is.
     *
     * <pre>{@code
     * Lgc.save(Lgc.forStorage(artifact, Precision.INT4, 1), Path.of("fashion-int4.lgc"), Precision.INT4);
     * }</pre>
     *
     * @param artifact a compressed dataset
     * @param precision the precision it is to be saved at
     * @param seed the seed of the tuning's draws
     * @return the artifact to save
     */
    public static CompressedDataset forStorage(CompressedDataset artifact, Precision precision, long seed) {
        return RoundingStage.apply(artifact, precision, RoundingTuning.defaultFor(precision), seed, new StageTimes(),
                Progress.silent());
    }

    /**
     * {@code artifact} with its full covariances to be saved as {@code rank} loading vectors plus a diagonal,
     * as {@code lgc compress --covariance-rank} saves them: (rank + 1)·d numbers a component where the
     * Cholesky triangle takes d(d + 1)/2; 0 saves them whole. {@link ArtifactFile#covarianceRankDivergence}
     * says how far that moves a class, in nats.
     *
     * <pre>{@code
     * Lgc.save(Lgc.withCovarianceRank(artifact, 16), Path.of("fashion-rank16.lgc"), Precision.INT8);
     * }</pre>
     *
     * @param artifact a compressed dataset with full covariances
     * @param rank 0, or 1 to the latent dimension − 1
     * @return the artifact to save
     * @throws IllegalArgumentException for another covariance type or a rank out of range
     */
    public static CompressedDataset withCovarianceRank(CompressedDataset artifact, int rank) {
        return artifact.withCovarianceRank(rank);
    }

    /**
     * Reads an artifact, checking everything the format requires.
     *
     * <pre>{@code
     * CompressedDataset received = Lgc.load(Path.of("fashion.lgc"));
     * List<String> classes = received.metadata().classNames();
     * }</pre>
     *
     * @param file an {@code .lgc} file
     * @return its contents
     */
    public static CompressedDataset load(Path file) {
        return ArtifactFile.read(file);
    }

    /**
     * Reads and checks an artifact as {@code lgc inspect --verify} does, with what was found on the way.
     *
     * <pre>{@code
     * VerifiedArtifact checked = Lgc.verify(Path.of("fashion.lgc"));
     * System.out.println(checked.parts().totalBytes() + " bytes, decoder " + checked.precision().decoder());
     * }</pre>
     *
     * @param file an {@code .lgc} file
     * @return its contents, storage precision, raw header and part sizes
     */
    public static VerifiedArtifact verify(Path file) {
        return ArtifactFile.readVerified(file);
    }

    /**
     * {@code perClass} decoded samples of every class, in batches: the samples {@code lgc reconstruct
     * --per-class perClass --seed seed} writes. Close the result to release the decoder.
     *
     * <pre>{@code
     * try (SampleBatches batches = Lgc.sample(artifact, 6000, 1)) {
     *     while (batches.hasNext()) {
     *         LabelledData batch = batches.next();             // up to 1,000 samples
     *     }
     * }
     * }</pre>
     *
     * @param artifact the artifact to sample
     * @param perClass samples of each class
     * @param seed the sampling seed: one artifact and one seed give the same samples
     * @return the batches, as an iterator
     */
    public static SampleBatches sample(CompressedDataset artifact, int perClass, long seed) {
        return sample(artifact, SamplingPlan.uniform(artifact.metadata().numClasses(), perClass, seed,
                SamplingPlan.defaultSpread(artifact.metadata())));
    }

    /**
     * {@code count} decoded samples in all, split by the source's class proportions: the samples
     * {@code lgc reconstruct --count count --seed seed} writes. Close the result to release the decoder.
     *
     * <pre>{@code
     * try (SampleBatches batches = Lgc.sampleCount(artifact, 10_000, 1)) {
     *     batches.forEachRemaining(batch -> train(batch));
     * }
     * }</pre>
     *
     * @param artifact the artifact to sample
     * @param count samples in all
     * @param seed the sampling seed
     * @return the batches, as an iterator
     */
    public static SampleBatches sampleCount(CompressedDataset artifact, long count, long seed) {
        return sample(artifact, SamplingPlan.proportional(artifact.metadata().classCounts(), count, seed,
                SamplingPlan.defaultSpread(artifact.metadata())));
    }

    /**
     * The samples {@code plan} asks for (counts per class, seed, covariance spread), in batches.
     * Close the result to release the decoder.
     *
     * <pre>{@code
     * SamplingPlan plan = new SamplingPlan(new int[] {100, 0, 50}, 1, 1.2);   // wider draws, 2 classes
     * try (SampleBatches batches = Lgc.sample(artifact, plan)) { ... }
     * }</pre>
     *
     * @param artifact the artifact to sample
     * @param plan how many samples of each class, the seed and the spread
     * @return the batches, as an iterator
     */
    public static SampleBatches sample(CompressedDataset artifact, SamplingPlan plan) {
        return new SampleBatches(artifact, plan);
    }

    /**
     * Decodes the samples {@code plan} asks for and writes them to the new directory {@code dir} as
     * {@code format}, as {@code lgc reconstruct} does: streamed, and atomically (the directory appears
     * whole or not at all). An existing {@code dir} is refused unless it is empty.
     *
     * <pre>{@code
     * Lgc.write(artifact, SamplingPlan.uniform(10, 6000, 1, 1.0), OutputFormat.NPZ, Path.of("synthetic"));
     * }</pre>
     *
     * @param artifact the artifact to sample
     * @param plan how many samples of each class, the seed and the spread
     * @param format idx, npz or png for images; csv or npz for a table
     * @param dir the output directory; its parent must exist
     * @return the number of samples written
     */
    public static long write(CompressedDataset artifact, SamplingPlan plan, OutputFormat format, Path dir) {
        return DatasetExport.write(artifact, plan, format, DatasetOutput.target(dir, false), Progress.silent());
    }

    /**
     * A DJL dataset of {@code samplesPerEpoch} fresh samples an epoch, in batches of {@code batchSize},
     * for {@code EasyTrain.fit}: nothing is written to disk. Close it to release the decoder.
     *
     * <pre>{@code
     * try (LgcDataset data = Lgc.djlDataset(artifact, 60_000, 128, 1)) {
     *     EasyTrain.fit(trainer, 5, data, null);
     * }
     * }</pre>
     *
     * @param artifact the artifact to sample
     * @param samplesPerEpoch samples drawn for each epoch
     * @param batchSize samples per batch
     * @param seed the sampling seed
     * @return the dataset
     */
    public static LgcDataset djlDataset(CompressedDataset artifact, long samplesPerEpoch, int batchSize, long seed) {
        return LgcDataset.builder(artifact).setSamplesPerEpoch(samplesPerEpoch).optBatchSize(batchSize).optSeed(seed)
                .build();
    }
}
