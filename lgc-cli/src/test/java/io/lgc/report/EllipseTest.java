package io.lgc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EllipseTest {
    @Test
    void twoSigmaContourOfARotatedCovariance() {
        // Σ = R diag(9, 1) Rᵀ with R a rotation by 30°: standard deviations 3 and 1.
        double t = Math.toRadians(30);
        double c = Math.cos(t);
        double s = Math.sin(t);
        double[][] sigma = {
            {9 * c * c + s * s, (9 - 1) * c * s},
            {(9 - 1) * c * s, 9 * s * s + c * c},
        };
        Ellipse e = Ellipse.of(new double[] {1, -2}, sigma, 2);

        assertThat(e.semiMajor()).isCloseTo(6, within(1e-12));
        assertThat(e.semiMinor()).isCloseTo(2, within(1e-12));
        assertThat(e.angle()).isCloseTo(t, within(1e-12));
        assertThat(e.centerX()).isEqualTo(1);
        assertThat(e.centerY()).isEqualTo(-2);

        // Every outline point lies at Mahalanobis distance 2: (p − μ)ᵀ Σ⁻¹ (p − μ) = 4.
        double det = sigma[0][0] * sigma[1][1] - sigma[0][1] * sigma[1][0];
        for (double[] p : e.outline(36)) {
            double dx = p[0] - 1;
            double dy = p[1] + 2;
            double d2 = (sigma[1][1] * dx * dx - 2 * sigma[0][1] * dx * dy + sigma[0][0] * dy * dy) / det;
            assertThat(d2).isCloseTo(4, within(1e-9));
        }
        // The first outline point is the end of the major axis.
        assertThat(e.outline(4)[0]).containsExactly(new double[] {1 + 6 * c, -2 + 6 * s}, within(1e-12));
    }

    @Test
    void axisAlignedContoursAndTheirBoundingBox() {
        Ellipse tall = Ellipse.of(new double[] {0, 0}, new double[][] {{1, 0}, {0, 4}}, 2);
        assertThat(tall.semiMajor()).isCloseTo(4, within(1e-12));
        assertThat(tall.semiMinor()).isCloseTo(2, within(1e-12));
        assertThat(Math.abs(tall.angle())).isCloseTo(Math.PI / 2, within(1e-12));
        assertThat(tall.halfWidth()).isCloseTo(2, within(1e-12));
        assertThat(tall.halfHeight()).isCloseTo(4, within(1e-12));

        Ellipse round = Ellipse.of(new double[] {0, 0}, new double[][] {{2.25, 0}, {0, 2.25}}, 2);
        assertThat(round.semiMajor()).isCloseTo(3, within(1e-12));
        assertThat(round.semiMinor()).isCloseTo(3, within(1e-12));
    }

    @Test
    void degenerateCovarianceGivesAFlatEllipseNotNaN() {
        Ellipse line = Ellipse.of(new double[] {0, 0}, new double[][] {{1, 1}, {1, 1 - 1e-17}}, 2);
        assertThat(line.semiMinor()).isCloseTo(0, within(1e-6));
        assertThat(line.semiMajor()).isCloseTo(2 * Math.sqrt(2), within(1e-9));
        assertThat(line.angle()).isCloseTo(Math.PI / 4, within(1e-9));
    }
}
