package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lgc.artifact.container.Codec;
import io.lgc.artifact.container.WriteReport;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer stores mixtures in fp16 only where rounding provably moves them by less than 1e-4 nats. */
class Fp16MixtureChoiceTest {
    @TempDir
    Path dir;

    private static MixtureTensors.Stored oneD(double weight, double mean, double std) {
        return new MixtureTensors.Stored(new double[] {weight}, new double[] {mean}, new double[] {std});
    }

    @Test
    void divergenceOfAShiftedMeanIsHalfTheSquaredShiftInStandardDeviations() {
        double kl = MixtureDivergence.upperBound(CovarianceType.DIAG, 1, oneD(1, 0, 2), oneD(1, 0.5, 2));
        assertThat(kl).isCloseTo(0.5 * 0.25 * 0.25, within(1e-15));
    }

    @Test
    void divergenceOfAScaledVarianceHasTheClosedForm() {
        double sigma = 1.5;
        double kl = MixtureDivergence.upperBound(CovarianceType.SPHERICAL, 3, spherical(1), spherical(sigma));
        assertThat(kl).isCloseTo(0.5 * 3 * (1 / (sigma * sigma) - 1 + Math.log(sigma * sigma)), within(1e-12));
    }

    private static MixtureTensors.Stored spherical(double std) {
        return new MixtureTensors.Stored(new double[] {1}, new double[3], new double[] {std});
    }

    @Test
    void divergenceOfFullCovariancesMatchesTheMatrixFormula() {
        // Σ0 = I, Σ1 = L1·L1ᵀ = [[4, 2], [2, 2]] with L1 = [[2, 0], [1, 1]]: Σ1⁻¹ = [[0.5, -0.5], [-0.5, 1]],
        // tr(Σ1⁻¹) = 1.5, det Σ1 = 4: KL = ½ (1.5 - 2 + ln 4)
        MixtureTensors.Stored identity = new MixtureTensors.Stored(new double[] {1}, new double[2],
                new double[] {1, 0, 1});
        MixtureTensors.Stored other = new MixtureTensors.Stored(new double[] {1}, new double[2],
                new double[] {2, 1, 1});
        assertThat(MixtureDivergence.upperBound(CovarianceType.FULL, 2, identity, other))
                .isCloseTo(0.5 * (1.5 - 2 + Math.log(4)), within(1e-12));
    }

