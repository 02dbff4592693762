package io.lgc.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lgc.InputException;
import org.junit.jupiter.api.Test;

/** The public surface: parsing, defaults and validation, layouts, immutability, information criteria. */
class ApiContractTest {

    @Test
    void parsesScikitLearnSpellings() {
        assertThat(CovarianceType.parse("full")).isEqualTo(CovarianceType.FULL);
        assertThat(CovarianceType.parse(" Diag ")).isEqualTo(CovarianceType.DIAG);
        assertThat(CovarianceType.parse("spherical")).isEqualTo(CovarianceType.SPHERICAL);
        assertThat(CovarianceType.parse("tied")).isEqualTo(CovarianceType.TIED);
        assertThat(InitMethod.parse("kmeans")).isEqualTo(InitMethod.KMEANS);
        assertThat(InitMethod.parse("k-means++")).isEqualTo(InitMethod.KMEANS_PLUS_PLUS);
        assertThat(InitMethod.parse("kmeans++")).isEqualTo(InitMethod.KMEANS_PLUS_PLUS);
        assertThat(InitMethod.parse("random")).isEqualTo(InitMethod.RANDOM);
        assertThat(InitMethod.parse("random_from_data")).isEqualTo(InitMethod.RANDOM_FROM_DATA);
        assertThat(InitMethod.parse("random-from-data")).isEqualTo(InitMethod.RANDOM_FROM_DATA);
    }

    @Test
    void unknownNamesAreInputErrors() {
        assertThatThrownBy(() -> CovarianceType.parse("banded")).isInstanceOf(InputException.class)
                .hasMessageContaining("'banded'").hasMessageContaining("full, diag, spherical, tied");
        assertThatThrownBy(() -> CovarianceType.parse(null)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> InitMethod.parse("kmedoids")).isInstanceOf(InputException.class)
                .hasMessageContaining("'kmedoids'");
    }

