package io.lgc.privacy;

import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.PixelScaling;
import io.lgc.data.Dataset;
import io.lgc.linalg.SymmetricEigen;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import io.lgc.synth.LatentDraws;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A decoder taken from a public file (one made from data that is not private), so that only the
 * mixtures and counts of a private compression spend budget. Each private record still needs a
 * latent, and both ways of finding one look at that record alone: a linear decoder
 * ({@code x = b + W z}, as {@code --decoder pca} writes) is inverted exactly, by least squares,
 * {@code z = (WᵀW)⁻¹ Wᵀ (x − b)}; any other decoder gets an encoder learned from the public
 * file's own decoded samples ({@link InverseEncoder}), which sees no private record. Latents are
 * then centred on, and clipped at, values from the public file alone: the mean of latents drawn
 * from its mixtures, and the {@value #CLIP_QUANTILE} quantile of their distance to that mean.
 */
public final class PublicDecoder implements AutoCloseable {
    static final int ENCODER_SAMPLES = 20_000;
    static final int ENCODER_EPOCHS = 5;
    static final int CLIP_SAMPLES = 10_000;
    static final double CLIP_QUANTILE = 0.98;

    private final CompressedDataset file;
    private final String name;
    private final String sha256;
    private final InverseEncoder learned;
    private final double[][] pseudoInverse;
    private final double[] bias;
    private final double[] centre;
    private final double clip;

    private PublicDecoder(CompressedDataset file, String name, String sha256, InverseEncoder learned,
            double[][] pseudoInverse, double[] bias, double[] centre, double clip) {
        this.file = file;
        this.name = name;
        this.sha256 = sha256;
        this.learned = learned;
        this.pseudoInverse = pseudoInverse;
        this.bias = bias;
        this.centre = centre;
        this.clip = clip;
    }

    /**
     * The decoder of {@code file} (an image file), with the encoder it needs.
     *
     * @param name how the header names the public file (its base name)
     * @param sha256 the public file's digest, recorded so its origin can be checked
     */
    public static PublicDecoder of(CompressedDataset file, String name, String sha256, long seed, Progress progress) {
        ArtifactMetadata meta = file.metadata();
        if (meta.isTable()) {
            throw new IllegalArgumentException("a public decoder must decode images, this file holds a table");
        }
        if (isLinear(meta.decoder())) {
            int k = meta.latentDim();
            float[] w = file.decoderWeights().get(NetworkSpec.parameterName(0, "weight"));
            float[] b = file.decoderWeights().get(NetworkSpec.parameterName(0, "bias"));
            double[] bias = new double[b.length];
            for (int j = 0; j < b.length; j++) {
                bias[j] = b[j];
            }
            return withClipFromDraws(file, name, sha256, null, pseudoInverse(w, b.length, k), bias, seed);
        }
        InverseEncoder encoder = InverseEncoder.train(file, ENCODER_SAMPLES, ENCODER_EPOCHS, seed, progress);
        return withClipFromDraws(file, name, sha256, encoder, null, null, seed);
    }

    private static PublicDecoder withClipFromDraws(CompressedDataset file, String name, String sha256,
            InverseEncoder learned, double[][] pseudoInverse, double[] bias, long seed) {
        double[][] draws = draws(file, seed);
        double[] centre = mean(draws);
        return new PublicDecoder(file, name, sha256, learned, pseudoInverse, bias, centre,
                quantileOfDistances(draws, centre, CLIP_QUANTILE));
    }

    /** The same decoder and encoder with another clip norm (which then no longer comes from the file). */
    PublicDecoder withClip(double norm) {
        return new PublicDecoder(file, name, sha256, learned, pseudoInverse, bias, centre, norm);
    }

    /** One linear layer, then reshapes only. */
    static boolean isLinear(NetworkSpec decoder) {
        List<Layer> layers = decoder.layers();
        return !layers.isEmpty() && layers.get(0) instanceof Layer.Linear
                && layers.stream().skip(1).allMatch(l -> l instanceof Layer.Reshape);
    }

    /** (WᵀW)⁻¹ Wᵀ for W of d rows and k columns, row-major; k × d. */
    static double[][] pseudoInverse(float[] w, int d, int k) {
        double[][] gram = new double[k][k];
        for (int j = 0; j < d; j++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    gram[a][b] += (double) w[j * k + a] * w[j * k + b];
                }
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(gram);
        double[][] inverse = new double[k][k];
        for (int e = 0; e < k; e++) {
            double value = eigen.values()[e];
            if (!(value > 1e-12)) {
                throw new IllegalArgumentException("the public file's linear decoder is singular: it cannot be inverted");
            }
            double[] v = eigen.vectors()[e];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    inverse[a][b] += v[a] * v[b] / value;
                }
            }
        }
        double[][] out = new double[k][d];
        for (int a = 0; a < k; a++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int b = 0; b < k; b++) {
                    s += inverse[a][b] * w[j * k + b];
                }
                out[a][j] = s;
            }
        }
        return out;
    }

    /** The latent of every image, in order; images must have the public file's shape. */
    public double[][] encode(Dataset images) {
        if (!images.shape().equals(file.metadata().sampleShape())) {
            throw new IllegalArgumentException("the public decoder makes " + file.metadata().sampleShape()
                    + " images, the private data holds " + images.shape());
        }
        if (learned != null) {
            return learned.encode(images);
        }
        int d = bias.length;
        PixelScaling scaling = file.metadata().scaling();
        double[][] out = new double[images.size()][pseudoInverse.length];
        double[] x = new double[d];
        byte[] px = images.pixels();
        for (int s = 0; s < images.size(); s++) {
            for (int j = 0; j < d; j++) {
                x[j] = ((px[s * d + j] & 0xFF) - scaling.offset()) / scaling.scale() - bias[j];
            }
            for (int a = 0; a < pseudoInverse.length; a++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += pseudoInverse[a][j] * x[j];
                }
                out[s][a] = dot;
            }
        }
        return out;
    }

    /** How private records get their latents, in words for the header. */
    public String encoderMethod() {
        return learned != null
                ? String.format(java.util.Locale.ROOT, "an encoder learned from %,d decoded samples", ENCODER_SAMPLES) + " of the public file ("
                        + ENCODER_EPOCHS + " epochs), no private record"
                : "least-squares inverse of the public linear decoder";
    }

    public CompressedDataset file() {
        return file;
    }

    public String name() {
        return name;
    }

    public String sha256() {
        return sha256;
    }

    /** Private latents are clipped around this point, drawn from the public file. */
    double[] centre() {
        return centre.clone();
    }

    /** ... at this distance. */
    double clip() {
        return clip;
    }

    private static double[][] draws(CompressedDataset file, long seed) {
        int k = file.metadata().latentDim();
        float[] flat = new float[CLIP_SAMPLES * k];
        new LatentDraws(file, 1.0).draw(new SplittableRandom(seed ^ 0x5DEECE66DL), new int[CLIP_SAMPLES], flat);
        double[][] out = new double[CLIP_SAMPLES][k];
        for (int i = 0; i < CLIP_SAMPLES; i++) {
            for (int a = 0; a < k; a++) {
                out[i][a] = flat[i * k + a];
            }
        }
        return out;
    }

    static double[] mean(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] r : rows) {
            PrivateMixtures.add(m, r, 1.0 / rows.length);
        }
        return m;
    }

    static double quantileOfDistances(double[][] rows, double[] centre, double q) {
        double[] d = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double s = 0;
            for (int a = 0; a < centre.length; a++) {
                s += (rows[i][a] - centre[a]) * (rows[i][a] - centre[a]);
            }
            d[i] = Math.sqrt(s);
        }
        Arrays.sort(d);
        return d[(int) Math.min(d.length - 1, Math.floor(q * d.length))];
    }

    @Override
    public void close() {
        if (learned != null) {
            learned.close();
        }
    }
}
