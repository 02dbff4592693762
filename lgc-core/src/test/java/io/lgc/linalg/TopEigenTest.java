package io.lgc.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Subspace iteration agrees with the full Jacobi decomposition on the leading eigenpairs. */
class TopEigenTest {

    /** A random covariance-like matrix XᵀX/n with a spread-out spectrum. */
    private static double[][] gram(int n, int rows, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[rows][n];
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian() * (1.0 + 3.0 * Math.exp(-j / 4.0));
            }
        }
        double[][] g = new double[n][n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    g[i][j] += row[i] * row[j] / rows;
                }
            }
        }
        return g;
    }

    @Test
    void leadingEigenpairsMatchJacobi() {
        double[][] m = gram(40, 400, 3);
        SymmetricEigen full = SymmetricEigen.of(m);
        TopEigen top = TopEigen.of(m, 6, 11);
        for (int r = 0; r < 6; r++) {
            assertThat(top.values()[r]).isCloseTo(full.values()[r], within(1e-9 * full.values()[0]));
            for (int i = 0; i < 40; i++) {
                assertThat(top.vectors()[r][i]).as("vector %d entry %d", r, i)
                        .isCloseTo(full.vectors()[r][i], within(1e-6));
            }
        }
    }

    @Test
    void vectorsAreOrthonormal() {
        TopEigen top = TopEigen.of(gram(30, 200, 5), 8, 1);
        for (int a = 0; a < 8; a++) {
            for (int b = 0; b < 8; b++) {
                double dot = 0;
                for (int i = 0; i < 30; i++) {
                    dot += top.vectors()[a][i] * top.vectors()[b][i];
                }
                assertThat(dot).isCloseTo(a == b ? 1.0 : 0.0, within(1e-10));
            }
        }
    }

    @Test
    void sameSeedSameResultAndAnyCountUpToTheSize() {
        double[][] m = gram(12, 50, 9);
        TopEigen a = TopEigen.of(m, 12, 4);
        TopEigen b = TopEigen.of(m, 12, 4);
        assertThat(a.vectors()).isDeepEqualTo(b.vectors());
        assertThat(a.values()[11]).isCloseTo(SymmetricEigen.of(m).values()[11], within(1e-9));
    }

    @Test
    void rankDeficientMatrixGivesZeroTrailingValues() {
        double[][] m = gram(20, 3, 2); // rank 3
        TopEigen top = TopEigen.of(m, 5, 1);
        assertThat(top.values()[2]).isGreaterThan(1e-6);
        assertThat(top.values()[3]).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void rejectsImpossibleCounts() {
        double[][] m = gram(5, 10, 1);
        assertThatThrownBy(() -> TopEigen.of(m, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopEigen.of(m, 6, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
