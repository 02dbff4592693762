package io.lgc.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sampling draws component counts from the weights and points from each component's Gaussian. */
class SamplingTest {
    private static final int N = 60000;

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void sampleMomentsMatchTheComponents(CovarianceType type) {
        GaussianMixture model = EmPropertiesTest.referenceModel(type);
        Sample sample = model.sample(N, new SplittableRandom(3));
        assertThat(sample.x()).hasDimensions(N, 3);
        double[] weights = model.weights();
        double[] cov = model.covariancesFlat();
        for (int c = 0; c < 3; c++) {
            int component = c;
            double[][] points = java.util.stream.IntStream.range(0, N).filter(s -> sample.component()[s] == component)
                    .mapToObj(s -> sample.x()[s]).toArray(double[][]::new);
            // Multinomial count: standard deviation √(N·w·(1−w)) ≈ 120; allow 5 of them.
            assertThat((double) points.length).isCloseTo(N * weights[c], within(5 * Math.sqrt(N * weights[c] * (1 - weights[c]))));
            double[] mean = new double[3];
            for (double[] p : points) {
                for (int i = 0; i < 3; i++) {
                    mean[i] += p[i] / points.length;
                }
            }
            for (int i = 0; i < 3; i++) {
                assertThat(mean[i]).as("mean %d[%d]", c, i).isCloseTo(model.means()[c][i], within(0.05));
                for (int j = 0; j < 3; j++) {
                    double empirical = 0;
                    for (double[] p : points) {
                        empirical += (p[i] - mean[i]) * (p[j] - mean[j]) / points.length;
                    }
                    assertThat(empirical).as("cov %d(%d,%d)", c, i, j).isCloseTo(expectedCovariance(type, cov, c, i, j), within(0.06));
                }
            }
        }
    }

    private static double expectedCovariance(CovarianceType type, double[] cov, int c, int i, int j) {
        return switch (type) {
            case FULL -> cov[c * 9 + i * 3 + j];
            case TIED -> cov[i * 3 + j];
            case DIAG -> i == j ? cov[c * 3 + i] : 0;
            case SPHERICAL -> i == j ? cov[c] : 0;
        };
    }

    @Test
    void samplesAreGroupedByComponentAndReproducible() {
        GaussianMixture model = EmPropertiesTest.referenceModel(CovarianceType.FULL);
        Sample a = model.sample(500, new SplittableRandom(8));
        Sample b = model.sample(500, new SplittableRandom(8));
        assertThat(a.x()).isDeepEqualTo(b.x());
        assertThat(a.component()).isSorted();
        assertThat(model.sample(0, new SplittableRandom(1)).x()).isEmpty();
        assertThatThrownBy(() -> model.sample(-1, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroWeightComponentsAreNeverDrawn() {
        GaussianMixture model = GaussianMixture.fromParameters(CovarianceType.SPHERICAL, new double[] {0.5, 0.5, 0.0},
                new double[][] {{0}, {5}, {10}}, new double[] {1, 1, 1});
        assertThat(model.sample(5000, new SplittableRandom(2)).component()).doesNotContain(2);
    }

    @Test
    void covarianceScaleWidensTheComponents() {
        GaussianMixture model = EmPropertiesTest.referenceModel(CovarianceType.FULL);
        GaussianMixture wide = model.withCovarianceScale(4.0);
        double[] cov = model.covariancesFlat();
        double[] wideCov = wide.covariancesFlat();
        for (int i = 0; i < cov.length; i++) {
            assertThat(wideCov[i]).isCloseTo(4 * cov[i], within(1e-12));
        }
        assertThat(wide.means()).isDeepEqualTo(model.means());
        // Same normal draws, so each point is twice as far from its mean.
        Sample narrow = model.sample(10, new SplittableRandom(6));
        Sample widened = wide.sample(10, new SplittableRandom(6));
        for (int s = 0; s < 10; s++) {
            double[] mu = model.means()[narrow.component()[s]];
            for (int i = 0; i < 3; i++) {
                assertThat(widened.x()[s][i] - mu[i]).isCloseTo(2 * (narrow.x()[s][i] - mu[i]), within(1e-9));
            }
        }
        assertThatThrownBy(() -> model.withCovarianceScale(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
