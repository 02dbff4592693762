package io.lgc.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing the number of components by BIC. */
class MixtureSelectionTest {

    @Test
    void picksTheTrueNumberOfComponentsAndReportsTheCurve() {
        double[][] x = KnownMixtures.threeComponents(1500, 5);
        Selection selection = MixtureSelection.byBic(x, 1, 6, GmmConfig.builder().nInit(2).seed(3).build());
        assertThat(selection.chosenComponents()).isEqualTo(3);
        assertThat(selection.best().model().components()).isEqualTo(3);
        assertThat(selection.bicCurve().keySet()).containsExactly(1, 2, 3, 4, 5, 6);
        double minimum = selection.bicCurve().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(selection.bicCurve().get(3)).isEqualTo(minimum);
        assertThat(selection.bicCurve().get(3)).isEqualTo(selection.best().model().bic(x));
        assertThatThrownBy(() -> selection.bicCurve().put(9, 0.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void curveValuesAreTheBicOfEachFit() {
        double[][] x = KnownMixtures.blobs(400, 2, 2, 7);
        GmmConfig base = GmmConfig.builder().covarianceType(CovarianceType.DIAG).seed(9).build();
        Selection selection = MixtureSelection.byBic(x, 2, 4, base);
        for (Map.Entry<Integer, Double> point : selection.bicCurve().entrySet()) {
            FitResult fit = GaussianMixture.fit(x, base.withComponents(point.getKey()));
            assertThat(point.getValue()).isEqualTo(fit.model().bic(x));
        }
    }

    @Test
    void sizesBeyondTheDistinctPointsAreSkippedWithAWarning() {
        double[][] x = new double[30][];
        for (int s = 0; s < x.length; s++) {
            x[s] = new double[] {s % 4, (s % 4) * (s % 4)};
        }
        Selection selection = MixtureSelection.byBic(x, 2, 8, GmmConfig.builder().build());
        assertThat(selection.bicCurve().keySet()).containsExactly(2, 3, 4);
        assertThat(selection.warnings()).anyMatch(w -> w.contains("sizes 5..8 not tried") && w.contains("only 4 distinct"));
    }

    @Test
    void fitWarningsArePrefixedWithTheirSize() {
        double[][] x = KnownMixtures.blobs(300, 2, 3, 4);
        Selection selection = MixtureSelection.byBic(x, 1, 3, GmmConfig.builder().maxIter(1).tol(0).build());
        assertThat(selection.warnings()).anyMatch(w -> w.startsWith("K=2: EM did not converge"));
    }

    @Test
    void rejectsAnEmptyRange() {
        double[][] x = KnownMixtures.blobs(30, 2, 2, 4);
        assertThatThrownBy(() -> MixtureSelection.byBic(x, 3, 2, GmmConfig.builder().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minK <= maxK");
        assertThatThrownBy(() -> MixtureSelection.byBic(x, 0, 2, GmmConfig.builder().build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
