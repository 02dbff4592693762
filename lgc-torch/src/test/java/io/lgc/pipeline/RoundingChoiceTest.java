package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StoragePrecision;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.Engines;
import io.lgc.model.RoundingTuning;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Candidates told apart by what a classifier learns from their draws: real images of class "top" are bright
 * in their top half, of "bottom" in their bottom half. A good file's decoder turns the latent's first
 * coordinate (+3 for "top", −3 for "bottom") into that brightness; a blind file's decoder ignores its latent,
 * so every draw is the same grey image and its classifier guesses.
 */
class RoundingChoiceTest {
    private static final int SIDE = 8;
    private static final ImageShape SHAPE = new ImageShape(1, SIDE, SIDE);
    private static final List<String> CLASSES = List.of("top", "bottom");
    private static final RoundingChoice.Judging QUICK = new RoundingChoice.Judging(50, 2);
    private static final StoragePrecision STORED = new StoragePrecision(Precision.INT4, Precision.INT8);

    @Test
    void ofSeveralCandidatesTheOneWhoseDrawsTrainTheBestClassifierIsKeptAndTheChoiceRecorded() {
        Engines.pytorch();
        List<Long> seeds = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        List<CompressedDataset> stored = new ArrayList<>();
        long seed = 40;
        RoundingChoice.Chosen chosen = RoundingChoice.best(3, seed, s -> {
            seeds.add(s);
            return file(s == seed + 1);
        }, f -> {
            stored.add(f);
            return STORED;
        }, realImages(), QUICK, new StageTimes(), Progress.silent(), (i, n, score) -> heard.add(i + "/" + n));

        assertThat(seeds).containsExactly(40L, 41L, 42L);
        assertThat(heard).containsExactly("0/3", "1/3", "2/3");
        assertThat(stored).hasSize(3); // each judged as it would be stored
        double[] scores = chosen.scores();
        assertThat(chosen.index()).isEqualTo(1);
        assertThat(scores[1]).isGreaterThan(0.95);
        assertThat(scores[0]).isLessThan(0.6);
        assertThat(scores[2]).isLessThan(0.6);
        assertThat(chosen.file().decoderWeights().get("layers.0.weight"))
                .containsExactly(file(true).decoderWeights().get("layers.0.weight"));
        JsonObject record = chosen.file().metadata().provenance().getAsJsonObject("rounding_tuning");
        assertThat(record.get("steps").getAsInt()).isEqualTo(5); // what RoundingStage recorded stays
        assertThat(record.get("candidates").getAsInt()).isEqualTo(3);
        assertThat(record.get("chosen").getAsInt()).isEqualTo(1);
        assertThat(record.getAsJsonArray("scores")).hasSize(3);
        assertThat(record.getAsJsonArray("scores").get(1).getAsDouble()).isCloseTo(scores[1], within(1e-6));
    }

    @Test
    void oneCandidateIsTheFileItselfUnjudged() {
        List<String> heard = new ArrayList<>();
        CompressedDataset only = file(false);
        RoundingChoice.Chosen chosen = RoundingChoice.best(1, 9, s -> s == 9 ? only : null, f -> STORED,
                realImages(), QUICK, new StageTimes(), Progress.silent(), (i, n, score) -> heard.add("judged"));

        assertThat(chosen.file()).isSameAs(only);
        assertThat(chosen.index()).isZero();
        assertThat(chosen.scores()).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void aCountOutsideOneToSixteenIsRefused() {
        for (int count : new int[] {0, -1, RoundingChoice.MAX_CANDIDATES + 1}) {
            assertThatThrownBy(() -> RoundingChoice.requireCount(count)).isInstanceOfSatisfying(
                    ParameterException.class, e -> assertThat(e.parameters())
                            .containsExactly(Parameter.ROUNDING_CANDIDATES))
                    .hasMessageContaining("between 1 and 16, got " + count);
        }
        assertThat(RoundingChoice.requireCount(RoundingChoice.MAX_CANDIDATES)).isEqualTo(16);
    }

    @Test
    void manyRealImagesAreJudgedOnASeededSubset() {
        Dataset real = realImages();
        Dataset seven = RoundingChoice.testImages(real, 5, 7);

        assertThat(seven.size()).isEqualTo(7);
        assertThat(seven.pixels()).isEqualTo(io.lgc.data.Subsets.random(real, 7, 5).pixels());
        assertThat(RoundingChoice.testImages(real, 6, 7).pixels()).isNotEqualTo(seven.pixels());
        assertThat(RoundingChoice.testImages(real, 5, real.size())).isSameAs(real);
    }

    @Test
    void eachClassDrawsAsManyAsItHasImagesWithinTheLimits() {
        Engines.pytorch(); // the file's classes hold 100 and 110 images
        assertThat(RoundingChoice.draws(file(true), 1, 3000).labels()).containsOnly(0, 1).hasSize(210);
        assertThat(RoundingChoice.draws(file(true), 1, 105).size()).isEqualTo(205);
        assertThat(RoundingChoice.draws(file(true), 1, 4).size()).isEqualTo(2 * RoundingChoice.FEWEST_DRAWS_PER_CLASS);
    }

    @Test
    void aFileWhoseRoundingIsNotRecordedCannotRecordAChoice() {
        ArtifactMetadata plain = TinyArtifacts.tiny().metadata();
        assertThatThrownBy(() -> RoundingChoice.recorded(plain, 0, new double[] {0.5, 0.4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records none");
    }

    /** A linear decoder: {@code sees} whether the latent's first coordinate brightens one half and darkens the other. */
    private static CompressedDataset file(boolean sees) {
        int d = 2;
        NetworkSpec spec = new NetworkSpec(new long[] {d}, List.of(new Layer.Linear(d, SIDE * SIDE),
                new Layer.Reshape(new long[] {1, SIDE, SIDE})));
        float[] weight = new float[SIDE * SIDE * d]; // (out, in), row-major
        float[] bias = new float[SIDE * SIDE];
        for (int p = 0; p < SIDE * SIDE; p++) {
            bias[p] = 0.5f;
            weight[p * d] = sees ? (p < SIDE * SIDE / 2 ? 0.12f : -0.12f) : 0f;
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        weights.put("layers.0.weight", weight);
        weights.put("layers.0.bias", bias);
        ArtifactMetadata m = TinyArtifacts.metadata(spec, SHAPE, CLASSES, CovarianceType.DIAG);
        m = RoundingStage.recorded(m, Precision.INT4, RoundingTuning.steps(5));
        List<GaussianMixture> mixtures = List.of(
                GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {1}, new double[][] {{3, 0}},
                        new double[] {0.3, 0.3}),
                GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {1}, new double[][] {{-3, 0}},
                        new double[] {0.3, 0.3}));
        return new CompressedDataset(m, mixtures, weights);
    }

    /** 40 images, alternately "top" (bright top half) and "bottom", with a little seeded noise. */
    private static Dataset realImages() {
        int n = 40;
        java.util.Random r = new java.util.Random(3);
        byte[] pixels = new byte[n * SIDE * SIDE];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            labels[k] = k % 2;
            for (int p = 0; p < SIDE * SIDE; p++) {
                boolean bright = (p < SIDE * SIDE / 2) == (labels[k] == 0);
                pixels[k * SIDE * SIDE + p] = (byte) ((bright ? 200 : 55) + r.nextInt(20));
            }
        }
        return new Dataset(pixels, labels, CLASSES, SHAPE);
    }
}
