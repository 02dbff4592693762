package io.lgc.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lgc.InputException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Degenerate data never aborts a fit: the fit repairs and reports it in its warnings. Data that is
 * not a matrix of finite numbers is rejected with an InputException naming the problem.
 */
class RobustnessTest {

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void fewerDistinctPointsThanComponentsReducesComponents(CovarianceType type) {
        double[][] distinct = {{0, 0}, {1, 2}, {5, -1}};
        double[][] x = new double[60][];
        for (int s = 0; s < x.length; s++) {
            x[s] = distinct[s % 3].clone();
        }
        FitResult fit = GaussianMixture.fit(x, GmmConfig.builder().components(5).covarianceType(type).build());
        assertThat(fit.model().components()).isEqualTo(3);
        assertThat(fit.warnings()).anyMatch(w -> w.contains("reduced components from 5 to 3")
                && w.contains("only 3 distinct point(s) among 60 sample(s)"));
        assertThat(fit.model().weights()).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-9));
        assertThat(fit.lowerBound()).isFinite();
    }

    @Test
    void fewerPointsThanComponentsReducesComponents() {
        double[][] x = {{0, 0, 1}, {1, 0, 0}, {0, 2, 0}, {3, 3, 3}};
        FitResult fit = GaussianMixture.fit(x, GmmConfig.builder().components(10).build());
        assertThat(fit.model().components()).isEqualTo(4);
        assertThat(fit.warnings()).anyMatch(w -> w.contains("reduced components from 10 to 4"));
        assertAllFinite(fit.model().scoreSamples(x));
    }

    @Test
    void singlePointFitsOneComponent() {
        FitResult fit = GaussianMixture.fit(new double[][] {{1.5, -2}}, GmmConfig.builder().components(3).build());
        assertThat(fit.model().components()).isEqualTo(1);
        // sklearn's mean is Σx / (n + 10ε): equal to the point up to rounding.
        assertThat(fit.model().means()[0]).containsExactly(new double[] {1.5, -2.0}, within(1e-12));
        assertThat(fit.model().covariancesFlat()).containsExactly(new double[] {1e-6, 0, 0, 1e-6}, within(1e-15));
    }

    @ParameterizedTest
    @EnumSource(value = CovarianceType.class, names = {"FULL", "TIED"})
    void singularDataWithoutRegulariserRaisesIt(CovarianceType type) {
        // Points on a line in 3-D: every covariance has rank 1, so with regCovar = 0 no Cholesky exists.
        Random random = new Random(1);
        double[][] x = new double[300][];
        for (int s = 0; s < x.length; s++) {
            double t = random.nextGaussian() + (s % 2 == 0 ? 5 : -5);
            x[s] = new double[] {t, 2 * t, -t};
        }
        FitResult fit = GaussianMixture.fit(x, GmmConfig.builder().components(2).covarianceType(type).regCovar(0).build());
        assertThat(fit.warnings()).anyMatch(w -> w.contains("not positive definite") && w.contains("regulariser was raised"));
        assertThat(fit.lowerBound()).isFinite();
        assertAllFinite(fit.model().covariancesFlat());
        assertThat(fit.model().score(x)).isFinite();
    }

    @Test
    void constantFeatureWithoutRegulariserRaisesDiagonalVariance() {
        double[][] x = KnownMixtures.blobs(200, 3, 2, 5);
        for (double[] row : x) {
            row[1] = 7.0;
        }
        FitResult fit = GaussianMixture.fit(x, GmmConfig.builder().components(2)
                .covarianceType(CovarianceType.DIAG).regCovar(0).build());
        assertThat(fit.warnings()).anyMatch(w -> w.contains("covariance of component") && w.contains("raised"));
        double[] cov = fit.model().covariancesFlat();
        assertThat(cov[1]).isPositive();
        assertThat(cov[4]).isPositive();
    }

    @Test
    void duplicatedPointsWithoutRegulariserDoNotAbort() {
        // A third of the samples sit on one point: a component collapses onto it.
        double[][] x = KnownMixtures.blobs(300, 2, 2, 8);
        for (int s = 0; s < 100; s++) {
            x[s] = new double[] {20, 20};
        }
        FitResult fit = GaussianMixture.fit(x, GmmConfig.builder().components(3).regCovar(0).build());
        assertThat(fit.warnings()).anyMatch(w -> w.contains("not positive definite"));
        assertThat(fit.model().components()).isEqualTo(3);
        assertAllFinite(fit.model().scoreSamples(x));
    }

    @Test
    void emptyComponentIsReseeded() {
        double[][] x = KnownMixtures.blobs(400, 2, 2, 4);
        // Component 2 starts far from every point with a tiny covariance: it gets no responsibility.
        GaussianMixture start = GaussianMixture.fromParameters(CovarianceType.FULL, new double[] {0.45, 0.45, 0.1},
                new double[][] {x[0], x[1], {1e4, 1e4}}, new double[] {1, 0, 0, 1, 1, 0, 0, 1, 1e-3, 0, 0, 1e-3});
        FitResult fit = GaussianMixture.fit(x, GmmConfig.builder().components(3).build(), start);
        assertThat(fit.warnings()).anyMatch(w -> w.startsWith("component 2 became empty and was re-seeded"));
        assertThat(fit.model().components()).isEqualTo(3);
        assertThat(fit.model().means()[2][0]).isLessThan(100);
        assertThat(fit.model().weights()[2]).isGreaterThan(1e-3);
    }

    @Test
    void componentThatStaysEmptyIsRemoved() {
        // Two distinct points, each covered by a component: a third, empty component has nowhere to go.
        double[][] x = new double[40][];
        for (int s = 0; s < x.length; s++) {
            x[s] = s % 2 == 0 ? new double[] {0, 0} : new double[] {3, 3};
        }
        GaussianMixture start = GaussianMixture.fromParameters(CovarianceType.SPHERICAL, new double[] {0.4, 0.4, 0.2},
                new double[][] {{0, 0}, {3, 3}, {1e4, -1e4}}, new double[] {0.1, 0.1, 1e-3});
        FitResult fit = GaussianMixture.fit(x, GmmConfig.builder().components(3).covarianceType(CovarianceType.SPHERICAL).build(), start);
        assertThat(fit.model().components()).isEqualTo(2);
        assertThat(fit.warnings()).anyMatch(w -> w.startsWith("removed component(s) [2]"));
        assertThat(fit.model().weights()).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
    }

    @Test
    void nonConvergenceIsReported() {
        double[][] x = KnownMixtures.blobs(500, 3, 4, 6);
        FitResult fit = GaussianMixture.fit(x, GmmConfig.builder().components(4).tol(0).maxIter(3).build());
        assertThat(fit.converged()).isFalse();
        assertThat(fit.iterations()).isEqualTo(3);
        assertThat(fit.warnings()).anyMatch(w -> w.startsWith("EM did not converge within 3 iteration(s)"));
    }

    @Test
    void cleanFitHasNoWarnings() {
        FitResult fit = GaussianMixture.fit(KnownMixtures.blobs(500, 3, 2, 6), GmmConfig.builder().components(2).build());
        assertThat(fit.converged()).isTrue();
        assertThat(fit.warnings()).isEmpty();
    }

    @Test
    void nanInputIsRejected() {
        double[][] x = KnownMixtures.blobs(50, 3, 2, 1);
        x[7][2] = Double.NaN;
        assertThatThrownBy(() -> GaussianMixture.fit(x, GmmConfig.builder().build()))
                .isInstanceOf(InputException.class).hasMessageContaining("NaN at row 7, column 2");
    }

    @Test
    void infiniteInputIsRejected() {
        double[][] x = KnownMixtures.blobs(50, 3, 2, 1);
        x[3][0] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> MixtureSelection.byBic(x, 1, 3, GmmConfig.builder().build()))
                .isInstanceOf(InputException.class).hasMessageContaining("-Infinity at row 3, column 0");
        GaussianMixture model = GaussianMixture.fit(KnownMixtures.blobs(50, 3, 2, 1), GmmConfig.builder().build()).model();
        assertThatThrownBy(() -> model.score(x)).isInstanceOf(InputException.class).hasMessageContaining("Infinity");
    }

    @Test
    void hugeValuesAreRejected() {
        double[][] x = {{1, 2}, {1e200, 0}};
        assertThatThrownBy(() -> GaussianMixture.fit(x, GmmConfig.builder().build()))
                .isInstanceOf(InputException.class).hasMessageContaining("too large");
    }

    @Test
    void malformedMatricesAreRejected() {
        GmmConfig config = GmmConfig.builder().build();
        assertThatThrownBy(() -> GaussianMixture.fit(null, config)).isInstanceOf(InputException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> GaussianMixture.fit(new double[0][], config)).isInstanceOf(InputException.class).hasMessageContaining("no samples");
        assertThatThrownBy(() -> GaussianMixture.fit(new double[][] {{}}, config)).isInstanceOf(InputException.class).hasMessageContaining("no values");
        assertThatThrownBy(() -> GaussianMixture.fit(new double[][] {{1, 2}, {3}}, config))
                .isInstanceOf(InputException.class).hasMessageContaining("row 1 has 1 values, expected 2");
        GaussianMixture model = GaussianMixture.fit(new double[][] {{1, 2}, {3, 4}}, config).model();
        assertThatThrownBy(() -> model.predict(new double[][] {{1, 2, 3}}))
                .isInstanceOf(InputException.class).hasMessageContaining("3 features but the mixture has 2");
    }

    @Test
    void inputArraysAreNotModified() {
        double[][] x = KnownMixtures.blobs(100, 2, 2, 3);
        double[][] copy = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        GaussianMixture.fit(x, GmmConfig.builder().components(2).build());
        assertThat(x).isDeepEqualTo(copy);
    }

    private static void assertAllFinite(double[] values) {
        assertThat(Arrays.stream(values).allMatch(Double::isFinite)).as("all finite: %s", Arrays.toString(values)).isTrue();
    }
}
