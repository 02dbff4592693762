package io.lgc.api;

import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.VerifiedArtifact;
import io.lgc.artifact.WriteReport;
import io.lgc.data.DatasetResolver;
import io.lgc.data.LabelledData;
import io.lgc.data.ReadOptions;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.pipeline.Compressor;
import io.lgc.pipeline.SourceInfo;
import io.lgc.synth.LgcDataset;
import io.lgc.synth.SampleBatches;
import io.lgc.synth.SamplingPlan;
import java.nio.file.Path;

/**
 * LGC from Java: read labelled data, compress it into an artifact, save and load the file, sample
 * from it, or train a DJL model on it directly.
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
 * <p>Errors about the caller's data or files are {@link io.lgc.InputException}s whose message names
 * the file and the problem.
 */
public final class Lgc {
    private Lgc() {
    }

    /**
     * A labelled dataset: an IDX images file (labels beside it), a folder of class folders, CIFAR
     * batches, an npz, a CSV table, a folder holding one of these, or a known name such as
     * {@code fashion-mnist/train}.
     */
    public static LabelledData read(String dataset) {
        return read(dataset, ReadOptions.DEFAULTS);
    }

    /** {@link #read(String)} with options (format, image size, channels, label column, ...). */
    public static LabelledData read(String dataset, ReadOptions options) {
        return DatasetResolver.resolveWith(dataset, options).data();
    }

    /** Compresses {@code data} with the defaults {@code lgc compress} uses for its kind, seed 1, silently. */
    public static CompressedDataset compress(LabelledData data) {
        return compress(data, CompressionConfig.defaultsFor(data, 1), Progress.silent());
    }

    /**
     * Compresses {@code data} as {@code config} says (start from {@link CompressionConfig#defaultsFor}),
     * reporting to {@code progress}. The artifact's provenance names no source.
     */
    public static CompressedDataset compress(LabelledData data, CompressionConfig config, Progress progress) {
        return Compressor.compress(data, new SourceInfo("in-memory data", "memory", "", 0), config, progress)
                .dataset();
    }

    /** Writes {@code artifact} to {@code file} with int8 decoder weights, replacing it all at once. */
    public static WriteReport save(CompressedDataset artifact, Path file) {
        return save(artifact, file, Precision.DEFAULT);
    }

    /** Writes {@code artifact} to {@code file} at {@code precision}, replacing it all at once. */
    public static WriteReport save(CompressedDataset artifact, Path file, Precision precision) {
        return ArtifactFile.write(file, artifact, precision);
    }

    /** Reads an artifact, checking everything the format requires. */
    public static CompressedDataset load(Path file) {
        return ArtifactFile.read(file);
    }

    /** {@link #load} with what was found on the way: storage precision and header. */
    public static VerifiedArtifact verify(Path file) {
        return ArtifactFile.readVerified(file);
    }

    /**
     * {@code perClass} samples of every class, decoded, in batches: the samples {@code lgc reconstruct
     * --per-class perClass --seed seed} writes. Close the result to release the decoder.
     */
    public static SampleBatches sample(CompressedDataset artifact, int perClass, long seed) {
        return new SampleBatches(artifact, SamplingPlan.uniform(artifact.metadata().numClasses(), perClass, seed,
                SamplingPlan.DEFAULT_SPREAD));
    }

    /**
     * A DJL dataset of {@code samplesPerEpoch} fresh samples an epoch, in batches of {@code batchSize},
     * for {@code EasyTrain.fit}. Close it to release the decoder.
     */
    public static LgcDataset djlDataset(CompressedDataset artifact, long samplesPerEpoch, int batchSize, long seed) {
        return LgcDataset.builder(artifact).setSamplesPerEpoch(samplesPerEpoch).optBatchSize(batchSize).optSeed(seed)
                .build();
    }
}
