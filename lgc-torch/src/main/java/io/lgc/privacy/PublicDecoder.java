package io.lgc.privacy;

import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.PixelScaling;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.gmm.GmmConfig;
import io.lgc.linalg.SymmetricEigen;
import io.lgc.model.LatentCodec;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import io.lgc.synth.LatentDraws;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A decoder that needs no private data, so that only the mixtures and counts of a private
 * compression spend budget. It comes either from a public file, or from an autoencoder trained on
 * public data. Each private record still needs a latent, and every way of finding one looks at that
 * record alone: the public autoencoder's own encoder; for a file, a linear decoder
 * ({@code x = b + W z}, as {@code --decoder pca} writes) inverted exactly by least squares,
 * {@code z = (WᵀW)⁻¹ Wᵀ (x − b)}, and any other decoder an encoder learned from the file's own
 * decoded samples ({@link InverseEncoder}), which sees no private record. Latents are then centred
 * on, and clipped at, values from public data alone: the mean of the public latents (drawn from the
 * file's mixtures, or the public records' own), and the {@value #CLIP_QUANTILE} quantile of their
 * distance to that mean.
 */
public final class PublicDecoder implements AutoCloseable {
    static final int ENCODER_SAMPLES = 20_000;
    static final int ENCODER_EPOCHS = 5;
    static final int CLIP_SAMPLES = 10_000;
    static final double CLIP_QUANTILE = 0.98;
    static final int DRAWS_PER_CLASS = 2_000;

    /** Where the decoder came from, for the header: a public file, or public data. */
    private final JsonObject origin;
    private final String originKey;
    private final NetworkSpec decoder;
    private final Map<String, float[]> weights;
    private final PixelScaling scaling;
    private final ImageShape shape;
    private final int latentDim;
    private final Function<Dataset, double[][]> encoder;
    private final AutoCloseable resources;
    private final double[] centre;
    /** The public latents' distances to the centre, ascending: every clip quantile comes from these. */
    private final double[] distances;
    private final double clip;
    /** Per class, the public mixture in latent space, for a given K (a file has its own, whatever K). */
    private final java.util.function.BiFunction<Integer, Long, List<GaussianMixture>> publicMixtures;

    private PublicDecoder(String originKey, JsonObject origin, NetworkSpec decoder, Map<String, float[]> weights,
            PixelScaling scaling, ImageShape shape, int latentDim, Function<Dataset, double[][]> encoder,
            AutoCloseable resources, double[] centre, double[] distances, double clip,
            java.util.function.BiFunction<Integer, Long, List<GaussianMixture>> publicMixtures) {
        this.originKey = originKey;
        this.origin = origin;
        this.decoder = decoder;
        this.weights = weights;
        this.scaling = scaling;
        this.shape = shape;
        this.latentDim = latentDim;
        this.encoder = encoder;
        this.resources = resources;
        this.centre = centre;
        this.distances = distances;
        this.clip = clip;
        this.publicMixtures = publicMixtures;
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
        JsonObject from = new JsonObject();
        from.addProperty("name", name);
        from.addProperty("sha256", sha256);
        JsonObject pubConfig = meta.provenance().getAsJsonObject("config");
        if (pubConfig != null && pubConfig.has("decoder")) {
            from.addProperty("decoder", pubConfig.get("decoder").getAsString());
        }
        Function<Dataset, double[][]> encoder;
        AutoCloseable resources = () -> { };
        if (isLinear(meta.decoder())) {
            int k = meta.latentDim();
            float[] w = file.decoderWeights().get(NetworkSpec.parameterName(0, "weight"));
            float[] b = file.decoderWeights().get(NetworkSpec.parameterName(0, "bias"));
            double[][] pseudoInverse = pseudoInverse(w, b.length, k);
            encoder = images -> leastSquares(images, pseudoInverse, b, meta.scaling());
            from.addProperty("encoder", "least-squares inverse of the public linear decoder");
        } else {
            InverseEncoder learned = InverseEncoder.train(file, ENCODER_SAMPLES, ENCODER_EPOCHS, seed, progress);
            encoder = learned::encode;
            resources = learned;
            from.addProperty("encoder", String.format(java.util.Locale.ROOT, "an encoder learned from %,d decoded "
                    + "samples of the public file (%d epochs), no private record", ENCODER_SAMPLES, ENCODER_EPOCHS));
        }
        from.addProperty("latent_centre", "mean of latents drawn from the public file");
        double[][] draws = draws(file, seed);
        double[] centre = mean(draws);
        return new PublicDecoder("decoder_from", from, meta.decoder(), file.decoderWeights(), meta.scaling(),
                meta.sampleShape(), meta.latentDim(), encoder, resources, centre, sortedDistances(draws, centre), 0,
                (k, s) -> fitPerClass(drawsByClass(file, s), k, s)).withClipQuantile(CLIP_QUANTILE);
    }

    /**
     * The decoder of {@code codec}, an encoder–decoder fitted to the public images {@code images}
     * alone; its own encoder gives the private latents. The codec is closed with this.
     *
     * @param name how the header names the public data
     * @param sha256 the digest of the public data's files, recorded so its origin can be checked
     */
    public static PublicDecoder trained(LatentCodec codec, Dataset images, String name, String sha256) {
        double[][] latents = codec.encode(images);
        double[] centre = mean(latents);
        JsonObject from = new JsonObject();
        from.addProperty("name", name);
        from.addProperty("sha256", sha256);
        from.addProperty("records", images.size());
        from.addProperty("encoder", "the encoder of the autoencoder trained on the public data");
        from.addProperty("latent_centre", "mean of the public records' latents");
        return new PublicDecoder("public_data", from, codec.decoder(), codec.decoderWeights(), PixelScaling.UINT8,
                images.shape(), codec.latentDim(), codec::encode, codec::close, centre,
                sortedDistances(latents, centre), 0,
                (k, seed) -> fitPerClass(byClass(latents, images.labels(), images.numClasses()), k, seed))
                .withClipQuantile(CLIP_QUANTILE);
    }

    /**
     * The same decoder, encoder and centre, clipping at the {@code q} quantile of the public latents'
     * distances to the centre (still public data alone). It shares the encoder: close only one.
     */
    public PublicDecoder withClipQuantile(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("a clip quantile must be in (0, 1], got " + q);
        }
        JsonObject o = origin.deepCopy();
        o.addProperty("latent_clip", "the " + q + " quantile of the public latents' distance to the centre");
        return new PublicDecoder(originKey, o, decoder, weights, scaling, shape, latentDim, encoder, resources, centre,
                distances, distances[(int) Math.min(distances.length - 1, Math.floor(q * distances.length))],
                publicMixtures);
    }

    /** The same decoder and encoder with another clip norm (which then no longer comes from public data). */
    PublicDecoder withClip(double norm) {
        return new PublicDecoder(originKey, origin, decoder, weights, scaling, shape, latentDim, encoder, () -> { },
                centre, distances, norm, publicMixtures);
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

    private static double[][] leastSquares(Dataset images, double[][] pseudoInverse, float[] bias,
            PixelScaling scaling) {
        int d = bias.length;
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

    /** The latent of every image, in order; images must have the public decoder's shape. */
    public double[][] encode(Dataset images) {
        if (!images.shape().equals(shape)) {
            throw new IllegalArgumentException("the public decoder makes " + shape + " images, the private data holds "
                    + images.shape());
        }
        return encoder.apply(images);
    }

    /**
     * Per class, {@code components} Gaussians (full covariances) fitted to public latents: the public
     * records' own, or {@value #DRAWS_PER_CLASS} latents drawn from each class of a public file.
     * Private records are assigned to their components.
     */
    List<GaussianMixture> publicMixtures(int components, long seed) {
        return publicMixtures.apply(components, seed);
    }

    /** How private records get their latents, in words for the header. */
    public String encoderMethod() {
        return origin.get("encoder").getAsString();
    }

    /** The public file or data, as the header records it, under {@link #originKey()}. */
    JsonObject origin() {
        return origin.deepCopy();
    }

    /** "decoder_from" (a public file) or "public_data". */
    String originKey() {
        return originKey;
    }

    public String name() {
        return origin.get("name").getAsString();
    }

    public String sha256() {
        return origin.get("sha256").getAsString();
    }

    NetworkSpec decoder() {
        return decoder;
    }

    Map<String, float[]> decoderWeights() {
        return weights;
    }

    PixelScaling scaling() {
        return scaling;
    }

    ImageShape sampleShape() {
        return shape;
    }

    int latentDim() {
        return latentDim;
    }

    /** Private latents are clipped around this point, from public data. */
    double[] centre() {
        return centre.clone();
    }

    /** ... at this distance. */
    double clip() {
        return clip;
    }

    private static double[][][] drawsByClass(CompressedDataset file, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        double[][][] out = new double[file.mixtures().size()][][];
        for (int c = 0; c < out.length; c++) {
            out[c] = file.mixtures().get(c).sample(DRAWS_PER_CLASS, random).x();
        }
        return out;
    }

    private static double[][][] byClass(double[][] latents, int[] labels, int classes) {
        int[] sizes = new int[classes];
        for (int label : labels) {
            sizes[label]++;
        }
        double[][][] out = new double[classes][][];
        for (int c = 0; c < classes; c++) {
            out[c] = new double[sizes[c]][];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            out[labels[i]][filled[labels[i]]++] = latents[i];
        }
        return out;
    }

    private static List<GaussianMixture> fitPerClass(double[][][] rowsByClass, int components, long seed) {
        List<GaussianMixture> out = new java.util.ArrayList<>();
        for (int c = 0; c < rowsByClass.length; c++) {
            GmmConfig config = GmmConfig.builder().components(components).covarianceType(CovarianceType.FULL).nInit(1)
                    .seed(seed * 1_000_003L + c).build();
            out.add(GaussianMixture.fit(rowsByClass[c], config).model());
        }
        return out;
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
        double[] d = sortedDistances(rows, centre);
        return d[(int) Math.min(d.length - 1, Math.floor(q * d.length))];
    }

    private static double[] sortedDistances(double[][] rows, double[] centre) {
        double[] d = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double s = 0;
            for (int a = 0; a < centre.length; a++) {
                s += (rows[i][a] - centre[a]) * (rows[i][a] - centre[a]);
            }
            d[i] = Math.sqrt(s);
        }
        Arrays.sort(d);
        return d;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
