package io.lgc.pipeline;

import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.DecoderArithmetic;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.StoragePrecision;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.Decoder;
import io.lgc.network.FrequencyRings;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The last stage before a file is written, when asked: a {@link Layer.FrequencyGain} appended to the
 * decoder that gives the images it decodes from the mixtures the real images' detail. Decoded mixture
 * samples are blurred (the autoencoder's loss averages fine detail away, and a sample is an average of
 * nothing), so their power falls short of the real images' at high frequencies; the gain on each ring of
 * frequency is sqrt(real power / decoded power), at most {@link #MAX_GAIN}, and 1 at frequency 0 so
 * that no image gets brighter or darker. Both powers are means over {@link #IMAGES} images (fewer of large
 * ones: {@link #MAX_VALUES}): real ones
 * from the data, and draws from every class's mixture at the spread receivers draw at, drawn from the
 * mixtures and decoded by the decoder as the file stores them (rounded to its precisions). The gain is one
 * linear map for every class, and it costs the file one number a ring (21 for a 28 × 28 image).
 */
public final class SharpeningStage {
    /** Real and decoded images whose spectra are compared (bench/diagnose/spectral_gain.py measured with 6,000 each). */
    public static final int IMAGES = 6000;
    /**
     * The most values each side's images may hold together (64 MiB of floats): large images are compared
     * over fewer of them, at least {@link #FEWEST_IMAGES}.
     */
    static final long MAX_VALUES = 1L << 24;
    static final int FEWEST_IMAGES = 16;
    /** The most a ring is amplified: noise, not detail, is all a decoder has where its power is far below. */
    public static final double MAX_GAIN = 2.0;
    /** {@link #MAX_GAIN} as option descriptions print it. */
    public static final String MAX_GAIN_TEXT = "2";

    private SharpeningStage() {
    }

    /** A file with a sharpened decoder, and the gain by ring. */
    public record Sharpened(CompressedDataset dataset, double[] gains) {
    }

    /**
     * {@code data} with its decoder sharpened towards the spectrum of {@code real}, the images it
     * compresses; a decoder that already ends in a frequency gain has it fitted afresh. The draws are decoded
     * from the file as {@code storage} stores it: what receivers decode is what the gain corrects.
     *
     * @param spread the spread receivers draw at: the file's recommended one, else their default
     */
    public static Sharpened apply(CompressedDataset data, Dataset real, StoragePrecision storage, double spread,
            long seed) {
        ArtifactMetadata m = data.metadata();
        if (m.isTable()) {
            throw new IllegalArgumentException("a frequency gain sharpens images; this file holds a table");
        }
        ImageShape shape = m.sampleShape();
        if (!FrequencyRings.takes(shape.height(), shape.width())) {
            throw new IllegalArgumentException("a frequency gain applies to images of at most "
                    + FrequencyRings.MAX_SIDE + " pixels a side, not " + shape);
        }
        if (!real.shape().equals(shape)) {
            throw new IllegalArgumentException("the real images are " + real.shape() + ", the file's " + shape);
        }
        int images = images(shape);
        NetworkSpec decoder = withoutGain(m.decoder());
        Map<String, float[]> weights = new LinkedHashMap<>(data.decoderWeights());
        weights.keySet().retainAll(decoder.parameterShapes().keySet());
        CompressedDataset plain = new CompressedDataset(m.withDecoder(decoder), data.mixtures(), weights);
        CompressedDataset stored = ArtifactFile.asStored(plain, storage);
        SplittableRandom random = new SplittableRandom(seed ^ 0x7368_6172L);
        float[] decoded = decodedDraws(decoder, m.decoderArithmetic(), stored.decoderWeights(), stored.mixtures(),
                spread, images, random);
        int drawn = decoded.length / shape.size();
        float[] realImages = realImages(real, images, random);
        int realCount = realImages.length / shape.size();
        int c = shape.channels();
        int h = shape.height();
        int w = shape.width();
        double[] gains = gains(FrequencyRings.ringPower(realImages, realCount, c, h, w), realCount,
                FrequencyRings.ringPower(decoded, drawn, c, h, w), drawn);
        float[] gain = new float[gains.length];
        for (int r = 0; r < gain.length; r++) {
            gain[r] = (float) gains[r];
        }
        weights.put(NetworkSpec.parameterName(decoder.layers().size(), "gain"), gain);
        ArtifactMetadata out = m.withDecoder(withGain(decoder, shape))
                .withProvenance(recorded(m.provenance(), realCount, drawn, spread));
        return new Sharpened(new CompressedDataset(out, data.mixtures(), weights), gains);
    }

    /** The line {@code lgc compress} prints: the gains ring by ring, to two decimals. */
    public static String summary(double[] gains) {
        StringBuilder b = new StringBuilder("sharpen: gain by ring of frequency (0 = the mean, "
                + (gains.length - 1) + " = the corners)");
        for (double g : gains) {
            b.append(String.format(java.util.Locale.ROOT, " %.2f", g));
        }
        return b.toString();
    }

    /**
     * {@code m} as this stage leaves it, whatever the gains: its decoder ending in a frequency gain, the stage
     * recorded in its provenance with {@link #IMAGES} images each side (what a size prediction needs).
     */
    public static ArtifactMetadata withGainLayer(ArtifactMetadata m) {
        return m.withDecoder(withGain(withoutGain(m.decoder()), m.sampleShape()))
                .withProvenance(recorded(m.provenance(), IMAGES, IMAGES, m.drawSpread().orElse(1.0)));
    }

    /**
     * The gain on each ring: sqrt of the real images' mean power over the decoded ones', capped at {@link
     * #MAX_GAIN}; 1 at frequency 0, and wherever the decoded images have no power to scale.
     */
    static double[] gains(double[] realPower, int realImages, double[] decodedPower, int decodedImages) {
        double[] gains = new double[realPower.length];
        for (int r = 0; r < gains.length; r++) {
            double ratio = (realPower[r] / realImages) / (decodedPower[r] / decodedImages);
            gains[r] = r == 0 || !(ratio > 0) || !Double.isFinite(ratio) ? 1.0 : Math.min(Math.sqrt(ratio), MAX_GAIN);
        }
        return gains;
    }

    /** How many images of {@code shape} each side compares: {@link #IMAGES}, fewer where they would be large. */
    static int images(ImageShape shape) {
        return (int) Math.max(FEWEST_IMAGES, Math.min(IMAGES, MAX_VALUES / shape.size()));
    }

    /** {@code decoder} ending in a frequency gain for images of {@code shape}. */
    private static NetworkSpec withGain(NetworkSpec decoder, ImageShape shape) {
        List<Layer> layers = new ArrayList<>(decoder.layers());
        layers.add(new Layer.FrequencyGain(FrequencyRings.count(shape.height(), shape.width())));
        return new NetworkSpec(decoder.inputShape(), layers);
    }

    /** The decoder without a final frequency gain, which a refit replaces. */
    private static NetworkSpec withoutGain(NetworkSpec decoder) {
        List<Layer> layers = decoder.layers();
        if (!layers.isEmpty() && layers.get(layers.size() - 1) instanceof Layer.FrequencyGain) {
            return new NetworkSpec(decoder.inputShape(), layers.subList(0, layers.size() - 1));
        }
        return decoder;
    }

    /** About {@code images} decoded draws, the same number from every class's mixture at {@code spread}. */
    private static float[] decodedDraws(NetworkSpec decoder, DecoderArithmetic arithmetic, Map<String, float[]> weights,
            List<GaussianMixture> mixtures, double spread, int images, SplittableRandom random) {
        int perClass = Math.max(1, images / mixtures.size());
        int dim = mixtures.get(0).dimension();
        float[] latents = new float[perClass * mixtures.size() * dim];
        int at = 0;
        for (GaussianMixture mixture : mixtures) {
            GaussianMixture drawn = spread == 1.0 ? mixture : mixture.withCovarianceScale(spread);
            for (double[] z : drawn.sample(perClass, random).x()) {
                for (double v : z) {
                    latents[at++] = (float) v;
                }
            }
        }
        try (Decoder d = Decoder.load(decoder, weights, arithmetic)) {
            return d.decode(latents, perClass * mixtures.size());
        }
    }

    /** Up to {@code images} of the real images, drawn without replacement, scaled to [0, 1] as decoders output them. */
    private static float[] realImages(Dataset real, int images, SplittableRandom random) {
        int n = real.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int take = Math.min(images, n);
        for (int i = 0; i < take; i++) { // the first take places of a Fisher–Yates shuffle
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] out = new float[take * real.shape().size()];
        real.inputs(order, 0, take, out);
        return out;
    }

    /** {@code provenance} with the sharpening recorded under {@code config.sharpening}. */
    private static JsonObject recorded(JsonObject provenance, int realImages, int draws, double spread) {
        JsonObject p = provenance.deepCopy();
        JsonObject record = new JsonObject();
        record.addProperty("real_images", realImages);
        record.addProperty("drawn_images", draws);
        record.addProperty("spread", spread);
        record.addProperty("max_gain", MAX_GAIN);
        if (p.has("config")) {
            p.getAsJsonObject("config").add("sharpening", record);
        } else {
            p.add("sharpening", record);
        }
        return p;
    }
}
