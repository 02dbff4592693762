package io.lgc.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our EM against scikit-learn 1.2.1 started from the same weights, means and precisions
 * (weights_init / means_init / precisions_init): lower bound and BIC/AIC to 1e-6 relative,
 * parameters to 1e-4, responsibilities to 1e-6, and the same number of iterations.
 */
class SklearnParityTest {
    private static final List<SklearnFixtures.Case> CASES = SklearnFixtures.all();

    static Stream<SklearnFixtures.Case> cases() {
        return CASES.stream();
    }

    @Test
    void fixturesCoverEveryCovarianceTypeOnEveryDataset() {
        for (String dataset : SklearnFixtures.DATASETS) {
            assertThat(CASES.stream().filter(c -> c.dataset().equals(dataset)).map(SklearnFixtures.Case::type))
                    .as(dataset).containsAll(List.of(CovarianceType.values()));
        }
        assertThat(CASES.stream().mapToInt(c -> c.x()[0].length).max().orElse(0)).isEqualTo(64);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fitMatchesSklearn(SklearnFixtures.Case c) {
        FitResult fit = GaussianMixture.fit(c.x(), c.config(), c.start());
        GaussianMixture model = fit.model();

        assertThat(fit.iterations()).as("n_iter_").isEqualTo((int) c.expectedNumber("n_iter"));
        assertThat(fit.converged()).as("converged_").isEqualTo(c.expected().get("converged"));
        assertRelative(fit.lowerBound(), c.expectedNumber("lower_bound"), 1e-6, "lower_bound_");
        assertThat(fit.lowerBoundHistory()).hasSize(fit.iterations());
        assertArrayClose(model.weights(), c.expectedVector("weights"), 1e-4, "weights_");
        assertArrayClose(flatten(model.means()), flatten(Json.matrix(c.expected().get("means"))), 1e-4, "means_");
        assertArrayClose(model.covariancesFlat(), c.expectedVector("covariances"), 1e-4, "covariances_");
        if (c.expected().containsKey("precisions_cholesky")) {
            assertArrayClose(model.precisionsCholeskyFlat(), c.expectedVector("precisions_cholesky"), 1e-4,
                    "precisions_cholesky_");
        }
        assertScoringMatches(model, c);
    }

    /** Scoring alone, from sklearn's fitted parameters given to fromParameters. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scoringOfGivenParametersMatchesSklearn(SklearnFixtures.Case c) {
        GaussianMixture model = GaussianMixture.fromParameters(c.type(), c.expectedVector("weights"),
                Json.matrix(c.expected().get("means")), c.expectedVector("covariances"));
        assertScoringMatches(model, c);
    }

    private static void assertScoringMatches(GaussianMixture model, SklearnFixtures.Case c) {
        double[][] x = c.x();
        assertThat(model.freeParameters()).as("_n_parameters").isEqualTo((int) c.expectedNumber("n_parameters"));
        assertRelative(model.score(x), c.expectedNumber("score"), 1e-6, "score");
        assertRelative(model.bic(x), c.expectedNumber("bic"), 1e-6, "bic");
        assertRelative(model.aic(x), c.expectedNumber("aic"), 1e-6, "aic");
        double[] samples = model.scoreSamples(x);
        double[] expectedSamples = c.expectedVector("score_samples");
        for (int s = 0; s < samples.length; s++) {
            assertRelative(samples[s], expectedSamples[s], 1e-6, "score_samples[" + s + "]");
        }
        double[][] proba = model.predictProba(x);
        double[][] expectedProba = Json.matrix(c.expected().get("predict_proba"));
        for (int s = 0; s < proba.length; s++) {
            for (int k = 0; k < proba[s].length; k++) {
                assertThat(proba[s][k]).as("predict_proba[%d][%d]", s, k).isCloseTo(expectedProba[s][k], within(1e-6));
            }
        }
        assertThat(model.predict(x)).as("predict").containsExactly(Json.ints(c.expected().get("predict")));
    }

    static void assertRelative(double actual, double expected, double relative, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(relative * Math.max(1.0, Math.abs(expected))));
    }

    /**
     * Element-wise |a − e| ≤ tol·(|e| + 1e-3·max|e|): relative for each value, with a floor at the
     * array's scale for entries that are nearly zero (off-diagonal covariances).
     */
    static void assertArrayClose(double[] actual, double[] expected, double tol, String what) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double bound = tol * (Math.abs(expected[i]) + 1e-3 * scale);
            assertThat(actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(bound));
        }
    }

    static double[] flatten(double[][] a) {
        return Stream.of(a).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
