package io.lgc.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import org.junit.jupiter.api.Test;

/** Every covariance type's sklearn layout turns into the right d×d matrix per component. */
class ComponentCovarianceTest {
    private static final double[] WEIGHTS = {0.5, 0.5};
    private static final double[][] MEANS = {{0, 0}, {1, 1}};

    @Test
    void full() {
        GaussianMixture m = GaussianMixture.fromParameters(CovarianceType.FULL, WEIGHTS, MEANS,
                new double[] {2, 0.5, 0.5, 1, 3, -1, -1, 4});
        assertThat(ComponentCovariance.of(m, 1)).isDeepEqualTo(new double[][] {{3, -1}, {-1, 4}});
    }

    @Test
    void tiedSharesOneMatrix() {
        GaussianMixture m = GaussianMixture.fromParameters(CovarianceType.TIED, WEIGHTS, MEANS,
                new double[] {2, 0.5, 0.5, 1});
        assertThat(ComponentCovariance.of(m, 0)).isDeepEqualTo(ComponentCovariance.of(m, 1))
                .isDeepEqualTo(new double[][] {{2, 0.5}, {0.5, 1}});
    }

    @Test
    void diagonalAndSpherical() {
        GaussianMixture diag = GaussianMixture.fromParameters(CovarianceType.DIAG, WEIGHTS, MEANS,
                new double[] {1, 2, 3, 4});
        assertThat(ComponentCovariance.of(diag, 1)).isDeepEqualTo(new double[][] {{3, 0}, {0, 4}});
        GaussianMixture spherical = GaussianMixture.fromParameters(CovarianceType.SPHERICAL, WEIGHTS, MEANS,
                new double[] {1, 5});
        assertThat(ComponentCovariance.of(spherical, 1)).isDeepEqualTo(new double[][] {{5, 0}, {0, 5}});
    }
}
