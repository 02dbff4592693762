package io.lgc.report;

import io.lgc.linalg.SymmetricEigen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {
    /** Unit vector (1, 2, 2, 0)/3: the axis along which the test data spreads most. */
    private static final double[] MAIN = {1 / 3.0, 2 / 3.0, 2 / 3.0, 0};
    /** Unit vector orthogonal to MAIN: the second-largest spread. */
    private static final double[] SECOND = {0, 0, 0, 1};

    @Test
    void findsTheKnownPrincipalAxesAndTheirVariance() {
        Random random = new Random(1);
        int n = 20_000;
        double[][] x = new double[n][4];
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian() * 5; // variance 25 along MAIN
            double b = random.nextGaussian() * 2; // variance 4 along SECOND
            for (int j = 0; j < 4; j++) {
                x[i][j] = 10 + a * MAIN[j] + b * SECOND[j] + random.nextGaussian() * 0.1;
            }
        }
        Pca pca = Pca.fit(x, 2);

        assertThat(Math.abs(dot(pca.axes()[0], MAIN))).isCloseTo(1, within(1e-3));
        assertThat(Math.abs(dot(pca.axes()[1], SECOND))).isCloseTo(1, within(1e-3));
        assertThat(dot(pca.axes()[0], pca.axes()[1])).isCloseTo(0, within(1e-9));
        assertThat(pca.variances()[0]).isCloseTo(25.01, within(0.6));
        assertThat(pca.variances()[1]).isCloseTo(4.01, within(0.15));
        // Total variance 25 + 4 + 4·0.01 noise.
        assertThat(pca.explained()[0]).isCloseTo(25 / 29.04, within(0.01));
        assertThat(pca.mean()[0]).isCloseTo(10, within(0.1));
    }

    @Test
    void projectsPointsAndCovariancesOntoTheAxes() {
        double[][] x = {{0, 0, 0}, {2, 0, 0}, {0, 1, 0}, {2, 1, 0}, {1, 0.5, 0.1}, {1, 0.5, -0.1}};
        Pca pca = Pca.fit(x, 2);
        // Spread is largest along x, then y: the axes are e1 and e2 (signs fixed to positive).
        assertThat(pca.axes()[0]).containsExactly(new double[] {1, 0, 0}, within(1e-12));
        assertThat(pca.axes()[1]).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        assertThat(pca.project(new double[] {3, 2, 7})).containsExactly(new double[] {2, 1.5}, within(1e-12));

        double[][] sigma = {{4, 1, 9}, {1, 3, 9}, {9, 9, 100}};
        double[][] projected = pca.projectCovariance(sigma);
        assertThat(projected[0]).containsExactly(new double[] {4, 1}, within(1e-12));
        assertThat(projected[1]).containsExactly(new double[] {1, 3}, within(1e-12));
    }

    @Test
    void jacobiDecomposesASymmetricMatrix() {
        double[][] m = {{4, 1, 2}, {1, 3, 0.5}, {2, 0.5, 5}};
        SymmetricEigen e = SymmetricEigen.of(m);
        assertThat(e.values()[0]).isGreaterThanOrEqualTo(e.values()[1]);
        assertThat(e.values()[1]).isGreaterThanOrEqualTo(e.values()[2]);
        assertThat(e.values()[0] + e.values()[1] + e.values()[2]).isCloseTo(12, within(1e-10));
        for (int r = 0; r < 3; r++) {
            double[] v = e.vectors()[r];
            for (int i = 0; i < 3; i++) { // M v = λ v
                double mv = m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2];
                assertThat(mv).isCloseTo(e.values()[r] * v[i], within(1e-10));
            }
            assertThat(dot(v, v)).isCloseTo(1, within(1e-12));
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
