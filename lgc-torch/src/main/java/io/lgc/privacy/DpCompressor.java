package io.lgc.privacy;

import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.PixelScaling;
import io.lgc.data.Dataset;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.linalg.SymmetricEigen;
import io.lgc.linalg.TopEigen;
import io.lgc.model.PcaCodec;
import io.lgc.pipeline.Compressor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Differentially private compression, (ε, δ)-DP for adding or removing one training record.
 *
 * <p>Everything the file holds is computed from noisy sums of clipped records, and nothing else
 * looks at the data. With a private decoder, each image (pixels in [0, 1]) is scaled down to L2
 * norm at most {@link DpConfig#pixelClip()}; the record count, the sum of images and the sum of
 * their outer products get Gaussian noise; the PCA decoder ({@code x = mean + Pᵀz}) is the top axes
 * of the covariance these give. With a {@link PublicDecoder}, the decoder costs nothing and the
 * whole budget goes to the latent side. There each record's latent, centred and scaled down to
 * norm at most the latent clip, feeds its class's noisy count and its class's mixture
 * ({@link PrivateMixtures}: private moments for one Gaussian, private EM for more). The budget is
 * accounted in zCDP ({@link Zcdp}), step by step in a {@link ZcdpLedger} that the header lists.
 *
 * <p>Treated as public, and so not protected: the class names, their number and the image shape
 * (and a public decoder).
 *
 * <p>The noise comes from a {@link DpNoise}: by default the system's secure random source, since a
 * noise that can be drawn again can be subtracted again. The {@code seed} of each method draws only
 * what may be known: a power iteration's start and where private EM starts (both post-process
 * private values), and a public decoder's own randomness. Neither the seed nor the noise's is
 * recorded in the file.
 */
public final class DpCompressor {
    /** Covariance eigenvalues are floored here: noise can make a small variance negative. */
    static final double VARIANCE_FLOOR = 1e-4;

    private DpCompressor() {
    }

    /** The private artifact of {@code data}, decoder included, with fresh secure noise. */
    public static CompressedDataset compress(Dataset data, DpConfig config, long seed) {
        return compress(data, config, seed, DpNoise.secure());
    }

