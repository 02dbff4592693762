package io.lgc.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** EM over merged per-part statistics gives the fit of the whole data in memory. */
class StatisticsEmTest {
    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> typesAndParts() {
        List<Arguments> all = new ArrayList<>();
        for (CovarianceType type : CovarianceType.values()) {
            for (int parts : new int[] {1, 3, 17}) {
                all.add(Arguments.of(type, parts));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("typesAndParts")
    void statisticsOfPartsGiveTheInMemoryFit(CovarianceType type, int parts) {
        double[][] x = KnownMixtures.blobs(900, 3, 3, 11);
        GmmConfig config = GmmConfig.builder().components(3).covarianceType(type).tol(1e-6).seed(4).build();
        GaussianMixture start = GaussianMixture.fit(Arrays.copyOf(x, 200),
                config.toBuilder().maxIter(0).build()).model();

        FitResult expected = GaussianMixture.fit(x, config, start);
        FitResult actual = fitByParts(x, parts, config, start);

        assertThat(actual.iterations()).isEqualTo(expected.iterations()).isGreaterThan(1);
        assertThat(actual.converged()).isEqualTo(expected.converged());
        assertThat(actual.lowerBound()).isCloseTo(expected.lowerBound(), within(TOLERANCE));
        assertClose(actual.model().weights(), expected.model().weights());
        assertClose(flatten(actual.model().means()), flatten(expected.model().means()));
        assertClose(actual.model().covariancesFlat(), expected.model().covariancesFlat());
    }

    @Test
    void maxIterZeroReportsTheStartsLogLikelihood() {
        double[][] x = KnownMixtures.threeComponents(300, 2);
        GmmConfig config = GmmConfig.builder().components(3).maxIter(0).build();
        GaussianMixture start = GaussianMixture.fit(x, config).model();
        FitResult actual = fitByParts(x, 2, config, start);
        assertThat(actual.lowerBound()).isCloseTo(start.score(x), within(TOLERANCE));
        assertThat(actual.model().means()).isEqualTo(start.means());
    }

    @Test
    void statisticsUnderAnotherMixtureAreRejected() {
        double[][] x = KnownMixtures.threeComponents(300, 2);
        GmmConfig config = GmmConfig.builder().components(3).build();
        GaussianMixture start = GaussianMixture.fit(x, config.toBuilder().maxIter(0).build()).model();
        double[][] shifted = start.means();
        shifted[0][0] += 1;
        GaussianMixture other = GaussianMixture.fromParameters(CovarianceType.FULL, start.weights(), shifted,
                start.covariancesFlat());
        StatisticsEm em = StatisticsEm.from(start, config, x);
        SufficientStatistics wrong = SufficientStatistics.empty(other).add(other, x);
        assertThatThrownBy(() -> em.accept(wrong)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SufficientStatistics.empty(start).merge(wrong))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static FitResult fitByParts(double[][] x, int parts, GmmConfig config, GaussianMixture start) {
        StatisticsEm em = StatisticsEm.from(start, config, x);
        while (!em.done()) {
            GaussianMixture model = em.current();
            SufficientStatistics total = SufficientStatistics.empty(model);
            for (int p = 0; p < parts; p++) {
                // uneven parts, as a cluster's partitions are
                int from = (int) ((long) x.length * p * p / ((long) parts * parts));
                int to = (int) ((long) x.length * (p + 1) * (p + 1) / ((long) parts * parts));
                total.merge(SufficientStatistics.empty(model).add(model, Arrays.copyOfRange(x, from, to)));
            }
            assertThat(total.count()).isEqualTo(x.length);
            em.accept(total);
        }
        return em.result();
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    private static double[] flatten(double[][] a) {
        return Arrays.stream(a).flatMapToDouble(Arrays::stream).toArray();
    }
}
