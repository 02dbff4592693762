package io.lgc.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.eval.SyntheticImages;
import io.lgc.model.PcaCodec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DpCompressorTest {
    private static final Dataset BANDS = SyntheticImages.bands(200, 3, 8, 1);

    @Test
    void withAnEnormousBudgetItIsThePlainPcaFileUpToNoise() {
        // norms of these 8x8 images stay below the clip, so only the noise separates the two
        CompressedDataset dp = DpCompressor.compress(BANDS, DpConfig.of(1e9, 1e-6, 4), 3);
        PcaCodec plain = PcaCodec.fit(BANDS, 4, 3);
        double[][] plainLatents = plain.encode(BANDS);
        for (int c = 0; c < 3; c++) {
            double[] expected = classMean(plainLatents, c);
            double[] got = dp.mixtures().get(c).means()[0];
            for (int a = 0; a < 4; a++) {
                // an axis may come out with the opposite sign
                assertThat(Math.abs(got[a])).isCloseTo(Math.abs(expected[a]), within(1e-3));
            }
        }
        assertThat(dp.metadata().classCounts()).containsExactly(200, 200, 200);
    }

    @Test
    void theNoiseIsFreshEachTimeWhateverTheSeed() {
        // the same (non-secret) seed twice: a noise that the seed drew could be replayed and removed
        CompressedDataset a = DpCompressor.compress(BANDS, DpConfig.of(0.5, 1e-6, 4), 1);
        CompressedDataset again = DpCompressor.compress(BANDS, DpConfig.of(0.5, 1e-6, 4), 1);
        assertThat(again.mixtures().get(0).means()[0]).isNotEqualTo(a.mixtures().get(0).means()[0]);
        assertThat(again.mixtures().get(0).covariancesFlat()).isNotEqualTo(a.mixtures().get(0).covariancesFlat());
    }

    @Test
    void anExplicitNoiseSeedReplaysTheNoise() {
        DpConfig config = DpConfig.of(0.5, 1e-6, 4);
        CompressedDataset a = DpCompressor.compress(BANDS, config, 1, DpNoise.replayable(7));
        CompressedDataset again = DpCompressor.compress(BANDS, config, 1, DpNoise.replayable(7));
        CompressedDataset other = DpCompressor.compress(BANDS, config, 1, DpNoise.replayable(8));
        assertThat(again.mixtures().get(0).means()[0]).containsExactly(a.mixtures().get(0).means()[0]);
        assertThat(again.metadata().classCounts()).containsExactly(a.metadata().classCounts());
        assertThat(other.mixtures().get(0).means()[0]).isNotEqualTo(a.mixtures().get(0).means()[0]);
    }

    @Test
    void theHeaderRecordsNoSeedOfAnyKind() {
        DpConfig config = DpConfig.of(2, 1e-6, 4).withComponents(2);
        for (CompressedDataset dp : new CompressedDataset[] {DpCompressor.compress(BANDS, config, 12345),
                DpCompressor.compress(BANDS, config, 12345, DpNoise.replayable(67890))}) {
            String header = dp.metadata().provenance().toString().toLowerCase(java.util.Locale.ROOT);
            assertThat(header).doesNotContain("seed").doesNotContain("12345").doesNotContain("67890");
        }
    }

    @Test
    void theHeaderSaysWhetherTheNoiseCanBeReplayed() {
        DpConfig config = DpConfig.of(2, 1e-6, 4);
        var secure = DpCompressor.compress(BANDS, config, 1).metadata().provenance()
                .getAsJsonObject("differential_privacy");
        var replayable = DpCompressor.compress(BANDS, config, 1, DpNoise.replayable(3)).metadata().provenance()
                .getAsJsonObject("differential_privacy");
        assertThat(secure.get("noise").getAsString()).isEqualTo(DpNoise.secure().description());
        assertThat(replayable.get("noise").getAsString()).contains("can remove the noise");
    }

    @Test
    void lessBudgetMeansMoreNoise() {
        double[] tight = spreadOfClassMeans(0.3);
        double[] loose = spreadOfClassMeans(30);
        assertThat(tight[0]).isGreaterThan(5 * loose[0]);
    }

    @Test
    void aClassWithoutRecordsStillGetsAGaussianMadeOfNoise() {
        Dataset twoOfThree = new Dataset(BANDS.pixels(), Arrays.stream(BANDS.labels()).map(l -> l == 2 ? 1 : l).toArray(),
                BANDS.classNames(), BANDS.shape());
        // a fixed noise: the count's noise (sigma about 31 here) must not happen to land above 20
        CompressedDataset dp = DpCompressor.compress(twoOfThree, DpConfig.of(1, 1e-6, 4), 1, DpNoise.replayable(1));
        assertThat(dp.mixtures()).hasSize(3);
        assertThat(dp.metadata().classCounts()[2]).isLessThan(20); // noise around 0, at least 1
    }

    @Test
    void clippingScalesARecordDownToTheNormAndKeepsItsDirection() {
        double[] v = {3, 4};
        DpCompressor.clipInPlace(v, 1);
        assertThat(v[0]).isCloseTo(0.6, within(1e-12));
        assertThat(v[1]).isCloseTo(0.8, within(1e-12));
        double[] small = {0.3, 0.4};
        DpCompressor.clipInPlace(small, 1);
        assertThat(small).containsExactly(0.3, 0.4);
    }

    @Test
    void theFileSaysHowPrivateItIsAndNothingAboutWhereItCameFrom() {
        CompressedDataset dp = DpCompressor.compress(BANDS, DpConfig.of(2, 1e-6, 4), 1);
        var provenance = dp.metadata().provenance();
        assertThat(provenance.has("source")).isFalse();
        var guarantee = provenance.getAsJsonObject("differential_privacy");
        assertThat(guarantee.get("epsilon").getAsDouble()).isEqualTo(2.0);
        assertThat(guarantee.get("delta").getAsDouble()).isEqualTo(1e-6);
        assertThat(Zcdp.epsilonOf(guarantee.get("rho").getAsDouble(), 1e-6)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void theHeaderListsEveryStepWithItsShareOfTheBudget() {
        CompressedDataset dp = DpCompressor.compress(BANDS, DpConfig.of(2, 1e-6, 4), 1);
        var steps = dp.metadata().provenance().getAsJsonObject("differential_privacy").getAsJsonArray("steps");
        double[] shares = new double[steps.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = steps.get(i).getAsJsonObject().get("share").getAsDouble();
        }
        // record count, image sum, image outer products; class counts, sums, outer products
        assertThat(shares).containsExactly(new double[] {0.02, 0.05, 0.45, 0.03, 0.15, 0.30}, within(1e-12));
        var moments = steps.get(2).getAsJsonObject();
        assertThat(moments.get("statistic").getAsString()).isEqualTo("sum of image outer products");
        assertThat(moments.get("sensitivity").getAsDouble()).isEqualTo(144.0); // pixel clip 12, squared
        double rho = Zcdp.rhoFor(2, 1e-6);
        assertThat(moments.get("sigma").getAsDouble()).isCloseTo(144 / Math.sqrt(2 * 0.45 * rho), within(1e-9));
    }

    @Test
    void moreComponentsRunPrivateEmWithinTheSameBudget() {
        CompressedDataset dp = DpCompressor.compress(BANDS, DpConfig.of(2, 1e-6, 4).withComponents(3), 1);
        assertThat(dp.mixtures()).allSatisfy(m -> assertThat(m.components()).isEqualTo(3));
        var guarantee = dp.metadata().provenance().getAsJsonObject("differential_privacy");
        double spent = 0;
        for (var step : guarantee.getAsJsonArray("steps")) {
            spent += step.getAsJsonObject().get("rho").getAsDouble();
        }
        assertThat(Zcdp.epsilonOf(spent, 1e-6)).isCloseTo(2, within(1e-9));
        assertThat(guarantee.get("em_iterations").getAsInt()).isEqualTo(DpConfig.DEFAULT_ITERATIONS);
    }

    @Test
    void noisyCovariancesStayPositiveDefinite() {
        double[] flat = DpCompressor.nearestPositiveDefinite(new double[][] {{1, 2}, {2, 1}}); // eigenvalues 3, -1
        // eigen floor: 3 stays, -1 becomes the floor; trace = 3 + floor
        assertThat(flat[0] + flat[3]).isCloseTo(3 + DpCompressor.VARIANCE_FLOOR, within(1e-9));
        assertThat(flat[0] * flat[3] - flat[1] * flat[2]).isGreaterThan(0);
    }

    /** Standard deviation, over seeds, of class 0's first latent mean coordinate (in absolute value). */
    private static double[] spreadOfClassMeans(double epsilon) {
        double[] values = new double[8];
        for (int seed = 0; seed < values.length; seed++) {
            values[seed] = Math.abs(DpCompressor.compress(BANDS, DpConfig.of(epsilon, 1e-6, 2), 1, DpNoise.replayable(seed))
                    .mixtures().get(0).means()[0][0]);
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length;
        return new double[] {Math.sqrt(var)};
    }

    private static double[] classMean(double[][] latents, int c) {
        double[] sum = new double[latents[0].length];
        int n = 0;
        for (int i = 0; i < latents.length; i++) {
            if (BANDS.labels()[i] == c) {
                for (int a = 0; a < sum.length; a++) {
                    sum[a] += latents[i][a];
                }
                n++;
            }
        }
        for (int a = 0; a < sum.length; a++) {
            sum[a] /= n;
        }
        return sum;
    }
}