    @Test
    void divergenceAddsTheWeightsOwnAndIsZeroForIdenticalMixtures() {
        MixtureTensors.Stored a = new MixtureTensors.Stored(new double[] {0.25, 0.75}, new double[] {0, 1},
                new double[] {1, 1});
        MixtureTensors.Stored b = new MixtureTensors.Stored(new double[] {0.5, 0.5}, new double[] {0, 1},
                new double[] {1, 1});
        assertThat(MixtureDivergence.upperBound(CovarianceType.DIAG, 1, a, a)).isZero();
        assertThat(MixtureDivergence.upperBound(CovarianceType.DIAG, 1, a, b))
                .isCloseTo(0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), within(1e-15));
    }

    @Test
    void aDegenerateStoredMixtureIsInfinitelyFar() {
        assertThat(MixtureDivergence.upperBound(CovarianceType.DIAG, 1, oneD(1, 0, 1), oneD(1, 0, 0)))
                .isInfinite();
        assertThat(MixtureDivergence.upperBound(CovarianceType.DIAG, 1, oneD(1, 0, 1),
                oneD(1, Double.POSITIVE_INFINITY, 1))).isInfinite();
        assertThat(MixtureDivergence.upperBound(CovarianceType.DIAG, 1, oneD(1, 0, 1), oneD(1, Double.NaN, 1)))
                .isInfinite();
    }

    private StoragePrecision writtenPrecision(List<GaussianMixture> mixtures, Precision precision) {
        CompressedDataset base = TinyArtifacts.tiny();
        CompressedDataset data = new CompressedDataset(TinyArtifacts.metadata(base.metadata().decoder(),
                TinyArtifacts.IMAGE, TinyArtifacts.CLASSES, mixtures.get(0).covarianceType()), mixtures,
                base.decoderWeights());
        Path file = dir.resolve("m.lgc");
        ArtifactFile.write(file, data, precision);
        return ArtifactFile.readVerified(file).precision(); // and it reads back, whatever was chosen
    }

    @Test
    void wellConditionedMixturesGoFp16UnderFp16AndInt8Only() {
        List<GaussianMixture> m = TinyArtifacts.randomMixtures(3, 2, 4, CovarianceType.FULL, 1);
        assertThat(writtenPrecision(m, Precision.FP32).mixtures()).isEqualTo(Precision.FP32);
        assertThat(writtenPrecision(m, Precision.FP16).mixtures()).isEqualTo(Precision.FP16);
        assertThat(writtenPrecision(m, Precision.INT8).mixtures()).isEqualTo(Precision.FP16);
    }

    @Test
    void aNarrowComponentFarFromTheOriginStaysFp32() {
        // fp16 stores 1000.1 as 1000: ten standard deviations of 0.01 away
        List<GaussianMixture> m = withOne(GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {1},
                new double[][] {{1000.1, 0, 0, 0}}, new double[] {1e-4, 1, 1, 1}));
        assertThat(writtenPrecision(m, Precision.INT8)).isEqualTo(new StoragePrecision(Precision.INT8,
                Precision.FP32));
    }

    @Test
    void factorsThatUnderflowFp16StayFp32() {
        // a standard deviation of 1e-9 is zero in fp16, which no reader could accept
        List<GaussianMixture> m = withOne(GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {1},
                new double[][] {{0, 0, 0, 0}}, new double[] {1e-18, 1, 1, 1}));
        assertThat(writtenPrecision(m, Precision.FP16).mixtures()).isEqualTo(Precision.FP32);
    }

    @Test
    void meansBeyondFp16sRangeStayFp32() {
        List<GaussianMixture> m = withOne(GaussianMixture.fromParameters(CovarianceType.SPHERICAL, new double[] {1},
                new double[][] {{1e5, 0, 0, 0}}, new double[] {1}));
        assertThat(writtenPrecision(m, Precision.FP16).mixtures()).isEqualTo(Precision.FP32);
    }

    /** A caller that gives the precisions explicitly gets them, and the file reads back as it says. */
    @Test
    void mixturesGivenFp16AreStoredSoEvenWhereTheWritersOwnChoiceKeepsFp32() {
        List<GaussianMixture> m = withOne(GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {1},
                new double[][] {{1000.1, 0, 0, 0}}, new double[] {1e-4, 1, 1, 1}));
        CompressedDataset data = dataset(m);
        StoragePrecision forced = new StoragePrecision(Precision.INT8, Precision.FP16);
        assertThat(ArtifactFile.storage(data, Precision.INT8).mixtures()).isEqualTo(Precision.FP32);
        Path file = dir.resolve("forced.lgc");
        WriteReport report = ArtifactFile.write(file, data, forced);
        VerifiedArtifact back = ArtifactFile.readVerified(file);
        assertThat(back.precision()).isEqualTo(forced);
        assertThat(back.dataset().mixtures().get(2).means()[0][0]).isEqualTo(1000.0);
        assertThat(report.totalBytes()).isEqualTo(ArtifactFile.storedBytes(data, forced, Codec.AUTO))
                .isLessThan(ArtifactFile.storedBytes(data, Precision.INT8, Codec.AUTO))
                .isLessThanOrEqualTo(ArtifactFile.maxStoredBytes(data, forced));
        assertThat(ArtifactFile.maxStoredBytes(data, forced)).isLessThan(ArtifactFile.maxStoredBytes(data,
                Precision.INT8));
    }

    @Test
    void theDivergenceOfFp16IsZeroForWhatFp16HoldsExactlyAndInfiniteBeyondIt() {
        // fp16 stores 1000.1 as 1000: a shift of 10 standard deviations of 0.01 costs ½·10² nats
        CompressedDataset narrow = dataset(withOne(GaussianMixture.fromParameters(CovarianceType.DIAG,
                new double[] {1}, new double[][] {{1000.1, 0, 0, 0}}, new double[] {1e-4, 1, 1, 1})));
        assertThat(ArtifactFile.fp16MixtureDivergence(narrow)).isCloseTo(50, within(0.5));
        Path file = dir.resolve("fp16.lgc");
        ArtifactFile.write(file, dataset(TinyArtifacts.randomMixtures(3, 2, 4, CovarianceType.FULL, 1)),
                Precision.FP16);
        assertThat(ArtifactFile.fp16MixtureDivergence(ArtifactFile.read(file))).isZero();
        CompressedDataset beyond = dataset(withOne(GaussianMixture.fromParameters(CovarianceType.SPHERICAL,
                new double[] {1}, new double[][] {{1e5, 0, 0, 0}}, new double[] {1})));
        assertThat(ArtifactFile.fp16MixtureDivergence(beyond)).isInfinite();
    }

    @Test
    void mixturesFp16CannotHoldAreRefusedRatherThanWritten() {
        CompressedDataset data = dataset(withOne(GaussianMixture.fromParameters(CovarianceType.SPHERICAL,
                new double[] {1}, new double[][] {{1e5, 0, 0, 0}}, new double[] {1})));
        Path file = dir.resolve("beyond.lgc");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArtifactFile.write(file, data,
                new StoragePrecision(Precision.INT8, Precision.FP16))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("would not read back");
        assertThat(file).doesNotExist();
    }

    private static CompressedDataset dataset(List<GaussianMixture> mixtures) {
        CompressedDataset base = TinyArtifacts.tiny();
        return new CompressedDataset(TinyArtifacts.metadata(base.metadata().decoder(), TinyArtifacts.IMAGE,
                TinyArtifacts.CLASSES, mixtures.get(0).covarianceType()), mixtures, base.decoderWeights());
    }

    /** Three classes where the last is {@code special} and the others are ordinary. */
    private static List<GaussianMixture> withOne(GaussianMixture special) {
        List<GaussianMixture> ordinary = TinyArtifacts.randomMixtures(2, 1, 4, special.covarianceType(), 3);
        return List.of(ordinary.get(0), ordinary.get(1), special);
    }
}
