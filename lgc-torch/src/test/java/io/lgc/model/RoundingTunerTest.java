package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.Progress;
import io.lgc.artifact.Precision;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.network.Architectures;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoundingTunerTest {
    /** The convolutional decoder of 8x8 images from a 4-d latent, as LGC builds it, with random weights. */
    private static final NetworkSpec SPEC = Architectures.convAutoencoder(new ImageShape(1, 8, 8), 4, 16).decoder();
    private static final RoundingTuner.Rounding INT4 = (name, values, shape) ->
            Precision.INT4.stored(values, (int) shape[0]);

    /** Every "*.weight" as int4 gives it back, biases as they are. */
    private static Map<String, float[]> rounded(NetworkSpec spec, Map<String, float[]> weights) {
        Map<String, float[]> out = new HashMap<>();
        Map<String, long[]> shapes = spec.parameterShapes();
        weights.forEach((name, w) -> out.put(name, name.endsWith(".weight")
                ? INT4.round(name, w, shapes.get(name)) : w));
        return out;
    }

    /** Mean squared difference between what two weight sets decode on fresh draws of the mixtures. */
    private static double difference(NetworkSpec spec, Map<String, float[]> a, Map<String, float[]> b,
            List<GaussianMixture> mixtures) {
        int per = 100;
        int dim = mixtures.get(0).dimension();
        float[] latents = new float[mixtures.size() * per * dim];
        SplittableRandom random = new SplittableRandom(99);
        for (int c = 0; c < mixtures.size(); c++) {
            double[][] z = mixtures.get(c).sample(per, random).x();
            for (int i = 0; i < per; i++) {
                for (int j = 0; j < dim; j++) {
                    latents[(c * per + i) * dim + j] = (float) z[i][j];
                }
            }
        }
        int n = mixtures.size() * per;
        try (Decoder da = Decoder.load(spec, a); Decoder db = Decoder.load(spec, b)) {
            float[] x = da.decode(latents, n);
            float[] y = db.decode(latents, n);
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (x[i] - y[i]) * (double) (x[i] - y[i]);
            }
            return sum / x.length;
        }
    }

    private static Map<String, float[]> randomWeights() {
        SplittableRandom random = new SplittableRandom(4);
        Map<String, float[]> out = new LinkedHashMap<>();
        SPEC.parameterShapes().forEach((name, shape) -> {
            float[] w = new float[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            double scale = name.endsWith(".weight") ? 1 / Math.sqrt(w.length / (double) shape[0]) : 0.1;
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (scale * (random.nextDouble() * 2 - 1) * Math.sqrt(3));
            }
            out.put(name, w);
        });
        return out;
    }

    /** Three classes, two full-covariance components each, in the decoder's 4-d latent space. */
    private static List<GaussianMixture> mixtures() {
        SplittableRandom random = new SplittableRandom(8);
        List<GaussianMixture> out = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            double[][] means = new double[2][4];
            double[] covariances = new double[2 * 16];
            for (int k = 0; k < 2; k++) {
                for (int j = 0; j < 4; j++) {
                    means[k][j] = 2 * random.nextGaussian();
                    covariances[k * 16 + j * 5] = 0.5;
                }
            }
            out.add(GaussianMixture.fromParameters(CovarianceType.FULL, new double[] {0.4, 0.6}, means, covariances));
        }
        return out;
    }

    @Test
    void aDecoderTunedForInt4DecodesCloserToTheUnroundedOneOnceRounded() {
        NetworkSpec spec = SPEC;
        List<GaussianMixture> mixtures = mixtures();
        Map<String, float[]> original = randomWeights();
        Map<String, float[]> before = new HashMap<>();
        original.forEach((k, v) -> before.put(k, v.clone()));

        Map<String, float[]> tuned = RoundingTuner.tune(spec, original, mixtures, INT4,
                RoundingTuning.steps(60), 3, Progress.silent());

        double untunedError = difference(spec, original, rounded(spec, original), mixtures);
        double tunedError = difference(spec, original, rounded(spec, tuned), mixtures);
        assertThat(untunedError).isPositive();
        assertThat(tunedError).isLessThan(0.8 * untunedError);
        original.forEach((k, v) -> assertThat(v).as(k).containsExactly(before.get(k))); // not modified
        assertThat(tuned.keySet()).containsExactlyElementsOf(original.keySet());
        Map<String, float[]> again = rounded(spec, tuned); // on the grid the last step decoded with
        tuned.forEach((k, v) -> {
            for (int i = 0; i < v.length; i++) {
                assertThat(again.get(k)[i]).as("%s[%d]", k, i).isCloseTo(v[i], org.assertj.core.data.Offset.offset(
                        Math.ulp(v[i]) * 4));
            }
        });
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        Map<String, float[]> weights = randomWeights();
        Map<String, float[]> a = RoundingTuner.tune(SPEC, weights, mixtures(), INT4, RoundingTuning.steps(5), 11,
                Progress.silent());
        Map<String, float[]> b = RoundingTuner.tune(SPEC, weights, mixtures(), INT4, RoundingTuning.steps(5), 11,
                Progress.silent());
        a.forEach((k, v) -> assertThat(b.get(k)).as(k).containsExactly(v));
    }

    @Test
    void theScheduleSetsEachStepsRateTheFirstStepAtTheFullRate() {
        Map<String, float[]> weights = randomWeights();
        // the weights returned are those the last step decoded with: after one update, at step 1's rate
        RoundingTuning constant = RoundingTuning.steps(2).withSchedule(LearningRateSchedule.CONSTANT);
        RoundingTuning cosine = RoundingTuning.steps(2).withSchedule(LearningRateSchedule.COSINE);
        Map<String, float[]> a = RoundingTuner.tune(SPEC, weights, mixtures(), INT4, constant, 11, Progress.silent());
        Map<String, float[]> b = RoundingTuner.tune(SPEC, weights, mixtures(), INT4, cosine, 11, Progress.silent());
        a.forEach((k, v) -> assertThat(b.get(k)).as(k).containsExactly(v)); // the full rate either way

        // after three updates: the cosine's second and third are at 0.85 and 0.5 of the rate
        Map<String, float[]> c = RoundingTuner.tune(SPEC, weights, mixtures(), INT4,
                RoundingTuning.steps(4).withSchedule(LearningRateSchedule.CONSTANT), 11, Progress.silent());
        Map<String, float[]> d = RoundingTuner.tune(SPEC, weights, mixtures(), INT4,
                RoundingTuning.steps(4).withSchedule(LearningRateSchedule.COSINE), 11, Progress.silent());
        assertThat(c.keySet()).anySatisfy(k -> assertThat(d.get(k)).as(k).isNotEqualTo(c.get(k)));
    }
}
