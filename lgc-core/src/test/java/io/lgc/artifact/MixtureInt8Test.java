package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.container.HalfFloat;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mixtures stored at int8: every factor value within half a step of its own row's grid, a Cholesky
 * diagonal that stays positive, the means in fp16, about a quarter of fp32's bytes, and what that moves a
 * class by.
 */
class MixtureInt8Test {
    @TempDir
    Path dir;

    @Test
    void everyValueIsWithinHalfAStepOfItsRowsGridAndRowsKeepTheirOwnScale() {
        for (CovarianceType type : CovarianceType.values()) {
            int k = 3;
            int d = 6;
            double[] packed = factors(type, k, d, 5);
            MixtureInt8.Rows rows = MixtureInt8.factorRows(type, k, d);
            MixtureInt8.Quantized q = MixtureInt8.quantizeFactors(packed, type, k, d);
            double[] back = MixtureInt8.dequantize(q.values(), q.scales(), rows);
            assertThat(q.scaleShape()).containsExactly(CovarianceFactors.blocks(type, k),
                    type == CovarianceType.FULL || type == CovarianceType.TIED ? d : 1);
            for (int r = 0; r < rows.count(); r++) {
                double max = 0;
                for (int i = rows.starts()[r]; i < rows.end(r); i++) {
                    max = Math.max(max, Math.abs(packed[i]));
                }
                for (int i = rows.starts()[r]; i < rows.end(r); i++) {
                    // half a step of this row's own grid (max / 127), plus float rounding
                    assertThat(Math.abs(back[i] - packed[i])).as("%s row %d value %d", type, r, i)
                            .isLessThanOrEqualTo(max / 127 / 2 * (1 + 1e-6) + 1e-7 * max);
                }
            }
        }
    }

