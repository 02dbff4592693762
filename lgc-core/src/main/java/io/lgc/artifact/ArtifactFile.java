package io.lgc.artifact;

import io.lgc.artifact.container.WriteReport;
import io.lgc.artifact.container.Codec;
import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.ContainerFormatException;
import io.lgc.artifact.container.ContainerReader;
import io.lgc.artifact.container.ContainerWriter;
import io.lgc.artifact.container.JsonText;
import io.lgc.artifact.container.Malformed;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.container.Section;
import com.google.gson.JsonObject;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.gmm.GaussianMixture;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link CompressedDataset}s as .lgc files: the metadata becomes the container's
 * JSON header, the mixtures and the decoder become one section each (see docs/FORMAT.md, "The LGC
 * layer").
 *
 * <p>Reading is strict: every tensor the header implies must be there, nothing else, each with its
 * shape and the dtype its precision prescribes, and every value must make sense (finite, positive
 * scales and Cholesky diagonals, weights summing to 1). Writing runs the same checks on what it is
 * about to write, so a file this class writes always reads back.
 */
public final class ArtifactFile {
    public static final String MIXTURES = "mixtures";
    public static final String DECODER = "decoder";
    /**
     * The section of the header's informational keys ({@link #INFORMATIONAL_KEYS}), kept as JSON text in
     * its metadata and no tensors: deflated with the sections, the mixture report and provenance take
     * about 40 % of their bytes in the header (2,861 B of a latent-32 file's 4,129 B header become about
     * 1,200 B), and no reader needs them to sample.
     */
    public static final String ABOUT = "about";
    /** The header keys that go to section {@link #ABOUT}. */
    static final List<String> INFORMATIONAL_KEYS = List.of("mixture_report", "provenance");

    /**
     * Largest KL divergence (nats, per class) that fp16 rounding may add to a mixture for the
     * writer to store it in fp16. Fitting the same class twice from fresh samples moves a
     * 16-dimensional full-covariance component by ~0.1 nats (≈ parameters / 2n at n = 600), so
     * 1e-4 is a thousand times below the noise the mixture already has.
     */
    static final double FP16_MIXTURE_MAX_KL = 1e-4;

    /**
     * Values one decoded sample may have (16 MiB as float32), so that a batch of them stays small;
     * a forged header must not make decoding exhaust memory.
     */
    public static final long MAX_SAMPLE_VALUES = 1L << 22;
    /**
     * Values all layers of the decoder together produce for one sample (256 MiB as float32): a
     * forward pass keeps every layer's output until it ends, so the sum, not the largest, bounds it.
     */
    public static final long MAX_ACTIVATION_VALUES = 1L << 26;

    private ArtifactFile() {
    }

    /**
     * Writes the decoder at {@code precision}; the mixtures go in fp16 when the precision is not
     * fp32 and rounding them moves no class by more than {@link #FP16_MIXTURE_MAX_KL}, else fp32.
     * IllegalArgumentException if the decoder cannot be stored at that precision (a weight
     * beyond fp16's range).
     */
    public static WriteReport write(Path file, CompressedDataset data, Precision precision) {
        return write(file, data, storage(data, precision));
    }

    /**
     * Writes the decoder and the mixtures each at the precision {@code storage} gives, whatever
     * rounding the mixtures to fp16 moves them by; IllegalStateException if the file would not read
     * back (mixtures beyond what fp16 holds), IllegalArgumentException as {@link #write(Path,
     * CompressedDataset, Precision)}.
     */
    public static WriteReport write(Path file, CompressedDataset data, StoragePrecision storage) {
        Container container = toContainer(data, storage);
        try {
            return ContainerWriter.write(file, container, Codec.AUTO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bytes {@link #write} would store for {@code data} at {@code precision}, without writing
     * them: with {@link Codec#AUTO} exactly the file's size, with {@link Codec#NONE} the size before
     * compression, which compression only lowers. The same exceptions as {@link #write}.
     */
    public static long storedBytes(CompressedDataset data, Precision precision, Codec codec) {
        return storedBytes(data, storage(data, precision), codec);
    }

    /** The bytes {@link #write(Path, CompressedDataset, StoragePrecision)} would store, as above. */
    public static long storedBytes(CompressedDataset data, StoragePrecision storage, Codec codec) {
        return ContainerWriter.toBytes(toContainer(data, storage), codec).length;
    }

    /**
     * The most bytes {@link #write} can store for {@code data} at {@code precision}, whatever the
     * mixtures' values: their size in fp32 (which {@link #write} may keep them in), nothing compressed.
     */
    public static long maxStoredBytes(CompressedDataset data, Precision precision) {
        return maxStoredBytes(data, new StoragePrecision(precision, Precision.FP32));
    }

    /** The most bytes {@code data} can take stored at {@code storage}, whatever its values: nothing compressed. */
    public static long maxStoredBytes(CompressedDataset data, StoragePrecision storage) {
        return ContainerWriter.toBytes(assemble(data, storage, false), Codec.NONE).length;
    }

    /**
     * The precisions {@link #write(Path, CompressedDataset, Precision)} stores {@code data} at: the
     * decoder at {@code precision}; the mixtures in fp16 when the precision is not fp32 and rounding
     * moves no class by more than {@link #FP16_MIXTURE_MAX_KL}, else in fp32.
     */
    public static StoragePrecision storage(CompressedDataset data, Precision precision) {
        return new StoragePrecision(precision,
                precision != Precision.FP32 && fp16MixturesAreHarmless(data) ? Precision.FP16 : Precision.FP32);
    }

    /**
     * {@code data} as a reader gets it back from a file that stores it at {@code storage}: the decoder's weights
     * and the mixtures rounded as they are stored, everything else as it is.
     */
    public static CompressedDataset asStored(CompressedDataset data, StoragePrecision storage) {
        return toContainerChecked(data, storage).dataset();
    }

    /** Every check {@link #readVerified} runs, returning the dataset only. */
    public static CompressedDataset read(Path file) {
        return readVerified(file).dataset();
    }

    /** Reads and checks the whole file: container checksums and structure, then the LGC layer. */
    public static VerifiedArtifact readVerified(Path file) {
        try {
            ContainerReader.Verified v = ContainerReader.readVerified(file);
            Decoded d = decode(v.container(), file.toString());
            return new VerifiedArtifact(d.dataset(), d.precision(), d.header(), v.report());
        } catch (ContainerFormatException e) {
            throw ArtifactFormatException.of(e);
        }
    }

    /** The container {@link #write} writes, already checked to read back. */
    static Container toContainer(CompressedDataset data, Precision precision) {
        return toContainer(data, storage(data, precision));
    }

    static Container toContainer(CompressedDataset data, StoragePrecision storage) {
        Container container = assemble(data, storage);
        readBack(container);
        return container;
    }

    private static Decoded toContainerChecked(CompressedDataset data, StoragePrecision storage) {
        return readBack(assemble(data, storage));
    }

    /** What {@code container} reads back as; a container that would not is a bug of the writer's. */
    private static Decoded readBack(Container container) {
        try {
            return decode(container, null);
        } catch (ArtifactFormatException e) {
            throw new IllegalStateException("refusing to write an artifact that would not read back: "
                    + e.problem(), e);
        }
    }

    static Container assemble(CompressedDataset data, StoragePrecision storage) {
        return assemble(data, storage, true);
    }

    /** {@code halfScales}: false stores every int8 or int4 scale in fp32, the longest a file's scales can be. */
    private static Container assemble(CompressedDataset data, StoragePrecision storage, boolean halfScales) {
        int[] components = data.mixtures().stream().mapToInt(GaussianMixture::components).toArray();
        JsonObject header = MetadataCodec.toJson(data.metadata(), components);
        header.add(StoragePrecision.HEADER_KEY, storage.toJson());
        Map<String, String> about = new LinkedHashMap<>();
        for (String key : INFORMATIONAL_KEYS) {
            about.put(key, JsonText.canonical(header.remove(key), key));
        }
        return new Container(header, List.of(
                MixtureTensors.encode(data.mixtures(), data.metadata().latentDim(), storage.mixtures(),
                        data.metadata().covarianceRank(), halfScales),
                DecoderTensors.encode(data.metadata().decoder(), data.decoderWeights(), storage.decoder(), halfScales),
                new Section(ABOUT, List.of(), about)));
    }

    /** True if every class, stored in fp16, reads back valid and within {@link #FP16_MIXTURE_MAX_KL}. */
    static boolean fp16MixturesAreHarmless(CompressedDataset data) {
        return fp16MixtureDivergence(data) <= FP16_MIXTURE_MAX_KL;
    }

    /**
     * How far storing the mixtures of {@code data} in fp16 moves the class it moves most: an upper
     * bound on the KL divergence from the original mixture, in nats; infinite when fp16 cannot hold
     * them (the file would not read back).
     */
    public static double fp16MixtureDivergence(CompressedDataset data) {
        return mixtureDivergence(data, Precision.FP16);
    }

    /**
     * {@link #fp16MixtureDivergence} for mixtures stored at {@code precision} (fp32, fp16 or int8):
     * the upper bound of the KL divergence of the class moved most, in nats; infinite when that
     * precision cannot hold them.
     */
    public static double mixtureDivergence(CompressedDataset data, Precision precision) {
        return divergence(data, precision, false);
    }

    /**
     * How far storing full covariances at the metadata's {@link ArtifactMetadata#covarianceRank} moves the
     * class it moves most, before any rounding (fp32): the same bound, in nats; 0 where no rank is set.
     * {@link #mixtureDivergence} measures the rounding alone, from the covariances that rank gives.
     */
    public static double covarianceRankDivergence(CompressedDataset data) {
        return data.metadata().covarianceRank() == 0 ? 0 : divergence(data, Precision.FP32, true);
    }

    /**
     * The line both compress commands print for a file whose covariances are stored at a rank: the rank and
     * {@link #covarianceRankDivergence}.
     */
    public static String covarianceRankSummary(CompressedDataset ranked) {
        return String.format(java.util.Locale.ROOT, "covariances stored as %d loading vectors plus a diagonal, which"
                + " moves a class by at most %.1e nats", ranked.metadata().covarianceRank(),
                covarianceRankDivergence(ranked));
    }

    /** {@code fromFitted}: from the mixtures as fitted, else from their low-rank form (when a rank is set). */
    private static double divergence(CompressedDataset data, Precision precision, boolean fromFitted) {
        ArtifactMetadata meta = data.metadata();
        int d = meta.latentDim();
        Section rounded;
        try {
            rounded = MixtureTensors.encode(data.mixtures(), d, precision, meta.covarianceRank());
        } catch (IllegalArgumentException e) {
            return Double.POSITIVE_INFINITY; // values beyond what the precision's writer accepts
        }
        int[] components = data.mixtures().stream().mapToInt(GaussianMixture::components).toArray();
        try {
            MixtureTensors.decode(rounded, meta, components, precision, null);
        } catch (ArtifactFormatException e) {
            return Double.POSITIVE_INFINITY;
        }
        double most = 0;
        for (int c = 0; c < meta.numClasses(); c++) {
            GaussianMixture m = data.mixtures().get(c);
            int rank = meta.covarianceRank();
            double[] covariances = rank == 0 || fromFitted ? m.covariancesFlat()
                    : LowRankFactors.unpack(LowRankFactors.pack(m.covariancesFlat(), d, rank), d, rank);
            MixtureTensors.Stored original = new MixtureTensors.Stored(m.weights(),
                    MixtureTensors.flatten(m.means()), CovarianceFactors.pack(m.covarianceType(), d, covariances));
            MixtureTensors.Stored stored = MixtureTensors.stored(rounded, c, components[c], d,
                    meta.covarianceType(), meta.covarianceRank(), precision, null);
            if (meta.covarianceRank() > 0) { // as Cholesky factors, which the bound reads
                stored = new MixtureTensors.Stored(stored.weights(), stored.means(), CovarianceFactors.pack(
                        meta.covarianceType(), d, LowRankFactors.unpack(stored.factors(), d, meta.covarianceRank())));
            }
            double divergence = MixtureDivergence.upperBound(meta.covarianceType(), d, original, stored);
            most = Double.isNaN(divergence) ? Double.POSITIVE_INFINITY : Math.max(most, divergence);
        }
        return most;
    }

    /** {@code header}: the file's header with the keys of section {@link #ABOUT} put back, as a 1.1 file has them. */
    record Decoded(CompressedDataset dataset, StoragePrecision precision, JsonObject header) {
    }

    /** The LGC layer of a container that passed the container's own checks. */
    static Decoded decode(Container container, String file) {
        JsonObject header = withAbout(container, file);
        ArtifactMetadata metadata = MetadataCodec.fromJson(header, file);
        int[] components = MetadataCodec.components(header, file);
        StoragePrecision precision = StoragePrecision.fromHeader(header, file);
        checkActivations(metadata.decoder(), file);
        List<GaussianMixture> mixtures = MixtureTensors.decode(container.section(MIXTURES), metadata, components,
                precision.mixtures(), file);
        Map<String, float[]> weights = DecoderTensors.decode(container.section(DECODER), metadata.decoder(),
                precision.decoder(), file);
        return new Decoded(new CompressedDataset(metadata, mixtures, weights), precision, header);
    }

    /**
     * The header with the informational keys of section {@link #ABOUT} added; the header itself where the
     * file has no such section (files written before it). Keys of the section other than {@link
     * #INFORMATIONAL_KEYS} are ignored, as later minor versions may add some; a key in both places, a value
     * that is not a JSON object, or a tensor in the section is refused.
     */
    private static JsonObject withAbout(Container container, String file) {
        if (!container.hasSection(ABOUT)) {
            return container.header();
        }
        Section about = container.section(ABOUT);
        if (!about.tensors().isEmpty()) {
            throw new ArtifactFormatException(file, "section '" + ABOUT + "' holds tensors (" + about.tensorNames()
                    + "); it holds metadata only");
        }
        JsonObject header = container.header().deepCopy();
        for (String key : INFORMATIONAL_KEYS) {
            String text = about.metadata().get(key);
            if (text == null) {
                continue;
            }
            if (header.has(key)) {
                throw new ArtifactFormatException(file, "'" + key + "' is both in the header and in section '"
                        + ABOUT + "'");
            }
            try {
                header.add(key, JsonText.parseObject(text));
            } catch (Malformed e) {
                throw new ArtifactFormatException(file, "section '" + ABOUT + "': metadata '" + key + "' "
                        + e.getMessage());
            }
        }
        return header;
    }

    /**
     * Refuses, before any training, a decoder whose file no reader would accept: {@code data} names the
     * data it would be trained on.
     */
    public static void requireReadableDecoder(NetworkSpec spec, String data) {
        try {
            checkActivations(spec, data);
        } catch (ArtifactFormatException e) {
            throw new ParameterException(data + ": samples this large make a decoder no reader accepts ("
                    + e.getMessage().substring(e.getMessage().indexOf("decoder")) + "); use smaller images (",
                    Parameter.SIZE, ")");
        }
    }

    /** Checked from the header alone, before any weight is read or any decoder built. */
    private static void checkActivations(NetworkSpec spec, String file) {
        long[] shape = spec.inputShape();
        long total = 0;
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer layer = spec.layers().get(i);
            shape = layer.outputShape(shape);
            long values;
            try {
                values = NamedTensor.elementCount(shape);
            } catch (ArithmeticException e) {
                values = Long.MAX_VALUE;
            }
            total = values > MAX_ACTIVATION_VALUES ? values : total + values;
            if (total > MAX_ACTIVATION_VALUES) {
                throw new ArtifactFormatException(file, "invalid header: decoder layer " + i + " ("
                        + layer.toJson().get("op").getAsString() + ") outputs " + Arrays.toString(shape)
                        + ", bringing the activations of one sample to " + total + " values; this reader decodes at most "
                        + MAX_ACTIVATION_VALUES + " per sample");
            }
        }
        long sample = NamedTensor.elementCount(shape);
        if (sample > MAX_SAMPLE_VALUES) {
            throw new ArtifactFormatException(file, "invalid header: the decoder produces samples of "
                    + Arrays.toString(shape) + " = " + sample + " values; this reader decodes at most "
                    + MAX_SAMPLE_VALUES + " per sample");
        }
    }
}
