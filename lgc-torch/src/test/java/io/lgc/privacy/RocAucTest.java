package io.lgc.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocAucTest {
    @Test
    void countsPairsWonWithTiesAsHalf() {
        // 9 pairs: 0.8 beats 0.1 and 0.35; 0.4 beats 0.1 and 0.35; 0.35 beats 0.1 and ties 0.35 -> 5.5 / 9
        assertThat(RocAuc.auc(new double[] {0.8, 0.4, 0.35}, new double[] {0.1, 0.35, 0.9}))
                .isCloseTo(5.5 / 9, within(1e-12));
    }

    @Test
    void separationGivesOneReversedZeroAndIndistinguishableOneHalf() {
        assertThat(RocAuc.auc(new double[] {5, 6}, new double[] {1, 2, 3})).isEqualTo(1.0);
        assertThat(RocAuc.auc(new double[] {1, 2}, new double[] {5, 6, 7})).isEqualTo(0.0);
        assertThat(RocAuc.auc(new double[] {3, 3, 3}, new double[] {3, 3})).isEqualTo(0.5);
    }

    @Test
    void agreesWithCountingEveryPair() {
        Random r = new Random(4);
        double[] m = new double[300];
        double[] n = new double[200];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.round(r.nextGaussian() * 4 + 1) / 4.0; // coarse, so ties occur
        }
        for (int i = 0; i < n.length; i++) {
            n[i] = Math.round(r.nextGaussian() * 4) / 4.0;
        }
        double wins = 0;
        for (double a : m) {
            for (double b : n) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        assertThat(RocAuc.auc(m, n)).isCloseTo(wins / (m.length * n.length), within(1e-12));
    }

    @Test
    void theBootstrapIntervalIsSeededAndHoldsTheEstimate() {
        Random r = new Random(5);
        double[] m = new double[400];
        double[] n = new double[400];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextGaussian() + 0.5;
            n[i] = r.nextGaussian();
        }
        double auc = RocAuc.auc(m, n);
        double[] a = RocAuc.bootstrapInterval(m, n, 200, 0.95, 9);
        assertThat(RocAuc.bootstrapInterval(m, n, 200, 0.95, 9)).containsExactly(a);
        assertThat(a[0]).isLessThan(auc);
        assertThat(a[1]).isGreaterThan(auc);
        assertThat(a[1] - a[0]).isBetween(0.02, 0.15);
    }
}
