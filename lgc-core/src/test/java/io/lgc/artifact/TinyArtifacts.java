package io.lgc.artifact;

import io.lgc.artifact.container.NamedTensor;
import com.google.gson.JsonObject;
import io.lgc.data.FeatureScaling;
import io.lgc.data.ImageShape;
import io.lgc.data.TableColumns;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.network.Architectures;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Compressed datasets built without training: seeded random decoder weights and random
 * mixtures, small enough for unit tests, shared with the CLI and cross-language tests.
 */
public final class TinyArtifacts {
    public static final int LATENT = 4;
    public static final ImageShape IMAGE = new ImageShape(2, 4, 4);
    public static final List<String> CLASSES = List.of("circle", "square", "triangle");

    private TinyArtifacts() {
    }

    /**
     * A decoder that uses every layer op at least once, with the awkward cases: a stride-2
     * convolution without padding, a 3× upsampling, a max-pool, a channel-group mean over two
     * groups, and a frequency gain on its 4 × 4 output. 4 → [2, 4, 4].
     */
    public static NetworkSpec everyOpDecoder() {
        return new NetworkSpec(new long[] {LATENT}, List.of(
                new Layer.Linear(LATENT, 72), new Layer.Relu(),
                new Layer.Reshape(new long[] {8, 3, 3}),
                new Layer.Upsample(2), new Layer.Conv2d(8, 8, 3, 1, 1), new Layer.Relu(),
                new Layer.Upsample(3), new Layer.Conv2d(8, 8, 3, 2, 0), new Layer.Relu(),
                new Layer.MaxPool(2),
                new Layer.Conv2d(8, 4, 3, 1, 1),
                new Layer.ChannelGroupMean(2), new Layer.Sigmoid(),
                new Layer.FrequencyGain(io.lgc.network.FrequencyRings.count(4, 4))));
    }

    /** The decoder lgc compress trains on Fashion-MNIST by default (latent 16, width 32). */
    public static NetworkSpec fashionDecoder() {
        return Architectures.convAutoencoder(new ImageShape(1, 28, 28), 16, 32).decoder();
    }

