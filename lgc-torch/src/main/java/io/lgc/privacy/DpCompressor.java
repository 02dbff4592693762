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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Differentially private compression, (ε, δ)-DP for adding or removing one training record.
 *
 * <p>Everything the file holds is computed from noisy sums of clipped records, and nothing else
 * looks at the data: each image (pixels in [0, 1]) is scaled down to L2 norm at most
 * {@link DpConfig#pixelClip()}; the record count, the sum of images and the sum of their outer
 * products get Gaussian noise; the PCA decoder ({@code x = mean + Pᵀz}) is the top axes of the
 * covariance these give. Each clipped image's latent, scaled down to norm at most
 * {@link DpConfig#latentClip()}, then feeds its class's noisy count, sum and sum of outer
 * products, from which the class's Gaussian (one full-covariance component) comes. A record lies
 * in one class only, so the per-class statistics cost the budget once, not once per class.
 * The budget is accounted in zCDP ({@link Zcdp}) and split by {@link DpConfig#SHARES}.
 *
 * <p>Treated as public, and so not protected: the class names, their number and the image shape.
 */
public final class DpCompressor {
    /** Covariance eigenvalues are floored here: noise can make a small variance negative. */
    static final double VARIANCE_FLOOR = 1e-4;

    private DpCompressor() {
    }

    /** The private artifact of {@code data}; {@code seed} draws the noise. */
    public static CompressedDataset compress(Dataset data, DpConfig config, long seed) {
        int d = data.shape().size();
        if (config.latentDim() > d) {
            throw new IllegalArgumentException("latent dimension " + config.latentDim() + " exceeds the " + d
                    + " values per image");
        }
        double rho = config.rho();
        double[] share = DpConfig.SHARES;
        SplittableRandom noise = new SplittableRandom(seed);
        double[][] clipped = clippedImages(data, config.pixelClip());

        double count = data.size() + gaussian(noise, Zcdp.sigma(1, share[1] * rho));
        double n = Math.max(1, count);
        double[] sum = new double[d];
        for (double[] x : clipped) {
            add(sum, x);
        }
        addNoise(sum, noise, Zcdp.sigma(config.pixelClip(), share[0] * rho));
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = Math.min(1, Math.max(0, sum[j] / n));
        }
        double[][] moment = secondMoment(clipped, d);
        double momentSigma = Zcdp.sigma(config.pixelClip() * config.pixelClip(), share[2] * rho);
        addSymmetricNoise(moment, noise, momentSigma);
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

        List<GaussianMixture> mixtures = new ArrayList<>();
        int[] counts = new int[data.numClasses()];
        double[][][] latentsByClass = latentsByClass(data, clipped, mean, top.vectors(), config.latentClip());
        for (int c = 0; c < data.numClasses(); c++) {
            double[][] z = latentsByClass[c];
            double nc = z.length + gaussian(noise, Zcdp.sigma(1, share[3] * rho));
            counts[c] = (int) Math.max(1, Math.round(nc));
            mixtures.add(classGaussian(z, Math.max(1, nc), noise, config, rho));
        }
        ArtifactMetadata meta = new ArtifactMetadata(data.classNames(), counts, data.shape(), PixelScaling.UINT8,
                config.latentDim(), CovarianceType.FULL, codec.decoder(), new JsonObject(),
                provenance(config, seed));
        return new CompressedDataset(meta, mixtures, codec.decoderWeights());
    }

    private static GaussianMixture classGaussian(double[][] z, double n, SplittableRandom noise, DpConfig config,
            double rho) {
        int k = config.latentDim();
        double clip = config.latentClip();
        double[] sum = new double[k];
        for (double[] v : z) {
            add(sum, v);
        }
        addNoise(sum, noise, Zcdp.sigma(clip, DpConfig.SHARES[4] * rho));
        double[][] moment = secondMoment(z, k); // a class without records gets noise alone
        addSymmetricNoise(moment, noise, Zcdp.sigma(clip * clip, DpConfig.SHARES[5] * rho));
        double[] mean = new double[k];
        for (int j = 0; j < k; j++) {
            mean[j] = sum[j] / n;
        }
        double[][] cov = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                cov[i][j] = moment[i][j] / n - mean[i] * mean[j];
            }
        }
        double[] flat = nearestPositiveDefinite(cov);
        return GaussianMixture.fromParameters(CovarianceType.FULL, new double[] {1}, new double[][] {mean}, flat);
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

    private static double[][][] latentsByClass(Dataset data, double[][] clipped, double[] mean, double[][] axes,
            double clip) {
        int[] sizes = data.classCounts();
        double[][][] out = new double[sizes.length][][];
        for (int c = 0; c < sizes.length; c++) {
            out[c] = new double[sizes[c]][];
        }
        int[] filled = new int[sizes.length];
        for (int s = 0; s < clipped.length; s++) {
            double[] z = new double[axes.length];
            for (int a = 0; a < axes.length; a++) {
                double dot = 0;
                for (int j = 0; j < mean.length; j++) {
                    dot += axes[a][j] * (clipped[s][j] - mean[j]);
                }
                z[a] = dot;
            }
            clipInPlace(z, clip);
            int c = data.labels()[s];
            out[c][filled[c]++] = z;
        }
        return out;
    }

    private static double[][] secondMoment(double[][] rows, int d) {
        double[][] m = new double[d][d];
        for (double[] x : rows) {
            for (int i = 0; i < d; i++) {
                double xi = x[i];
                if (xi == 0) {
                    continue;
                }
                double[] row = m[i];
                for (int j = i; j < d; j++) {
                    row[j] += xi * x[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                m[i][j] = m[j][i];
            }
        }
        return m;
    }

    private static void add(double[] sum, double[] x) {
        for (int j = 0; j < sum.length; j++) {
            sum[j] += x[j];
        }
    }

    private static void addNoise(double[] v, SplittableRandom noise, double sigma) {
        for (int j = 0; j < v.length; j++) {
            v[j] += gaussian(noise, sigma);
        }
    }

    /** Noise on the upper triangle (diagonal included), mirrored: one draw per free entry. */
    private static void addSymmetricNoise(double[][] m, SplittableRandom noise, double sigma) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i; j < m.length; j++) {
                double e = gaussian(noise, sigma);
                m[i][j] += e;
                if (i != j) {
                    m[j][i] += e;
                }
            }
        }
    }

    private static double gaussian(SplittableRandom noise, double sigma) {
        return sigma * noise.nextGaussian();
    }

    /** What was done, and nothing about where the data came from. */
    private static JsonObject provenance(DpConfig config, long seed) {
        JsonObject p = new JsonObject();
        p.addProperty("tool", "lgc");
        p.addProperty("tool_version", Compressor.TOOL_VERSION);
        p.addProperty("seed", seed);
        JsonObject c = new JsonObject();
        c.addProperty("decoder", "pca");
        c.addProperty("latent_dim", config.latentDim());
        c.addProperty("components", "1");
        c.addProperty("covariance_type", "full");
        p.add("config", c);
        JsonObject dp = new JsonObject();
        dp.addProperty("epsilon", config.epsilon());
        dp.addProperty("delta", config.delta());
        dp.addProperty("rho", config.rho());
        dp.addProperty("accountant", "zCDP, Gaussian mechanism; per-class statistics by parallel composition");
        dp.addProperty("neighbouring", "add or remove one record");
        dp.addProperty("pixel_clip", config.pixelClip());
        dp.addProperty("latent_clip", config.latentClip());
        dp.addProperty("public", "class names, number of classes, image shape");
        p.add("differential_privacy", dp);
        return p;
    }
}
