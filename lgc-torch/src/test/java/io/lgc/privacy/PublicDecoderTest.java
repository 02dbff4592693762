package io.lgc.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.eval.SyntheticImages;
import io.lgc.model.PcaCodec;
import io.lgc.network.NetworkSpec;
import org.junit.jupiter.api.Test;

class PublicDecoderTest {
    private static final Dataset PUBLIC = SyntheticImages.bands(100, 3, 8, 7);
    private static final Dataset PRIVATE = SyntheticImages.bands(200, 3, 8, 1);
    private static final String WEIGHT = NetworkSpec.parameterName(0, "weight");

    /** A PCA file of the public images, made with a budget so large that it is the plain PCA basis. */
    private static CompressedDataset publicFile() {
        return DpCompressor.compress(PUBLIC, DpConfig.of(1e9, 1e-6, 4), 5);
    }

    @Test
    void aLinearDecoderIsInvertedExactly() {
        CompressedDataset file = publicFile();
        var meta = file.metadata();
        float[] w = file.decoderWeights().get(WEIGHT);
        float[] b = file.decoderWeights().get(NetworkSpec.parameterName(0, "bias"));
        int d = b.length;
        double[] mean = new double[d];
        double[][] axes = new double[4][d];
        for (int j = 0; j < d; j++) {
            mean[j] = b[j];
            for (int a = 0; a < 4; a++) {
                axes[a][j] = w[j * 4 + a];
            }
        }
        double[][] expected = new PcaCodec(meta.sampleShape(), mean, axes, new double[4]).encode(PRIVATE);
        try (PublicDecoder decoder = PublicDecoder.of(file, "public.lgc", "ab", 1, Progress.silent())) {
            assertThat(decoder.encoderMethod()).contains("least-squares inverse");
            double[][] got = decoder.encode(PRIVATE);
            for (int s = 0; s < 20; s++) {
                for (int a = 0; a < 4; a++) {
                    assertThat(got[s][a]).isCloseTo(expected[s][a], within(1e-3));
                }
            }
        }
    }

    @Test
    void onlyTheMixturesAndCountsSpendTheBudgetAndTheFileNamesTheDecodersOrigin() {
        CompressedDataset file = publicFile();
        try (PublicDecoder decoder = PublicDecoder.of(file, "public.lgc", "abc123", 1, Progress.silent())) {
            CompressedDataset dp = DpCompressor.compress(PRIVATE, decoder, DpConfig.of(1, 1e-6, 16).withComponents(2),
                    3);
            assertThat(dp.decoderWeights().get(WEIGHT)).containsExactly(file.decoderWeights().get(WEIGHT));
            assertThat(dp.metadata().latentDim()).isEqualTo(4);
            assertThat(dp.mixtures()).allSatisfy(m -> assertThat(m.components()).isEqualTo(2));
            JsonObject guarantee = dp.metadata().provenance().getAsJsonObject("differential_privacy");
            double spent = 0;
            for (var step : guarantee.getAsJsonArray("steps")) {
                String statistic = step.getAsJsonObject().get("statistic").getAsString();
                assertThat(statistic).doesNotContain("image");
                spent += step.getAsJsonObject().get("rho").getAsDouble();
            }
            assertThat(Zcdp.epsilonOf(spent, 1e-6)).isCloseTo(1, within(1e-9));
            JsonObject from = guarantee.getAsJsonObject("decoder_from");
            assertThat(from.get("name").getAsString()).isEqualTo("public.lgc");
            assertThat(from.get("sha256").getAsString()).isEqualTo("abc123");
            assertThat(guarantee.has("pixel_clip")).isFalse();
            assertThat(guarantee.get("latent_clip").getAsDouble()).isEqualTo(decoder.clip());
        }
    }

    @Test
    void withAnEnormousBudgetTheClassMeansAreThoseOfTheExactLatents() {
        CompressedDataset file = publicFile();
        try (PublicDecoder decoder = PublicDecoder.of(file, "public.lgc", "ab", 1, Progress.silent())) {
            CompressedDataset dp = DpCompressor.compress(PRIVATE, decoder.withClip(100), DpConfig.of(1e9, 1e-6, 16), 3);
            double[][] z = decoder.encode(PRIVATE);
            for (int c = 0; c < 3; c++) {
                double[] expected = new double[4];
                int n = 0;
                for (int s = 0; s < z.length; s++) {
                    if (PRIVATE.labels()[s] == c) {
                        PrivateMixtures.add(expected, z[s], 1);
                        n++;
                    }
                }
                for (int a = 0; a < 4; a++) {
                    assertThat(dp.mixtures().get(c).means()[0][a]).isCloseTo(expected[a] / n, within(1e-3));
                }
            }
        }
    }

