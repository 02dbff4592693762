package io.lgc.artifact;

import io.lgc.InputException;
import io.lgc.Numbers;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import io.lgc.gmm.CovarianceType;
import io.lgc.network.FrequencyRings;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The checks of {@code --spread}, {@code --covariance-rank}, {@code --sharpen} and {@code --mixture-precision},
 * which say how a file is stored and drawn, shared by {@code lgc compress} and {@code lgc-spark compress} so that
 * both refuse the same values in the same words, under the option the user typed, before any work.
 */
public final class StorageOptionChecks {
    private StorageOptionChecks() {
    }

    /**
     * {@code --sharpen} on {@code data}, read from {@code source}: images of at most {@link FrequencyRings#MAX_SIDE}
     * pixels a side; a table is refused ({@link #sharpenTable}).
     */
    public static Dataset requireSharpenable(LabelledData data, String source) {
        if (!(data instanceof Dataset images)) {
            throw sharpenTable(source);
        }
        if (!FrequencyRings.takes(images.shape().height(), images.shape().width())) {
            throw new InputException(source + ": " + images.shape().height() + "x" + images.shape().width()
                    + " images; --sharpen applies to images of at most " + FrequencyRings.MAX_SIDE + " pixels a side");
        }
        return images;
    }

    /** {@code --sharpen} refused for the table {@code source}, which a caller may know before reading it. */
    public static InputException sharpenTable(String source) {
        return new InputException(source + ": a table; --sharpen boosts the fine detail of images");
    }

    /** {@code --spread F}: above 0 and at most what a file may recommend ({@link ArtifactMetadata#MAX_DRAW_SPREAD}). */
    public static void requireDrawSpread(double spread) {
        if (!ArtifactMetadata.validDrawSpread(spread)) {
            throw new InputException("--spread must be above 0 and at most " + (int) ArtifactMetadata.MAX_DRAW_SPREAD
                    + ", got " + Numbers.plain(spread));
        }
    }

    /**
     * {@code --covariance-rank R}: 0 (covariances stored whole), or for full covariances 1 to the latent
     * dimension minus 1.
     */
    public static void requireCovarianceRank(int rank, CovarianceType covariance, int latentDim) {
        if (rank < 0) {
            throw new InputException("--covariance-rank must be at least 0, got " + rank);
        }
        if (rank == 0) {
            return;
        }
        if (covariance != CovarianceType.FULL) {
            throw new InputException("--covariance-rank stores full covariances; --covariance " + covariance.label()
                    + " has no rank to cut");
        }
        if (rank >= latentDim) {
            throw new InputException("--covariance-rank must be below the latent dimension (" + latentDim + "), got "
                    + rank);
        }
    }

    /** {@code --mixture-precision}: null for auto (the writer's own rule), else fp16, int8 or fp32. */
    public static Precision mixturePrecision(String given) {
        String name = given.trim().toLowerCase(Locale.ROOT);
        if (name.equals("auto")) {
            return null;
        }
        if (name.equals("fp16") || name.equals("int8") || name.equals("fp32")) {
            return Precision.parse(name);
        }
        throw new InputException("--mixture-precision must be auto, fp16, int8 or fp32, got '" + given + "'");
    }

    /**
     * How {@code data} is stored: the writer's rule for a decoder at {@code decoder} when {@code mixtures} is null
     * ({@code --mixture-precision auto}), else its mixtures at {@code mixtures} as asked, and {@code said} told how
     * far that moves a class; mixtures that precision cannot hold are refused.
     */
    public static StoragePrecision storage(CompressedDataset data, Precision decoder, Precision mixtures,
            Consumer<String> said) {
        if (mixtures == null) {
            return ArtifactFile.storage(data, decoder);
        }
        if (mixtures != Precision.FP32) {
            double moved = ArtifactFile.mixtureDivergence(data, mixtures);
            if (moved == Double.POSITIVE_INFINITY) {
                throw new InputException("--mixture-precision " + mixtures.label() + ": these mixtures hold values "
                        + mixtures.label() + " cannot (beyond its range, or variances that round to zero); use auto"
                        + " or fp32");
            }
            said.accept(String.format(Locale.ROOT, "mixtures stored in %s as asked, which moves a class by at most"
                    + " %.1e nats", mixtures.label(), moved));
        }
        return new StoragePrecision(decoder, mixtures);
    }
}
