package io.lgc.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Properties EM must have whatever the data: monotone, reproducible, and right on known mixtures. */
class EmPropertiesTest {

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void lowerBoundNeverDecreases(CovarianceType type) {
        for (long seed = 1; seed <= 4; seed++) {
            double[][] x = KnownMixtures.blobs(600, 4, 5, seed);
            GmmConfig config = GmmConfig.builder().components(6).covarianceType(type).tol(0).maxIter(60)
                    .init(InitMethod.RANDOM).seed(seed).build();
            List<Double> history = GaussianMixture.fit(x, config).lowerBoundHistory();
            assertThat(history).hasSize(60);
            for (int i = 1; i < history.size(); i++) {
                double rounding = 1e-9 * Math.abs(history.get(i - 1));
                assertThat(history.get(i)).as("seed %d, iteration %d", seed, i + 1)
                        .isGreaterThanOrEqualTo(history.get(i - 1) - rounding);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(InitMethod.class)
    void sameSeedGivesBitwiseIdenticalFit(InitMethod init) {
        double[][] x = KnownMixtures.blobs(3000, 5, 4, 11);
        GmmConfig config = GmmConfig.builder().components(4).init(init).nInit(2).seed(42).build();
        FitResult first = GaussianMixture.fit(x, config);
        FitResult second = GaussianMixture.fit(x, config);
        assertIdentical(first, second);
    }

    @Test
    void fitDoesNotDependOnTheNumberOfThreads() throws Exception {
        double[][] x = KnownMixtures.blobs(5000, 8, 4, 3);
        GmmConfig config = GmmConfig.builder().components(4).covarianceType(CovarianceType.FULL).nInit(2).seed(5).build();
        FitResult shared = GaussianMixture.fit(x, config);
        // Parallel streams started inside a ForkJoinPool run in that pool: one thread here.
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            FitResult sequential = single.submit(() -> GaussianMixture.fit(x, config)).get();
            assertIdentical(shared, sequential);
        } finally {
            single.shutdown();
        }
    }

    @Test
    void differentSeedsGiveDifferentRandomStarts() {
        double[][] x = KnownMixtures.blobs(800, 3, 6, 2);
        GmmConfig config = GmmConfig.builder().components(6).init(InitMethod.RANDOM).maxIter(5).build();
        double[][] a = GaussianMixture.fit(x, config).model().means();
        double[][] b = GaussianMixture.fit(x, config.toBuilder().seed(1).build()).model().means();
        assertThat(a).isNotEqualTo(b);
    }

    @ParameterizedTest
    @EnumSource(InitMethod.class)
    void emRecoversAKnownThreeComponentMixture(InitMethod init) {
        double[][] x = KnownMixtures.threeComponents(6000, 17);
        GmmConfig config = GmmConfig.builder().components(3).init(init).nInit(3).tol(1e-6).maxIter(500).seed(1).build();
        FitResult fit = GaussianMixture.fit(x, config);
        assertThat(fit.converged()).isTrue();
        assertThat(fit.warnings()).isEmpty();
        GaussianMixture model = fit.model();
        double[] weights = model.weights();
        double[][] means = model.means();
        double[] covariances = model.covariancesFlat();
        for (int truth = 0; truth < 3; truth++) {
            int c = KnownMixtures.nearest(means, KnownMixtures.MEANS[truth]);
            assertThat(weights[c]).as("weight %d", truth).isCloseTo(KnownMixtures.WEIGHTS[truth], within(0.01));
            assertThat(means[c][0]).as("mean %d", truth).isCloseTo(KnownMixtures.MEANS[truth][0], within(0.08));
            assertThat(means[c][1]).as("mean %d", truth).isCloseTo(KnownMixtures.MEANS[truth][1], within(0.08));
            double[][] cov = KnownMixtures.covariance(truth);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(covariances[c * 4 + i * 2 + j]).as("cov %d (%d,%d)", truth, i, j)
                            .isCloseTo(cov[i][j], within(0.12 * Math.max(0.5, Math.abs(cov[i][j]))));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void samplingAndRefittingRecoversTheParameters(CovarianceType type) {
        GaussianMixture truth = referenceModel(type);
        double[][] x = truth.sample(20000, new SplittableRandom(9)).x();
        GmmConfig config = GmmConfig.builder().components(3).covarianceType(type).tol(1e-6).maxIter(500).seed(4).build();
        GaussianMixture fitted = GaussianMixture.fit(x, config).model();
        double[] fittedCov = fitted.covariancesFlat();
        double[] trueCov = truth.covariancesFlat();
        int block = type == CovarianceType.TIED ? 0 : trueCov.length / 3; // tied is checked once below
        for (int t = 0; t < 3; t++) {
            int c = KnownMixtures.nearest(fitted.means(), truth.means()[t]);
            assertThat(fitted.weights()[c]).isCloseTo(truth.weights()[t], within(0.015));
            for (int i = 0; i < 3; i++) {
                assertThat(fitted.means()[c][i]).isCloseTo(truth.means()[t][i], within(0.08));
            }
            for (int i = 0; i < block; i++) {
                double expected = trueCov[t * block + i];
                assertThat(fittedCov[c * block + i]).as("covariance %d[%d]", t, i)
                        .isCloseTo(expected, within(0.1 * Math.max(0.3, Math.abs(expected))));
            }
        }
        if (type == CovarianceType.TIED) {
            for (int i = 0; i < trueCov.length; i++) {
                assertThat(fittedCov[i]).isCloseTo(trueCov[i], within(0.05 * Math.max(0.3, Math.abs(trueCov[i]))));
            }
        }
    }

    /** Three components in 3-D of the given type, well separated. */
    static GaussianMixture referenceModel(CovarianceType type) {
        double[] weights = {0.5, 0.3, 0.2};
        double[][] means = {{0, 0, 0}, {6, 0, 1}, {0, 7, -2}};
        double[] full = {
            1.0, 0.3, 0.1, 0.3, 0.8, 0.0, 0.1, 0.0, 0.5,
            0.6, -0.2, 0.0, -0.2, 1.2, 0.3, 0.0, 0.3, 0.9,
            1.5, 0.0, 0.4, 0.0, 0.4, 0.0, 0.4, 0.0, 1.0,
        };
        double[] covariances = switch (type) {
            case FULL -> full;
            case TIED -> java.util.Arrays.copyOf(full, 9);
            case DIAG -> new double[] {1.0, 0.5, 2.0, 0.7, 1.3, 0.4, 1.1, 0.9, 0.6};
            case SPHERICAL -> new double[] {1.0, 0.5, 1.5};
        };
        return GaussianMixture.fromParameters(type, weights, means, covariances);
    }

    static void assertIdentical(FitResult a, FitResult b) {
        assertThat(a.lowerBound()).isEqualTo(b.lowerBound());
        assertThat(a.iterations()).isEqualTo(b.iterations());
        assertThat(a.lowerBoundHistory()).isEqualTo(b.lowerBoundHistory());
        assertThat(a.model().weights()).containsExactly(b.model().weights());
        assertThat(a.model().means()).isDeepEqualTo(b.model().means());
        assertThat(a.model().covariancesFlat()).containsExactly(b.model().covariancesFlat());
    }
}
