package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full covariances stored as rank R plus a diagonal: the loading vectors are the top eigenvectors scaled by
 * the roots of their eigenvalues, the diagonal keeps every variance. Reference numbers from numpy 1.24
 * ({@code np.linalg.eigh}, each vector's largest entry made positive) for
 * Σ = [[4, 2, 0.5], [2, 3, 1], [0.5, 1, 2]].
 */
class LowRankFactorsTest {
    private static final double[] SIGMA = {4, 2, 0.5, 2, 3, 1, 0.5, 1, 2};

    @Test
    void rankOneKeepsTheTopEigenDirectionAndEveryVariance() {
        double[] packed = LowRankFactors.pack(SIGMA, 3, 1);
        assertThat(packed).hasSize(LowRankFactors.packedSize(3, 1)).hasSize(6);
        assertThat(packed).containsExactly(new double[] {1.79619279, 1.48888579, 0.62302889,
                0.87959732, 0.88499668, 1.26958064}, within(1e-8));
        double[] back = LowRankFactors.unpack(packed, 3, 1);
        assertThat(back).containsExactly(new double[] {4, 2.67432592, 1.11908, 2.67432592, 3, 0.92761885,
                1.11908, 0.92761885, 2}, within(1e-8));
    }

    @Test
    void rankTwoAddsTheSecondDirection() {
        double[] packed = LowRankFactors.pack(SIGMA, 3, 2);
        assertThat(packed).containsExactly(new double[] {1.79619279, 1.48888579, 0.62302889,
                -0.77643574, 0.4689492, 1.11779164, 0.41332674, 0.75053699, 0.60197746}, within(1e-8));
        assertThat(LowRankFactors.unpack(packed, 3, 2)).containsExactly(new double[] {4, 2.310217, 0.25118662,
                2.310217, 3, 1.45180635, 0.25118662, 1.45180635, 2}, within(1e-8));
    }

    @Test
    void everyVarianceIsKeptAndTheResultIsPositiveDefinite() {
        java.util.Random random = new java.util.Random(5);
        int d = 6;
        double[][] a = new double[d][d];
        for (double[] row : a) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[] sigma = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    sigma[i * d + j] += a[i][k] * a[j][k];
                }
            }
        }
        for (int rank = 1; rank < d; rank++) {
            double[] back = LowRankFactors.unpack(LowRankFactors.pack(sigma, d, rank), d, rank);
            for (int i = 0; i < d; i++) {
                assertThat(back[i * d + i]).as("rank %d variance %d", rank, i).isCloseTo(sigma[i * d + i],
                        within(1e-9 * sigma[i * d + i]));
            }
            // Cholesky packing refuses a matrix that is not positive definite
            assertThat(CovarianceFactors.pack(CovarianceType.FULL, d, back)).hasSize(d * (d + 1) / 2);
        }
    }

    @Test
    void blocksArePackedOneAfterAnother() {
        double[] two = new double[18];
        System.arraycopy(SIGMA, 0, two, 0, 9);
        double[] scaled = {1, 0, 0, 0, 4, 0, 0, 0, 9};
        System.arraycopy(scaled, 0, two, 9, 9);
        double[] packed = LowRankFactors.pack(two, 3, 1);
        assertThat(packed).hasSize(12);
        // a diagonal matrix: the loading vector is the largest axis, the other two keep their deviations
        assertThat(java.util.Arrays.copyOfRange(packed, 6, 12)).containsExactly(new double[] {0, 0, 3, 1, 2,
                Math.sqrt(LowRankFactors.MIN_RELATIVE_VARIANCE * 9)}, within(1e-12));
        assertThat(java.util.Arrays.copyOfRange(LowRankFactors.unpack(packed, 3, 1), 9, 18))
                .containsExactly(new double[] {1, 0, 0, 0, 4, 0, 0, 0, 9 + LowRankFactors.MIN_RELATIVE_VARIANCE * 9},
                        within(1e-12));
    }

    @Test
    void theBoundOnHowFarTheRankMovesAClassIsTheGaussiansKl() {
        // one component a class: the chain-rule bound is the Gaussian KL(N(0, Σ) ‖ N(0, WWᵀ + diag(ψ))) itself,
        // numpy's 0.19448336 at rank 1 and 0.28636066 at rank 2 for this 4 x 4 Σ (every class holds it)
        double[] sigma = {4, 2, 0.5, 0, 2, 3, 1, 0.2, 0.5, 1, 2, 0.3, 0, 0.2, 0.3, 1};
        GaussianMixture one = GaussianMixture.fromParameters(CovarianceType.FULL, new double[] {1},
                new double[][] {{0, 0, 0, 0}}, sigma);
        CompressedDataset tiny = TinyArtifacts.tiny(CovarianceType.FULL, 3);
        List<GaussianMixture> mixtures = List.of(one, one, one);
        CompressedDataset whole = new CompressedDataset(tiny.metadata(), mixtures, tiny.decoderWeights());
        assertThat(ArtifactFile.covarianceRankDivergence(whole)).isZero();
        for (int rank = 1; rank <= 2; rank++) {
            CompressedDataset ranked = new CompressedDataset(tiny.metadata().withCovarianceRank(rank), mixtures,
                    tiny.decoderWeights());
            double moved = ArtifactFile.covarianceRankDivergence(ranked);
            // within fp32's rounding of the stored factors
            assertThat(moved).isCloseTo(rank == 1 ? 0.19448335611159678 : 0.28636065746491945, within(1e-7));
            // and rounding alone is measured from the rank's covariances: fp32 moves nothing
            assertThat(ArtifactFile.mixtureDivergence(ranked, Precision.FP32)).isLessThan(1e-6);
        }
    }
}
