package io.lgc.artifact;

import com.google.gson.JsonObject;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.network.NetworkSpec;
import java.util.Arrays;
import io.lgc.data.SampleLayout;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Everything a receiver needs besides the tensors: what the classes are, what a sample is (an
 * image or a table row) and how decoder outputs become one, and where the file came from.
 *
 * @param classCounts training samples per class in the source data (the default class proportions)
 * @param samples images and their pixel scaling, or a table's columns and feature scaling
 * @param covarianceRank 0, or for full covariances the R of their storage as R loading vectors plus a
 *     diagonal (header {@code covariance_type} {@code "lowrank"}); a file read back holds the
 *     covariances that storage gives, and writing them again approximates them again (their top
 *     eigen-directions are not exactly the stored vectors, so they move a little further)
 * @param mixtureReport per-class choices made while fitting (chosen K, BIC curves, warnings)
 * @param provenance tool version, configuration, seed, source digest, training losses
 * @param drawSpread the factor on every covariance the writer recommends drawing at (header {@code spread}),
 *     which readers take as their default; empty where none was recorded, and readers use their own
 * @param decoderArithmetic how LGC computes the decoder (header {@code decoder_arithmetic}): metadata made
 *     here is {@link DecoderArithmetic#FUSED}; a file read back keeps what its writer recorded
 */
public record ArtifactMetadata(List<String> classNames, int[] classCounts, SampleFormat samples, int latentDim,
        CovarianceType covarianceType, int covarianceRank, NetworkSpec decoder, JsonObject mixtureReport,
        JsonObject provenance, OptionalDouble drawSpread, DecoderArithmetic decoderArithmetic) {
    /** The largest spread a file may recommend: ten times the standard deviations, far beyond any draw measured. */
    public static final double MAX_DRAW_SPREAD = 100;

    public ArtifactMetadata {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(drawSpread, "drawSpread");
        Objects.requireNonNull(decoderArithmetic, "decoderArithmetic");
        if (drawSpread.isPresent() && !validDrawSpread(drawSpread.getAsDouble())) {
            throw new IllegalArgumentException("a recommended spread is above 0 and at most " + (int) MAX_DRAW_SPREAD
                    + ", got " + drawSpread.getAsDouble());
        }
        if (covarianceRank != 0 && (covarianceType != CovarianceType.FULL || covarianceRank < 1
                || covarianceRank >= latentDim)) {
            throw new IllegalArgumentException("a covariance rank is 1 to latent dimension - 1 (" + (latentDim - 1)
                    + ") of full covariances, got " + covarianceRank + " for " + covarianceType.name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        classNames = List.copyOf(classNames);
        classCounts = classCounts.clone();
        mixtureReport = mixtureReport.deepCopy();
        provenance = provenance.deepCopy();
        if (classNames.isEmpty() || classCounts.length != classNames.size()) {
            throw new IllegalArgumentException("need one count per class, got " + classNames.size()
                    + " names and " + classCounts.length + " counts");
        }
        if (decoder.inputShape().length != 1 || decoder.inputShape()[0] != latentDim) {
            throw new IllegalArgumentException("decoder input " + Arrays.toString(decoder.inputShape())
                    + " does not match latent dimension " + latentDim);
        }
        long[] out = decoder.outputShape();
        long[] expected = samples.layout().tensorShape();
        if (!Arrays.equals(out, expected)) {
            throw new IllegalArgumentException("decoder output " + Arrays.toString(out)
                    + " does not match sample shape " + Arrays.toString(expected));
        }
    }

    /** Metadata of a new file, whose decoder LGC computes {@link DecoderArithmetic#FUSED}. */
    public ArtifactMetadata(List<String> classNames, int[] classCounts, SampleFormat samples, int latentDim,
            CovarianceType covarianceType, int covarianceRank, NetworkSpec decoder, JsonObject mixtureReport,
            JsonObject provenance, OptionalDouble drawSpread) {
        this(classNames, classCounts, samples, latentDim, covarianceType, covarianceRank, decoder, mixtureReport,
                provenance, drawSpread, DecoderArithmetic.FUSED);
    }

    /** Metadata that recommends no spread. */
    public ArtifactMetadata(List<String> classNames, int[] classCounts, SampleFormat samples, int latentDim,
            CovarianceType covarianceType, int covarianceRank, NetworkSpec decoder, JsonObject mixtureReport,
            JsonObject provenance) {
        this(classNames, classCounts, samples, latentDim, covarianceType, covarianceRank, decoder, mixtureReport,
                provenance, OptionalDouble.empty());
    }

    /** Mixtures stored as their covariance type says ({@link #covarianceRank} 0). */
    public ArtifactMetadata(List<String> classNames, int[] classCounts, SampleFormat samples, int latentDim,
            CovarianceType covarianceType, NetworkSpec decoder, JsonObject mixtureReport, JsonObject provenance) {
        this(classNames, classCounts, samples, latentDim, covarianceType, 0, decoder, mixtureReport, provenance);
    }

    /** Whether a file may recommend {@code spread}: above 0 and at most {@link #MAX_DRAW_SPREAD}. */
    public static boolean validDrawSpread(double spread) {
        return spread > 0 && spread <= MAX_DRAW_SPREAD;
    }

    /** The same metadata recommending that receivers draw at {@code spread}. */
    public ArtifactMetadata withDrawSpread(double spread) {
        return new ArtifactMetadata(classNames, classCounts, samples, latentDim, covarianceType, covarianceRank,
                decoder, mixtureReport, provenance, OptionalDouble.of(spread), decoderArithmetic);
    }

    /**
     * The same metadata with full covariances to be stored as rank {@code rank} plus a diagonal (see
     * {@link #covarianceRank}); 0 stores them whole.
     */
    public ArtifactMetadata withCovarianceRank(int rank) {
        return new ArtifactMetadata(classNames, classCounts, samples, latentDim, covarianceType, rank, decoder,
                mixtureReport, provenance, drawSpread, decoderArithmetic);
    }

    /** The same metadata with {@code decoder} in place of its own, which must take and give the same shapes. */
    public ArtifactMetadata withDecoder(NetworkSpec decoder) {
        return new ArtifactMetadata(classNames, classCounts, samples, latentDim, covarianceType, covarianceRank,
                decoder, mixtureReport, provenance, drawSpread, decoderArithmetic);
    }

    /** The same metadata with {@code provenance} in place of its own; everything else, the covariance rank too, kept. */
    public ArtifactMetadata withProvenance(JsonObject provenance) {
        return new ArtifactMetadata(classNames, classCounts, samples, latentDim, covarianceType, covarianceRank,
                decoder, mixtureReport, provenance, drawSpread, decoderArithmetic);
    }

    /** The same metadata recording that LGC computes the decoder with {@code arithmetic}. */
    public ArtifactMetadata withDecoderArithmetic(DecoderArithmetic arithmetic) {
        return new ArtifactMetadata(classNames, classCounts, samples, latentDim, covarianceType, covarianceRank,
                decoder, mixtureReport, provenance, drawSpread, arithmetic);
    }

    /** The metadata of an image artifact. */
    public ArtifactMetadata(List<String> classNames, int[] classCounts, ImageShape sampleShape,
            PixelScaling scaling, int latentDim, CovarianceType covarianceType, NetworkSpec decoder,
            JsonObject mixtureReport, JsonObject provenance) {
        this(classNames, classCounts, new ImageFormat(sampleShape, scaling), latentDim, covarianceType, decoder,
                mixtureReport, provenance);
    }

    /** What one sample is: an image shape or a table's columns. */
    public SampleLayout layout() {
        return samples.layout();
    }

    public boolean isTable() {
        return samples instanceof TableFormat;
    }

    /** The images' shape; for image artifacts only (see {@link #isTable()}). */
    public ImageShape sampleShape() {
        return images().shape();
    }

    /** How decoder outputs become pixels; for image artifacts only (see {@link #isTable()}). */
    public PixelScaling scaling() {
        return images().scaling();
    }

    private ImageFormat images() {
        if (samples instanceof ImageFormat images) {
            return images;
        }
        throw new IllegalStateException("a table artifact has no image shape or pixel scaling");
    }

    @Override
    public int[] classCounts() {
        return classCounts.clone();
    }

    @Override
    public JsonObject mixtureReport() {
        return mixtureReport.deepCopy();
    }

    @Override
    public JsonObject provenance() {
        return provenance.deepCopy();
    }

    public int numClasses() {
        return classNames.size();
    }
}