    /** The private artifact of {@code data}, decoder included, with the given noise. */
    public static CompressedDataset compress(Dataset data, DpConfig config, long seed, DpNoise noise) {
        if (config.partition()) {
            throw new IllegalArgumentException("a partitioned fit assigns records to public mixtures: it needs a public "
                    + "decoder");
        }
        int d = data.shape().size();
        if (config.latentDim() > d) {
            throw new IllegalArgumentException("latent dimension " + config.latentDim() + " exceeds the " + d
                    + " values per image");
        }
        double rho = config.rho();
        double[] share = DpConfig.DECODER_SHARES;
        ZcdpLedger ledger = new ZcdpLedger(rho);
        double clip = config.pixelClip();
        double countSigma = ledger.gaussian("record count", 1, share[1] * rho);
        double sumSigma = ledger.gaussian("sum of images", clip, share[0] * rho);
        double momentSigma = ledger.gaussian("sum of image outer products", clip * clip, share[2] * rho);
        PrivateMixtures.Sigmas latentSigmas = PrivateMixtures.plan(ledger, (1 - DpConfig.decoderShare()) * rho,
                config.latentClip(), config.components(), config.iterations(), config.split());
        double[][] clipped = clippedImages(data, clip);

        double count = data.size() + noise.gaussian(countSigma);
        double n = Math.max(1, count);
        double[] sum = new double[d];
        for (double[] x : clipped) {
            PrivateMixtures.add(sum, x, 1);
        }
        noise.addTo(sum, sumSigma);
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = Math.min(1, Math.max(0, sum[j] / n));
        }
        double[][] moment = PrivateMixtures.weightedSecondMoment(clipped, null, d);
        noise.addSymmetric(moment, momentSigma);
        // The noise can make the estimate indefinite; the top axes are those of the estimate shifted
        // by a bound on the noise's spectral norm (about 2σ·sqrt(d) for a symmetric Gaussian matrix).
        double shift = 3 * momentSigma * Math.sqrt(d) / n;
        double[][] covariance = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                covariance[i][j] = moment[i][j] / n - mean[i] * mean[j] + (i == j ? shift : 0);
            }
        }
        TopEigen top = TopEigen.of(covariance, config.latentDim(), seed);
        double[] variances = top.values().clone();
        for (int a = 0; a < variances.length; a++) {
            variances[a] = Math.max(0, variances[a] - shift);
        }
        PcaCodec codec = new PcaCodec(data.shape(), mean, top.vectors(), variances);

        int[] counts = new int[data.numClasses()];
        double[][][] latentsByClass = byClass(data, latents(clipped, mean, top.vectors()), new double[config.latentDim()],
                config.latentClip());
        List<GaussianMixture> mixtures = PrivateMixtures.all(latentsByClass, config.components(), latentSigmas,
                new double[config.latentDim()], counts, noise, new SplittableRandom(seed));
        ArtifactMetadata meta = new ArtifactMetadata(data.classNames(), counts, data.shape(), PixelScaling.UINT8,
                config.latentDim(), CovarianceType.FULL, codec.decoder(), new JsonObject(),
                provenance(config, noise, ledger, null, config.latentClip()));
        return new CompressedDataset(meta, mixtures, codec.decoderWeights());
    }

    /**
     * The private artifact of {@code data} with {@code decoder}'s public decoder, with fresh secure
     * noise: only the class counts and mixtures look at the private records, so they take the whole
     * budget.
     */
    public static CompressedDataset compress(Dataset data, PublicDecoder decoder, DpConfig config, long seed) {
        return compress(data, decoder, config, seed, DpNoise.secure());
    }

    /** As {@link #compress(Dataset, PublicDecoder, DpConfig, long)}, with the given noise. */
    public static CompressedDataset compress(Dataset data, PublicDecoder decoder, DpConfig config, long seed,
            DpNoise noise) {
        if (!data.shape().equals(decoder.sampleShape())) {
            throw new IllegalArgumentException("the public decoder makes " + decoder.sampleShape()
                    + " images, the private data holds " + data.shape());
        }
        double rho = config.rho();
        ZcdpLedger ledger = new ZcdpLedger(rho);
        double[] centre = decoder.centre();
        double[][] latents = decoder.encode(data);
        double[][][] latentsByClass = byClass(data, latents, centre, decoder.clip());
        int[] counts = new int[data.numClasses()];
        List<GaussianMixture> mixtures;
        if (config.partition()) {
            PrivateMixtures.Sigmas sigmas = PrivateMixtures.planPartitioned(ledger, rho, decoder.clip(), config.split(),
                    config.publicAxes());
            List<GaussianMixture> pub = decoder.publicMixtures(config.components(), seed);
            int[] components = pub.stream().mapToInt(GaussianMixture::components).toArray();
            double[][][][] axes = null;
            if (config.publicAxes()) {
                if (pub.stream().anyMatch(m -> m.covarianceType() != CovarianceType.FULL)) {
                    throw new IllegalArgumentException("estimating along public axes needs public mixtures with full "
                            + "covariances");
                }
                axes = PrivateMixtures.principalAxes(pub);
            }
            mixtures = PrivateMixtures.partitioned(latentsByClass, cells(data, latents, pub), components, axes, sigmas,
                    centre, counts, noise);
        } else {
            PrivateMixtures.Sigmas sigmas = PrivateMixtures.plan(ledger, rho, decoder.clip(), config.components(),
                    config.iterations(), config.split());
            mixtures = PrivateMixtures.all(latentsByClass, config.components(), sigmas, centre, counts, noise,
                    new SplittableRandom(seed));
        }
        ArtifactMetadata meta = new ArtifactMetadata(data.classNames(), counts, data.shape(), decoder.scaling(),
                decoder.latentDim(), CovarianceType.FULL, decoder.decoder(), new JsonObject(),
                provenance(config.withComponents(mixtures.stream().mapToInt(GaussianMixture::components).max()
                        .orElse(1)), noise, ledger, decoder, decoder.clip()));
        return new CompressedDataset(meta, mixtures, decoder.decoderWeights());
    }

    /** The symmetric matrix with its eigenvalues floored at {@link #VARIANCE_FLOOR}, row-major. */
    static double[] nearestPositiveDefinite(double[][] m) {
        int k = m.length;
        double[][] sym = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                sym[i][j] = (m[i][j] + m[j][i]) / 2;
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(sym);
        double[] out = new double[k * k];
        for (int a = 0; a < k; a++) {
            double value = Math.max(VARIANCE_FLOOR, eigen.values()[a]);
            double[] v = eigen.vectors()[a];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    out[i * k + j] += value * v[i] * v[j];
                }
            }
        }
        return out;
    }

    /** Every image as a vector of pixels in [0, 1], scaled down to norm at most {@code clip}. */
    static double[][] clippedImages(Dataset data, double clip) {
        int d = data.shape().size();
        double[][] out = new double[data.size()][d];
        byte[] px = data.pixels();
        for (int s = 0; s < data.size(); s++) {
            for (int j = 0; j < d; j++) {
                out[s][j] = (px[s * d + j] & 0xFF) / 255.0;
            }
            clipInPlace(out[s], clip);
        }
        return out;
    }

    static void clipInPlace(double[] v, double clip) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > clip) {
            double scale = clip / norm;
            for (int j = 0; j < v.length; j++) {
                v[j] *= scale;
            }
        }
    }

    /** Each image's latent on the axes. */
    private static double[][] latents(double[][] clipped, double[] mean, double[][] axes) {
        double[][] out = new double[clipped.length][axes.length];
        for (int s = 0; s < clipped.length; s++) {
            for (int a = 0; a < axes.length; a++) {
                double dot = 0;
                for (int j = 0; j < mean.length; j++) {
                    dot += axes[a][j] * (clipped[s][j] - mean[j]);
                }
                out[s][a] = dot;
            }
        }
        return out;
    }

    /**
     * Per class, in record order, the component of the class's public mixture each record's latent is
     * most likely under: a function of the record and public data only.
     */
    private static int[][] cells(Dataset data, double[][] latents, List<GaussianMixture> publicMixtures) {
        int[] sizes = data.classCounts();
        double[][][] rows = new double[sizes.length][][];
        for (int c = 0; c < sizes.length; c++) {
            rows[c] = new double[sizes[c]][];
        }
        int[] filled = new int[sizes.length];
        for (int s = 0; s < latents.length; s++) {
            int c = data.labels()[s];
            rows[c][filled[c]++] = latents[s];
        }
        int[][] out = new int[sizes.length][];
        for (int c = 0; c < sizes.length; c++) {
            out[c] = rows[c].length == 0 ? new int[0] : publicMixtures.get(c).predict(rows[c]);
        }
        return out;
    }

    /** The latents less {@code centre}, scaled down to norm at most {@code clip}, grouped by class. */
    private static double[][][] byClass(Dataset data, double[][] latents, double[] centre, double clip) {
        int[] sizes = data.classCounts();
        double[][][] out = new double[sizes.length][][];
        for (int c = 0; c < sizes.length; c++) {
            out[c] = new double[sizes[c]][];
        }
        int[] filled = new int[sizes.length];
        for (int s = 0; s < latents.length; s++) {
            double[] z = latents[s].clone();
            PrivateMixtures.add(z, centre, -1);
            clipInPlace(z, clip);
            int c = data.labels()[s];
            out[c][filled[c]++] = z;
        }
        return out;
    }

    /** What was done, and nothing about where the private data came from nor any seed. */
    private static JsonObject provenance(DpConfig config, DpNoise noise, ZcdpLedger ledger, PublicDecoder decoder,
            double latentClip) {
        JsonObject p = new JsonObject();
        p.addProperty("tool", "lgc");
        p.addProperty("tool_version", Compressor.TOOL_VERSION);
        JsonObject c = new JsonObject();
        c.addProperty("decoder", decoder == null ? "pca" : "public");
        c.addProperty("latent_dim", decoder == null ? config.latentDim() : decoder.latentDim());
        c.addProperty("components", Integer.toString(config.components()));
        if (config.partition()) {
            c.addProperty("private_fit", config.publicAxes() ? "axes" : "partition");
        }
        c.addProperty("covariance_type", "full");
        p.add("config", c);
        JsonObject dp = new JsonObject();
        dp.addProperty("epsilon", config.epsilon());
        dp.addProperty("delta", config.delta());
        dp.addProperty("rho", config.rho());
        dp.addProperty("accountant", "zCDP, Gaussian mechanism; per-class statistics by parallel composition");
        dp.addProperty("neighbouring", "add or remove one record");
        dp.addProperty("noise", noise.description());
        if (decoder == null) {
            dp.addProperty("pixel_clip", config.pixelClip());
        }
        dp.addProperty("latent_clip", latentClip);
        dp.addProperty("latent_budget_split", config.split().toString());
        if (config.partition()) {
            dp.addProperty("mixtures", "each record assigned to the most likely component of its class's public "
                    + "mixture; one noisy count, sum and second moment per component" + (config.publicAxes()
                    ? ", the second moment as the squared coordinates along the public component's principal axes"
                    : ""));
        } else if (config.components() > 1) {
            dp.addProperty("em_iterations", config.iterations());
        }
        dp.add("steps", ledger.toJson());
        if (decoder == null) {
            dp.addProperty("public", "class names, number of classes, image shape");
        } else {
            dp.addProperty("public", "class names, number of classes, image shape, the decoder of " + decoder.name());
            dp.add(decoder.originKey(), decoder.origin());
        }
        p.add("differential_privacy", dp);
        return p;
    }
}