    @Test
    void aCodecTrainedOnPublicDataGivesPrivateRecordsTheirLatentsByItsOwnEncoder() {
        PcaCodec codec = PcaCodec.fit(PUBLIC, 4, 1);
        double[][] expected = codec.encode(PRIVATE);
        double[][] publicLatents = codec.encode(PUBLIC);
        double[] centre = PublicDecoder.mean(publicLatents);
        float[] weights = codec.decoderWeights().get(WEIGHT);
        try (PublicDecoder decoder = PublicDecoder.trained(codec, PUBLIC, "public-images", "feed01")) {
            assertThat(decoder.encode(PRIVATE)[7]).containsExactly(expected[7]);
            assertThat(decoder.centre()).containsExactly(centre);
            assertThat(decoder.clip()).isEqualTo(PublicDecoder.quantileOfDistances(publicLatents, centre, 0.98));
            CompressedDataset dp = DpCompressor.compress(PRIVATE, decoder, DpConfig.of(1, 1e-6, 16), 3);
            assertThat(dp.decoderWeights().get(WEIGHT)).containsExactly(weights);
            assertThat(dp.metadata().latentDim()).isEqualTo(4);
            JsonObject guarantee = dp.metadata().provenance().getAsJsonObject("differential_privacy");
            assertThat(guarantee.has("decoder_from")).isFalse();
            JsonObject from = guarantee.getAsJsonObject("public_data");
            assertThat(from.get("name").getAsString()).isEqualTo("public-images");
            assertThat(from.get("sha256").getAsString()).isEqualTo("feed01");
            assertThat(from.get("records").getAsInt()).isEqualTo(PUBLIC.size());
            assertThat(from.get("encoder").getAsString()).contains("trained on the public data");
            // another quantile, of the same public distances
            PublicDecoder tighter = decoder.withClipQuantile(0.5);
            assertThat(tighter.clip()).isEqualTo(PublicDecoder.quantileOfDistances(publicLatents, centre, 0.5))
                    .isLessThan(decoder.clip());
            assertThat(tighter.origin().get("latent_clip").getAsString()).contains("0.5 quantile");
        }
    }

    @Test
    void aPartitionAssignsRecordsToPublicComponentsWithinTheSameBudget() {
        PcaCodec codec = PcaCodec.fit(PUBLIC, 4, 1);
        try (PublicDecoder decoder = PublicDecoder.trained(codec, PUBLIC, "public-images", "feed01")) {
            CompressedDataset dp = DpCompressor.compress(PRIVATE, decoder,
                    DpConfig.of(2, 1e-6, 16).withComponents(3).withPartition(true), 3);
            assertThat(dp.mixtures()).allSatisfy(m -> assertThat(m.components()).isEqualTo(3));
            JsonObject guarantee = dp.metadata().provenance().getAsJsonObject("differential_privacy");
            assertThat(guarantee.get("mixtures").getAsString()).contains("public mixture");
            assertThat(guarantee.getAsJsonArray("steps")).hasSize(3);
            double spent = 0;
            for (var step : guarantee.getAsJsonArray("steps")) {
                spent += step.getAsJsonObject().get("rho").getAsDouble();
            }
            assertThat(Zcdp.epsilonOf(spent, 1e-6)).isCloseTo(2, within(1e-9));
        }
        try (PublicDecoder decoder = PublicDecoder.trained(PcaCodec.fit(PUBLIC, 4, 1), PUBLIC, "p", "ab")) {
            CompressedDataset dp = DpCompressor.compress(PRIVATE, decoder,
                    DpConfig.of(2, 1e-6, 16).withComponents(2).withPublicAxes(), 3);
            assertThat(dp.mixtures()).allSatisfy(m -> assertThat(m.components()).isEqualTo(2));
            assertThat(dp.metadata().provenance().getAsJsonObject("differential_privacy").get("mixtures")
                    .getAsString()).contains("principal axes");
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DpCompressor.compress(PRIVATE,
                DpConfig.of(2, 1e-6, 4).withPartition(true), 1))).hasMessageContaining("needs a public decoder");
    }

    @Test
    void theClipIsAQuantileOfDistancesToTheCentre() {
        double[][] rows = new double[100][];
        for (int i = 0; i < 100; i++) {
            rows[i] = new double[] {3 + i, 0};
        }
        assertThat(PublicDecoder.mean(rows)).containsExactly(52.5, 0.0);
        // distances 0.5, 0.5, 1.5, 1.5, ... 49.5, 49.5 sorted: the one at index 90 is 45.5
        assertThat(PublicDecoder.quantileOfDistances(rows, new double[] {52.5, 0}, 0.9)).isEqualTo(45.5);
    }
}
