package io.lgc.model;

import io.lgc.network.NetworkSpec;
import io.lgc.network.Layer;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.data.LabelledData;
import io.lgc.linalg.TopEigen;
import java.util.List;
import java.util.Map;

/**
 * The linear version of the method: the top {@code k} principal axes of the samples (scaled to
 * [0, 1]) as the encoder, and {@code x = mean + Pᵀ z} as the decoder, one linear layer and a
 * reshape. Fitted in closed form, so it is the baseline that tells what the autoencoder's
 * non-linearity buys.
 *
 * @param mean per-value mean of the samples, in [0, 1]
 * @param axes {@code axes[a]} is the unit principal axis a, largest variance first
 * @param variances the variance along each axis
 */
public record PcaCodec(ImageShape shape, double[] mean, double[][] axes, double[] variances) implements LatentCodec {
    private static final double INV_255 = 1.0 / 255.0;
    /**
     * Values per sample the fit takes: it holds the d x d covariance in doubles, 512 MiB at this
     * limit (and 204 GB for 400x400 pixels), and costs n·d²/2 multiplications to build it.
     */
    public static final int MAX_VALUES = 8192;

    /**
     * @param seed seeds the eigen-solver's starting subspace, so a rerun gives the same basis
     * @throws InputException when {@code k} exceeds the number of values per sample
     */
    public static PcaCodec fit(Dataset data, int k, long seed) {
        int d = data.shape().size();
        if (k < 1 || k > d) {
            throw new InputException("a PCA decoder needs 1 <= latent dimension <= " + d
                    + " (values per sample), got " + k);
        }
        if (d > MAX_VALUES) {
            throw new ParameterException("a PCA decoder for samples of " + data.shape() + " (" + d + " values) needs a "
                    + d + "x" + d + " covariance matrix, " + bytesText(8.0 * d * d) + " of memory; it takes at most "
                    + MAX_VALUES + " values per sample (" + bytesText(8.0 * MAX_VALUES * MAX_VALUES)
                    + "): resize the images (", Parameter.SIZE, ") or use ", Parameter.DECODER, " autoencoder");
        }
        double[] mean = mean(data);
        TopEigen eigen = TopEigen.of(covariance(data, mean), k, seed);
        return new PcaCodec(data.shape(), mean, eigen.vectors(), eigen.values());
    }

    private static String bytesText(double bytes) {
        return bytes >= 1e9 ? String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    @Override
    public int latentDim() {
        return axes.length;
    }

    /** Encodes images of the shape the basis was fitted to. */
    @Override
    public double[][] encode(LabelledData samples) {
        if (!(samples instanceof Dataset data) || !data.shape().equals(shape)) {
            throw new IllegalArgumentException("a PCA basis of " + shape + " images cannot encode " + samples.layout());
        }
        int d = shape.size();
        double[][] latents = new double[data.size()][axes.length];
        double[] centred = new double[d];
        for (int s = 0; s < data.size(); s++) {
            centre(data.pixels(), s * d, centred);
            for (int a = 0; a < axes.length; a++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += axes[a][j] * centred[j];
                }
                latents[s][a] = sum;
            }
        }
        return latents;
    }

    @Override
    public NetworkSpec decoder() {
        return decoder(shape, axes.length);
    }

    /** The decoder of a basis of {@code k} axes for images of {@code shape}: one linear layer, reshaped. */
    public static NetworkSpec decoder(ImageShape shape, int k) {
        return new NetworkSpec(new long[] {k}, List.of(
                new Layer.Linear(k, shape.size()),
                new Layer.Reshape(new long[] {shape.channels(), shape.height(), shape.width()})));
    }

    /** Weight [d, k] holds the axes as columns; the bias is the mean. */
    @Override
    public Map<String, float[]> decoderWeights() {
        int d = shape.size();
        int k = axes.length;
        float[] weight = new float[d * k];
        float[] bias = new float[d];
        for (int j = 0; j < d; j++) {
            for (int a = 0; a < k; a++) {
                weight[j * k + a] = (float) axes[a][j];
            }
            bias[j] = (float) mean[j];
        }
        return Map.of(NetworkSpec.parameterName(0, "weight"), weight, NetworkSpec.parameterName(0, "bias"), bias);
    }

    @Override
    public List<EpochLosses> history() {
        return List.of();
    }

    @Override
    public void close() {
        // Plain Java arrays: nothing native to release.
    }

    private static double[] mean(Dataset data) {
        int d = data.shape().size();
        double[] mean = new double[d];
        byte[] px = data.pixels();
        for (int s = 0; s < data.size(); s++) {
            for (int j = 0; j < d; j++) {
                mean[j] += px[s * d + j] & 0xFF;
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] *= INV_255 / data.size();
        }
        return mean;
    }

    /** The sample covariance, accumulated one upper-triangle rank-1 update per sample. */
    private static double[][] covariance(Dataset data, double[] mean) {
        int d = mean.length;
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (int s = 0; s < data.size(); s++) {
            centreInto(data.pixels(), s * d, mean, centred);
            for (int i = 0; i < d; i++) {
                double ci = centred[i];
                if (ci == 0) {
                    continue;
                }
                double[] row = cov[i];
                for (int j = i; j < d; j++) {
                    row[j] += ci * centred[j];
                }
            }
        }
        double norm = 1.0 / Math.max(1, data.size() - 1);
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i][j] *= norm;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    private void centre(byte[] px, int offset, double[] out) {
        centreInto(px, offset, mean, out);
    }

    private static void centreInto(byte[] px, int offset, double[] mean, double[] out) {
        for (int j = 0; j < out.length; j++) {
            out[j] = (px[offset + j] & 0xFF) * INV_255 - mean[j];
        }
    }
}
