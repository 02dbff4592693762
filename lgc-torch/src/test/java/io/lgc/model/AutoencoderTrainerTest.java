package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.Progress;
import io.lgc.data.Dataset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoencoderTrainerTest {
    private static final Dataset BARS = TinyData.bars(40, 3, 7);

    private static AutoencoderConfig config(double featureWeight) {
        return config(featureWeight > 0 ? new FeatureMatching(featureWeight, 2, 2, 16) : FeatureMatching.OFF);
    }

    @Test
    void trainingLowersTheLossAndNeverProducesNaN() {
        try (TrainedAutoencoder ae = AutoencoderTrainer.train(BARS, config(0), Progress.silent())) {
            var history = ae.history();
            assertThat(history).hasSize(3);
            assertThat(history).allSatisfy(e -> {
                assertThat(e.train()).isFinite();
                assertThat(e.validation()).isFinite();
            });
            assertThat(history.get(2).train()).isLessThan(history.get(0).train());
            assertThat(ae.decoderWeights().values()).allSatisfy(w -> assertThat(w).doesNotContain(Float.NaN));
        }
    }

    @Test
    void featureMatchingTrainsToFiniteLosses() {
        try (TrainedAutoencoder ae = AutoencoderTrainer.train(BARS, config(0.5), Progress.silent())) {
            assertThat(ae.history()).allSatisfy(e -> assertThat(e.train()).isFinite());
            assertThat(ae.history().get(2).train()).isLessThan(ae.history().get(0).train());
        }
    }

    @Test
    void theTextureTermTrainsToFiniteLossesAndChangesWhatIsTrained() {
        FeatureMatching features = new FeatureMatching(0.5, 2, 2, 16);
        Map<String, float[]> without;
        try (TrainedAutoencoder ae = AutoencoderTrainer.train(BARS, config(features), Progress.silent())) {
            without = ae.decoderWeights();
        }
        try (TrainedAutoencoder ae = AutoencoderTrainer.train(BARS, config(features.withTextureWeight(50)),
                Progress.silent())) {
            assertThat(ae.history()).allSatisfy(e -> assertThat(e.validation()).isFinite());
            String first = without.keySet().iterator().next();
            assertThat(ae.decoderWeights().get(first)).isNotEqualTo(without.get(first));
        }
    }

    @Test
    void aKlWeightPullsTheLatentsTowardsTheOriginAndTrainsToFiniteLosses() {
        double plain;
        try (TrainedAutoencoder ae = AutoencoderTrainer.train(BARS, config(0), Progress.silent())) {
            plain = meanSquaredNorm(ae.encode(BARS));
        }
        try (TrainedAutoencoder ae = AutoencoderTrainer.train(BARS, config(0).withKlWeight(5), Progress.silent())) {
            assertThat(ae.history()).allSatisfy(e -> {
                assertThat(e.train()).isFinite();
                assertThat(e.validation()).isFinite();
            });
            // the KL term's 1/2 |mu|^2 is in the loss: the encoder's outputs shrink
            assertThat(meanSquaredNorm(ae.encode(BARS))).isLessThan(0.5 * plain);
        }
    }

    private static double meanSquaredNorm(double[][] z) {
        double sum = 0;
        for (double[] row : z) {
            for (double v : row) {
                sum += v * v;
            }
        }
        return sum / z.length;
    }

    private static AutoencoderConfig config(FeatureMatching matching) {
        return new AutoencoderConfig(4, 16, new FitConfig(3, 16, 3e-3, 11), 0.1, matching);
    }

    @Test
    void encodingGivesOneFiniteLatentPerSample() {
        try (TrainedAutoencoder ae = AutoencoderTrainer.train(BARS, config(0), Progress.silent())) {
            double[][] z = ae.encode(BARS);
            assertThat(z).hasNumberOfRows(BARS.size());
            assertThat(z[0]).hasSize(4);
            for (double[] row : z) {
                for (double v : row) {
                    assertThat(v).isFinite();
                }
            }
        }
    }

    @Test
    void aDecoderRebuiltFromExportedWeightsDecodesLikeTheTrainedOne() {
        try (TrainedAutoencoder ae = AutoencoderTrainer.train(BARS, config(0), Progress.silent())) {
            Map<String, float[]> weights = ae.decoderWeights();
            float[] latents = {0.1f, -0.2f, 0.3f, 0.4f, 1f, 0f, -1f, 0.5f};
            try (Decoder a = Decoder.load(ae.spec().decoder(), weights);
                    Decoder b = Decoder.load(ae.spec().decoder(), weights)) {
                float[] x = a.decode(latents, 2);
                assertThat(x).hasSize(2 * 144);
                assertThat(b.decode(latents, 2)).containsExactly(x);
                for (float v : x) {
                    assertThat(v).isBetween(0f, 1f);
                }
            }
        }
    }

    @Test
    void sameSeedGivesTheSameDecoder() {
        Map<String, float[]> first;
        try (TrainedAutoencoder ae = AutoencoderTrainer.train(BARS, config(0), Progress.silent())) {
            first = ae.decoderWeights();
        }
        try (TrainedAutoencoder ae = AutoencoderTrainer.train(BARS, config(0), Progress.silent())) {
            ae.decoderWeights().forEach((name, w) -> assertThat(w).as(name).containsExactly(first.get(name)));
        }
    }
}
