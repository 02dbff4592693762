package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.gmm.CovarianceType;
import org.junit.jupiter.api.Test;

/** What {@code --spread} and {@code --covariance-rank} accept, in the words both compress commands print. */
class StorageOptionChecksTest {

    @Test
    void aSpreadAboveZeroUpToTheLargestAFileMayRecommendPasses() {
        assertThatCode(() -> StorageOptionChecks.requireDrawSpread(1e-9)).doesNotThrowAnyException();
        assertThatCode(() -> StorageOptionChecks.requireDrawSpread(1.4)).doesNotThrowAnyException();
        assertThatCode(() -> StorageOptionChecks.requireDrawSpread(ArtifactMetadata.MAX_DRAW_SPREAD))
                .doesNotThrowAnyException();
    }

    @Test
    void anyOtherSpreadIsRefusedNamingTheOptionAndTheValue() {
        double[] bad = {0, -1, 100.5, Double.NaN, Double.POSITIVE_INFINITY};
        String[] shown = {"0", "-1", "100.5", "NaN", "Infinity"};
        for (int i = 0; i < bad.length; i++) {
            double spread = bad[i];
            assertThatThrownBy(() -> StorageOptionChecks.requireDrawSpread(spread)).isInstanceOf(InputException.class)
                    .hasMessage("--spread must be above 0 and at most 100, got " + shown[i]);
        }
    }

    @Test
    void aRankOfFullCovariancesBelowTheLatentDimensionPassesAndZeroAlways() {
        assertThatCode(() -> StorageOptionChecks.requireCovarianceRank(15, CovarianceType.FULL, 16))
                .doesNotThrowAnyException();
        assertThatCode(() -> StorageOptionChecks.requireCovarianceRank(0, CovarianceType.DIAG, 1))
                .doesNotThrowAnyException();
    }

    @Test
    void aNegativeRankARankOfOtherCovariancesOrOneAsWideAsTheLatentIsRefused() {
        assertThatThrownBy(() -> StorageOptionChecks.requireCovarianceRank(-1, CovarianceType.FULL, 16))
                .hasMessage("--covariance-rank must be at least 0, got -1");
        assertThatThrownBy(() -> StorageOptionChecks.requireCovarianceRank(2, CovarianceType.TIED, 16))
                .hasMessage("--covariance-rank stores full covariances; --covariance tied has no rank to cut");
        assertThatThrownBy(() -> StorageOptionChecks.requireCovarianceRank(16, CovarianceType.FULL, 16))
                .isInstanceOf(InputException.class)
                .hasMessage("--covariance-rank must be below the latent dimension (16), got 16");
    }
}