    @Test
    void builderDefaultsAreScikitLearns() {
        GmmConfig config = GmmConfig.builder().build();
        assertThat(config).isEqualTo(new GmmConfig(1, CovarianceType.FULL, 1e-3, 1e-6, 100, 1, InitMethod.KMEANS, 0));
        assertThat(config.withComponents(7).components()).isEqualTo(7);
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void configIsValidatedWithClearMessages() {
        assertInvalid(GmmConfig.builder().components(0), "components must be at least 1, got 0");
        assertInvalid(GmmConfig.builder().covarianceType(null), "covarianceType must not be null");
        assertInvalid(GmmConfig.builder().tol(-1), "tol must be a finite number >= 0");
        assertInvalid(GmmConfig.builder().tol(Double.NaN), "tol must be a finite number >= 0");
        assertInvalid(GmmConfig.builder().regCovar(Double.POSITIVE_INFINITY), "regCovar must be a finite number >= 0");
        assertInvalid(GmmConfig.builder().maxIter(-1), "maxIter must be at least 0");
        assertInvalid(GmmConfig.builder().nInit(0), "nInit must be at least 1");
        assertInvalid(GmmConfig.builder().init(null), "init must not be null");
    }

    private static void assertInvalid(GmmConfig.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void covarianceShapesFollowScikitLearn() {
        assertThat(GaussianMixture.covarianceShape(CovarianceType.FULL, 3, 4)).containsExactly(3, 4, 4);
        assertThat(GaussianMixture.covarianceShape(CovarianceType.TIED, 3, 4)).containsExactly(4, 4);
        assertThat(GaussianMixture.covarianceShape(CovarianceType.DIAG, 3, 4)).containsExactly(3, 4);
        assertThat(GaussianMixture.covarianceShape(CovarianceType.SPHERICAL, 3, 4)).containsExactly(3);
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixture model = EmPropertiesTest.referenceModel(type);
            int expected = 1;
            for (int extent : GaussianMixture.covarianceShape(type, 3, 3)) {
                expected *= extent;
            }
            assertThat(model.covariancesFlat()).hasSize(expected);
            assertThat(model.precisionsCholeskyFlat()).hasSize(expected);
        }
    }

    @Test
    void freeParameterCountsPerType() {
        int k = 3;
        int d = 3;
        int shared = k * d + k - 1;
        assertThat(EmPropertiesTest.referenceModel(CovarianceType.FULL).freeParameters()).isEqualTo(shared + k * d * (d + 1) / 2);
        assertThat(EmPropertiesTest.referenceModel(CovarianceType.DIAG).freeParameters()).isEqualTo(shared + k * d);
        assertThat(EmPropertiesTest.referenceModel(CovarianceType.TIED).freeParameters()).isEqualTo(shared + d * (d + 1) / 2);
        assertThat(EmPropertiesTest.referenceModel(CovarianceType.SPHERICAL).freeParameters()).isEqualTo(shared + k);
    }

    @Test
    void informationCriteriaUseScoreAndParameterCount() {
        GaussianMixture model = EmPropertiesTest.referenceModel(CovarianceType.FULL);
        double[][] x = KnownMixtures.blobs(250, 3, 2, 3);
        double logLikelihood = java.util.Arrays.stream(model.scoreSamples(x)).sum();
        int p = model.freeParameters();
        assertThat(model.score(x)).isCloseTo(logLikelihood / 250, within(1e-9));
        assertThat(model.bic(x)).isCloseTo(-2 * logLikelihood + p * Math.log(250), within(1e-7));
        assertThat(model.aic(x)).isCloseTo(-2 * logLikelihood + 2 * p, within(1e-7));
    }

    @Test
    void precisionCholeskyFactorInvertsTheCovariance() {
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixture model = EmPropertiesTest.referenceModel(type);
            double[] cov = model.covariancesFlat();
            double[] p = model.precisionsCholeskyFlat();
            if (type == CovarianceType.FULL || type == CovarianceType.TIED) {
                for (int offset = 0; offset < cov.length; offset += 9) {
                    // cov · (P·Pᵀ) = I
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            double sum = 0;
                            for (int m = 0; m < 3; m++) {
                                double precision = 0;
                                for (int r = 0; r < 3; r++) {
                                    precision += p[offset + m * 3 + r] * p[offset + j * 3 + r];
                                }
                                sum += cov[offset + i * 3 + m] * precision;
                            }
                            assertThat(sum).isCloseTo(i == j ? 1 : 0, within(1e-12));
                        }
                        for (int j = 0; j < i; j++) {
                            assertThat(p[offset + i * 3 + j]).as("upper triangular").isZero();
                        }
                    }
                }
            } else {
                for (int i = 0; i < cov.length; i++) {
                    assertThat(p[i] * p[i] * cov[i]).isCloseTo(1.0, within(1e-12));
                }
            }
        }
    }

    @Test
    void gettersReturnCopies() {
        GaussianMixture model = EmPropertiesTest.referenceModel(CovarianceType.FULL);
        double[][] x = KnownMixtures.blobs(50, 3, 2, 1);
        double before = model.score(x);
        model.weights()[0] = 99;
        model.means()[0][0] = 99;
        model.covariancesFlat()[0] = 99;
        model.precisionsCholeskyFlat()[0] = 99;
        assertThat(model.weights()[0]).isEqualTo(0.5);
        assertThat(model.means()[0][0]).isEqualTo(0.0);
        assertThat(model.covariancesFlat()[0]).isEqualTo(1.0);
        assertThat(model.score(x)).isEqualTo(before);
    }

    @Test
    void givenParametersAreCopiedAndValidated() {
        double[] weights = {0.5, 0.5};
        double[][] means = {{0, 0}, {1, 1}};
        double[] cov = {1, 0, 0, 1, 2, 0.5, 0.5, 2};
        GaussianMixture model = GaussianMixture.fromParameters(CovarianceType.FULL, weights, means, cov);
        weights[0] = 0.9;
        means[0][0] = 5;
        cov[0] = 7;
        assertThat(model.weights()).containsExactly(0.5, 0.5);
        assertThat(model.means()[0]).containsExactly(0.0, 0.0);
        assertThat(model.covariancesFlat()[0]).isEqualTo(1.0);
        assertThat(model.components()).isEqualTo(2);
        assertThat(model.dimension()).isEqualTo(2);
        assertThat(model.covarianceType()).isEqualTo(CovarianceType.FULL);

        assertThatThrownBy(() -> GaussianMixture.fromParameters(CovarianceType.FULL, new double[] {0.5, 0.6}, means,
                new double[] {1, 0, 0, 1, 1, 0, 0, 1})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> GaussianMixture.fromParameters(CovarianceType.FULL, new double[] {0.5, 0.5}, means,
                new double[] {1, 2, 2, 1, 1, 0, 0, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 0 is not positive definite");
        assertThatThrownBy(() -> GaussianMixture.fromParameters(CovarianceType.FULL, new double[] {0.5, 0.5}, means,
                new double[] {1, 0.5, 0, 1, 1, 0, 0, 1})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {0.5, 0.5}, means,
                new double[] {1, 0, 1, 1})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a finite positive");
        assertThatThrownBy(() -> GaussianMixture.fromParameters(CovarianceType.SPHERICAL, new double[] {0.5, 0.5}, means,
                new double[] {1, 1, 1})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must hold 2 values");
    }

    @Test
    void precisionsAndCovariancesDescribeTheSameModel() {
        double[][] x = KnownMixtures.blobs(100, 2, 2, 9);
        double[][] means = {{0, 0}, {1, 1}};
        GaussianMixture byCovariance = GaussianMixture.fromParameters(CovarianceType.FULL, new double[] {0.3, 0.7}, means,
                new double[] {2, 0.5, 0.5, 1, 1, -0.2, -0.2, 0.5});
        GaussianMixture byPrecision = GaussianMixture.fromPrecisions(CovarianceType.FULL, new double[] {0.3, 0.7}, means,
                inverse2x2(new double[] {2, 0.5, 0.5, 1, 1, -0.2, -0.2, 0.5}));
        assertThat(byPrecision.covariancesFlat()).containsExactly(byCovariance.covariancesFlat(), within(1e-12));
        double[] a = byCovariance.scoreSamples(x);
        double[] b = byPrecision.scoreSamples(x);
        assertThat(b).containsExactly(a, within(1e-10));
    }

    private static double[] inverse2x2(double[] blocks) {
        double[] out = new double[blocks.length];
        for (int o = 0; o < blocks.length; o += 4) {
            double det = blocks[o] * blocks[o + 3] - blocks[o + 1] * blocks[o + 2];
            out[o] = blocks[o + 3] / det;
            out[o + 1] = -blocks[o + 1] / det;
            out[o + 2] = -blocks[o + 2] / det;
            out[o + 3] = blocks[o] / det;
        }
        return out;
    }

    @Test
    void warmStartMustMatchTheConfig() {
        double[][] x = KnownMixtures.blobs(100, 3, 2, 2);
        GaussianMixture start = EmPropertiesTest.referenceModel(CovarianceType.DIAG);
        assertThatThrownBy(() -> GaussianMixture.fit(x, GmmConfig.builder().components(3).build(), start))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("diag covariances but the config asks for full");
        assertThatThrownBy(() -> GaussianMixture.fit(x, GmmConfig.builder().components(2).covarianceType(CovarianceType.DIAG).build(), start))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 components but the config asks for 2");
        FitResult fit = GaussianMixture.fit(x, GmmConfig.builder().components(3).covarianceType(CovarianceType.DIAG).nInit(4).build(), start);
        assertThat(fit.warnings()).contains("nInit=4 ignored: a warm start is a single initialisation");
    }

    @Test
    void zeroIterationsReturnsTheStartAndItsLikelihood() {
        double[][] x = KnownMixtures.blobs(100, 3, 3, 2);
        GaussianMixture start = EmPropertiesTest.referenceModel(CovarianceType.SPHERICAL);
        FitResult fit = GaussianMixture.fit(x, GmmConfig.builder().components(3).covarianceType(CovarianceType.SPHERICAL)
                .maxIter(0).build(), start);
        assertThat(fit.iterations()).isZero();
        assertThat(fit.converged()).isFalse();
        assertThat(fit.warnings()).isEmpty();
        assertThat(fit.model().means()).isDeepEqualTo(start.means());
        assertThat(fit.lowerBound()).isEqualTo(start.score(x));
    }

    @Test
    void resultListsAreUnmodifiable() {
        FitResult fit = GaussianMixture.fit(KnownMixtures.blobs(100, 2, 2, 1), GmmConfig.builder().components(2).build());
        assertThatThrownBy(() -> fit.lowerBoundHistory().add(1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fit.warnings().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void predictionsAgreeWithProbabilities() {
        GaussianMixture model = EmPropertiesTest.referenceModel(CovarianceType.FULL);
        double[][] x = KnownMixtures.blobs(300, 3, 3, 12);
        double[][] proba = model.predictProba(x);
        int[] labels = model.predict(x);
        for (int s = 0; s < x.length; s++) {
            assertThat(java.util.Arrays.stream(proba[s]).sum()).isCloseTo(1.0, within(1e-12));
            int best = 0;
            for (int c = 1; c < proba[s].length; c++) {
                if (proba[s][c] > proba[s][best]) {
                    best = c;
                }
            }
            assertThat(labels[s]).isEqualTo(best);
        }
    }
}