    @Test
    void aRowOfSmallValuesIsNotRoundedAwayByALargeOne() {
        // two coordinates whose spreads differ 1000-fold: per-row scales keep the narrow one's three digits
        double[] packed = {1000, 0.5, 1.0}; // L = [[1000, 0], [0.5, 1]]
        MixtureInt8.Quantized q = MixtureInt8.quantizeFactors(packed, CovarianceType.FULL, 1, 2);
        double[] back = MixtureInt8.dequantize(q.values(), q.scales(), MixtureInt8.factorRows(CovarianceType.FULL, 1, 2));
        assertThat(back[1]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.005));
        assertThat(back[2]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.005));
    }

    @Test
    void aDiagonalThatWouldRoundToZeroIsStoredAsOneStep() {
        // row 1 of L = [[1, 0], [100, 0.1]]: 0.1 is below half of the row's step (100/127)
        double[] packed = {1, 100, 0.1};
        MixtureInt8.Quantized q = MixtureInt8.quantizeFactors(packed, CovarianceType.FULL, 1, 2);
        double[] back = MixtureInt8.dequantize(q.values(), q.scales(), MixtureInt8.factorRows(CovarianceType.FULL, 1, 2));
        assertThat(q.values()[2]).isEqualTo((byte) 1);
        assertThat(back[2]).isPositive().isEqualTo((double) q.scales()[1]);
        // a diag factor's every value is a standard deviation
        MixtureInt8.Quantized diag = MixtureInt8.quantizeFactors(new double[] {50, 0.01, 1}, CovarianceType.DIAG, 1, 3);
        assertThat(diag.values()).containsExactly(127, 1, 3);
    }

    @Test
    void int8StoresAFactorValueInOneByteWithAnFp16ScaleARowAndTheMeansInFp16() {
        int d = TinyArtifacts.LATENT;
        int k = 4;
        CompressedDataset data = withMixtures(k);
        long means = 3L * k * d;
        long factors = 3L * k * d * (d + 1) / 2; // packed lower triangles of 3 classes
        long scales = 3L * k * d; // one per factor row
        long weights = 3L * k * Float.BYTES; // fp32 whatever the precision
        assertThat(tensorBytes(data, Precision.FP32)).isEqualTo(4 * (means + factors) + weights);
        assertThat(tensorBytes(data, Precision.FP16)).isEqualTo(2 * (means + factors) + weights);
        assertThat(tensorBytes(data, Precision.INT8)).isEqualTo(2 * means + factors + 2 * scales + weights);
        double moved16 = ArtifactFile.mixtureDivergence(data, Precision.FP16);
        double moved8 = ArtifactFile.mixtureDivergence(data, Precision.INT8);
        assertThat(moved8).isGreaterThan(moved16).isLessThan(0.01);
        assertThat(ArtifactFile.mixtureDivergence(data, Precision.FP32)).isLessThan(moved16); // float rounding only
    }

    private static long tensorBytes(CompressedDataset data, Precision precision) {
        return MixtureTensors.encode(data.mixtures(), TinyArtifacts.LATENT, precision).tensors().stream()
                .mapToLong(t -> t.data().length).sum();
    }

    @Test
    void aFileWithInt8MixturesReadsBackWhatTheGridHolds() {
        CompressedDataset data = withMixtures(2);
        Path file = dir.resolve("int8.lgc");
        ArtifactFile.write(file, data, new StoragePrecision(Precision.INT8, Precision.INT8));
        VerifiedArtifact read = ArtifactFile.readVerified(file);
        assertThat(read.precision()).isEqualTo(new StoragePrecision(Precision.INT8, Precision.INT8));
        int d = TinyArtifacts.LATENT;
        for (int c = 0; c < 3; c++) {
            GaussianMixture original = data.mixtures().get(c);
            GaussianMixture stored = read.dataset().mixtures().get(c);
            double[] means = MixtureTensors.flatten(original.means());
            double[] stored16 = MixtureTensors.flatten(stored.means());
            for (int i = 0; i < means.length; i++) {
                assertThat(stored16[i]).isEqualTo(HalfFloat.toFloat(HalfFloat.fromFloat((float) means[i])));
            }
            double[] packed = CovarianceFactors.pack(CovarianceType.FULL, d, original.covariancesFlat());
            MixtureInt8.Quantized q = MixtureInt8.quantizeFactors(packed, CovarianceType.FULL, 2, d);
            double[] grid = MixtureInt8.dequantize(q.values(), q.scales(),
                    MixtureInt8.factorRows(CovarianceType.FULL, 2, d));
            assertThat(CovarianceFactors.pack(CovarianceType.FULL, d, stored.covariancesFlat()))
                    .containsExactly(grid, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(grid).isNotEqualTo(packed);
            assertThat(stored.weights()).containsExactly(original.weights(),
                    org.assertj.core.api.Assertions.within(1e-7));
        }
    }

    /** The tiny artifact's decoder with random full-covariance mixtures of k components. */
    private static CompressedDataset withMixtures(int k) {
        int d = TinyArtifacts.LATENT;
        SplittableRandom random = new SplittableRandom(3);
        List<GaussianMixture> mixtures = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            double[] weights = new double[k];
            double[][] means = new double[k][d];
            double[] covariances = new double[k * d * d];
            for (int j = 0; j < k; j++) {
                weights[j] = 1.0 / k;
                double[] l = new double[d * d];
                for (int a = 0; a < d; a++) {
                    means[j][a] = random.nextDouble(-3, 3);
                    for (int b = 0; b < a; b++) {
                        l[a * d + b] = random.nextDouble(-0.5, 0.5);
                    }
                    l[a * d + a] = random.nextDouble(0.5, 2);
                }
                for (int a = 0; a < d; a++) { // covariance = L Lᵀ
                    for (int b = 0; b < d; b++) {
                        double sum = 0;
                        for (int m = 0; m < d; m++) {
                            sum += l[a * d + m] * l[b * d + m];
                        }
                        covariances[j * d * d + a * d + b] = sum;
                    }
                }
            }
            mixtures.add(GaussianMixture.fromParameters(CovarianceType.FULL, weights, means, covariances));
        }
        CompressedDataset base = TinyArtifacts.tiny();
        return new CompressedDataset(TinyArtifacts.metadata(base.metadata().decoder(), TinyArtifacts.IMAGE,
                TinyArtifacts.CLASSES, CovarianceType.FULL), mixtures, base.decoderWeights());
    }

    private static double[] factors(CovarianceType type, int k, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int blocks = CovarianceFactors.blocks(type, k);
        int per = CovarianceFactors.packedSize(type, d);
        double[] out = new double[blocks * per];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextDouble(0.01, 3) * (random.nextBoolean() ? 1 : -1);
        }
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < (per == 1 ? 1 : Math.min(d, per)); i++) {
                int at = b * per + (type == CovarianceType.FULL || type == CovarianceType.TIED
                        ? CovarianceFactors.diagonalIndex(type, i) : i);
                out[at] = Math.abs(out[at]);
            }
        }
        return out;
    }
}