    /** He-style random weights (std √(2 / fan-in)), small random biases. */
    public static Map<String, float[]> randomWeights(NetworkSpec spec, long seed) {
        Random r = new Random(seed);
        Map<String, float[]> out = new LinkedHashMap<>();
        spec.parameterShapes().forEach((name, shape) -> {
            long n = NamedTensor.elementCount(shape);
            double std = name.endsWith(".bias") ? 0.1 : Math.sqrt(2.0 * shape[0] / n);
            float[] v = new float[(int) n];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (std * r.nextGaussian());
            }
            out.put(name, v);
        });
        return out;
    }

    /** A well-conditioned random mixture per class: K components, covariance A·Aᵀ/d + 0.05·I. */
    public static List<GaussianMixture> randomMixtures(int classes, int k, int d, CovarianceType type, long seed) {
        Random r = new Random(seed);
        List<GaussianMixture> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            double[] weights = new double[k];
            double sum = 0;
            for (int j = 0; j < k; j++) {
                weights[j] = 0.5 + r.nextDouble();
                sum += weights[j];
            }
            double[][] means = new double[k][d];
            for (int j = 0; j < k; j++) {
                weights[j] /= sum;
                for (int i = 0; i < d; i++) {
                    means[j][i] = 2 * r.nextGaussian();
                }
            }
            out.add(GaussianMixture.fromParameters(type, weights, means, covariances(type, k, d, r)));
        }
        return out;
    }

    private static double[] covariances(CovarianceType type, int k, int d, Random r) {
        int blocks = type == CovarianceType.TIED ? 1 : k;
        return switch (type) {
            case FULL, TIED -> {
                double[] out = new double[blocks * d * d];
                for (int b = 0; b < blocks; b++) {
                    double[][] a = new double[d][d];
                    for (double[] row : a) {
                        for (int j = 0; j < d; j++) {
                            row[j] = r.nextGaussian();
                        }
                    }
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j < d; j++) {
                            double s = i == j ? 0.05 : 0;
                            for (int m = 0; m < d; m++) {
                                s += a[i][m] * a[j][m] / d;
                            }
                            out[b * d * d + i * d + j] = s;
                        }
                    }
                }
                yield out;
            }
            case DIAG -> positive(k * d, r);
            case SPHERICAL -> positive(k, r);
        };
    }

    private static double[] positive(int n, Random r) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = 0.05 + r.nextDouble();
        }
        return out;
    }

    public static ArtifactMetadata metadata(NetworkSpec decoder, ImageShape image, List<String> classes,
            CovarianceType type) {
        int[] counts = new int[classes.size()];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = 100 + 10 * c;
        }
        JsonObject provenance = new JsonObject();
        provenance.addProperty("tool", "test");
        return new ArtifactMetadata(classes, counts, image, PixelScaling.UINT8, (int) decoder.inputShape()[0], type,
                decoder, new JsonObject(), provenance);
    }

    /** Three classes, two components each, the every-op decoder with seeded weights. */
    public static CompressedDataset tiny(CovarianceType type, long seed) {
        NetworkSpec spec = everyOpDecoder();
        return new CompressedDataset(metadata(spec, IMAGE, CLASSES, type),
                randomMixtures(CLASSES.size(), 2, LATENT, type, seed), randomWeights(spec, seed));
    }

    public static CompressedDataset tiny() {
        return tiny(CovarianceType.FULL, 7);
    }

    /**
     * A table's columns with the label second and names a CSV must quote: 3 features + "species".
     */
    public static final TableColumns TABLE = new TableColumns(
            List.of("width", "species", "height \"cm\"", "mass, kg"), 1);
    /** Units far from standard: means 10, -5, 1000 and deviations 2, 0.5, 250. */
    public static final FeatureScaling TABLE_SCALING = new FeatureScaling(new double[] {10, -5, 1000},
            new double[] {2, 0.5, 250});

    public static ArtifactMetadata tableMetadata(NetworkSpec decoder, CovarianceType type) {
        ArtifactMetadata images = metadata(fashionDecoder(), new ImageShape(1, 28, 28), CLASSES, type);
        return new ArtifactMetadata(CLASSES, images.classCounts(), new TableFormat(TABLE, TABLE_SCALING),
                (int) decoder.inputShape()[0], type, decoder, new JsonObject(), images.provenance());
    }

    /** Three classes, two components each, the dense table decoder (4 → 32 → 64 → 3) with seeded weights. */
    public static CompressedDataset table(CovarianceType type, long seed) {
        NetworkSpec spec = Architectures.denseAutoencoder(TABLE, LATENT).decoder();
        return new CompressedDataset(tableMetadata(spec, type), randomMixtures(CLASSES.size(), 2, LATENT, type, seed),
                randomWeights(spec, seed));
    }

    /** A decoder whose output is the latent's first three values: linear 4 → 3 with W = [I | 0], b = 0. */
    public static NetworkSpec firstThreeDecoder() {
        return new NetworkSpec(new long[] {LATENT}, List.of(new Layer.Linear(LATENT, TABLE.size())));
    }

    public static Map<String, float[]> firstThreeWeights() {
        float[] w = new float[TABLE.size() * LATENT];
        for (int i = 0; i < TABLE.size(); i++) {
            w[i * LATENT + i] = 1;
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        out.put("layers.0.weight", w);
        out.put("layers.0.bias", new float[TABLE.size()]);
        return out;
    }

    /**
     * A table artifact whose decoder passes latents through and whose classes are single, almost
     * point-like components (std 1e-6) at {@code means[c]} (standardised units, then zeros): every
     * reconstructed row of class c is, to float32, mean + std · means[c].
     */
    public static CompressedDataset pointTable(double[][] means) {
        List<GaussianMixture> mixtures = new ArrayList<>();
        for (double[] m : means) {
            double[] mean = java.util.Arrays.copyOf(m, LATENT);
            double[] variances = new double[LATENT];
            java.util.Arrays.fill(variances, 1e-12);
            mixtures.add(GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {1}, new double[][] {mean},
                    variances));
        }
        return new CompressedDataset(tableMetadata(firstThreeDecoder(), CovarianceType.DIAG), mixtures,
                firstThreeWeights());
    }

    /** Ten classes of five full-covariance components on the default Fashion-MNIST decoder. */
    public static CompressedDataset fashionSized(long seed) {
        NetworkSpec spec = fashionDecoder();
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            classes.add("class" + c);
        }
        return new CompressedDataset(metadata(spec, new ImageShape(1, 28, 28), classes, CovarianceType.FULL),
                randomMixtures(10, 5, 16, CovarianceType.FULL, seed), randomWeights(spec, seed));
    }
}
