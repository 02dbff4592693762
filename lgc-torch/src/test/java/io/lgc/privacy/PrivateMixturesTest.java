package io.lgc.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lgc.gmm.GaussianMixture;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrivateMixturesTest {
    @Test
    void oneGaussianPerClassSpendsItsSharesAtTheGaussianMechanismsSigma() {
        ZcdpLedger ledger = new ZcdpLedger(0.5);
        PrivateMixtures.Sigmas noise = PrivateMixtures.plan(ledger, 0.5, 2, 1, 5, BudgetSplit.DEFAULT);
        // sigma = sensitivity / sqrt(2 rho_step); rho_step = share x 0.5, clip 2
        assertThat(noise.count()).isCloseTo(4.0, within(1e-12)); // 1 / sqrt(2 x 0.0625 x 0.5)
        assertThat(noise.sum()).isCloseTo(3.5777087640, within(1e-9)); // 2 / sqrt(2 x 0.3125 x 0.5)
        assertThat(noise.moment()).isCloseTo(5.0596442563, within(1e-9)); // 4 / sqrt(2 x 0.625 x 0.5)
        assertThat(ledger.spent()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void privateEmSpendsEachIterationItsOwnShare() {
        ZcdpLedger ledger = new ZcdpLedger(0.5);
        PrivateMixtures.Sigmas noise = PrivateMixtures.plan(ledger, 0.5, 2, 3, 2, BudgetSplit.DEFAULT);
        // per iteration: 0.5 x 0.9375 x 0.75 / 2 = 0.17578125 of rho; weights 10 %, sums 30 %, moments 60 %
        assertThat(noise.weights()).hasSize(2);
        assertThat(noise.weights()[1]).isCloseTo(5.3333333333, within(1e-9)); // 1 / sqrt(2 x 0.017578125)
        assertThat(noise.sums()[0]).isCloseTo(6.1584028714, within(1e-9)); // 2 / sqrt(2 x 0.052734375)
        assertThat(noise.moments()[1]).isCloseTo(8.7092968632, within(1e-9)); // 4 / sqrt(2 x 0.10546875)
        assertThat(noise.sum()).isCloseTo(7.1554175280, within(1e-9)); // start: 2 / sqrt(2 x 0.5 x 0.9375 x 0.25 / 3)
        assertThat(ledger.spends()).hasSize(3 + 2 * 3);
        assertThat(ledger.spent()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void anotherSplitGivesEachStatisticItsShareOfTheBudget() {
        ZcdpLedger ledger = new ZcdpLedger(0.5);
        PrivateMixtures.Sigmas noise = PrivateMixtures.plan(ledger, 0.5, 2, 1, 5, new BudgetSplit(1, 1, 2));
        // shares 1/4, 1/4, 1/2 of rho 0.5
        assertThat(noise.count()).isCloseTo(2.0, within(1e-12)); // 1 / sqrt(2 x 0.125)
        assertThat(noise.sum()).isCloseTo(4.0, within(1e-12)); // 2 / sqrt(2 x 0.125)
        assertThat(noise.moment()).isCloseTo(5.6568542495, within(1e-9)); // 4 / sqrt(2 x 0.25)
        assertThat(ledger.spent()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void privateEmKeepsTheSplitsCountShareAndSumsToMomentsRatio() {
        ZcdpLedger ledger = new ZcdpLedger(0.5);
        PrivateMixtures.Sigmas noise = PrivateMixtures.plan(ledger, 0.5, 2, 3, 2, new BudgetSplit(1, 1, 3));
        // counts 0.2 x 0.5 = 0.1; the rest 0.4: start 0.1 (sums 1/4 of it), each of 2 iterations 0.15
        assertThat(noise.count()).isCloseTo(2.2360679775, within(1e-9)); // 1 / sqrt(2 x 0.1)
        assertThat(noise.sum()).isCloseTo(8.9442719100, within(1e-9)); // 2 / sqrt(2 x 0.025)
        assertThat(noise.weights()[0]).isCloseTo(5.7735026919, within(1e-9)); // 1 / sqrt(2 x 0.015)
        assertThat(noise.sums()[1]).isCloseTo(7.6980035892, within(1e-9)); // 2 / sqrt(2 x 0.15 x 0.9 x 0.25)
        assertThat(noise.moments()[0]).isCloseTo(8.8888888889, within(1e-9)); // 4 / sqrt(2 x 0.15 x 0.9 x 0.75)
        assertThat(ledger.spent()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aPartitionSpendsTheBudgetOnceForAllComponents() {
        ZcdpLedger ledger = new ZcdpLedger(0.5);
        PrivateMixtures.Sigmas noise = PrivateMixtures.planPartitioned(ledger, 0.5, 2, new BudgetSplit(1, 1, 2),
                false);
        assertThat(noise.count()).isCloseTo(2.0, within(1e-12)); // 1 / sqrt(2 x 0.125)
        assertThat(noise.sum()).isCloseTo(4.0, within(1e-12)); // 2 / sqrt(2 x 0.125)
        assertThat(noise.moment()).isCloseTo(5.6568542495, within(1e-9)); // 4 / sqrt(2 x 0.25)
        assertThat(ledger.spends()).hasSize(3);
        assertThat(ledger.spent()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void withAnEnormousBudgetAPartitionGivesEachComponentItsRecordsMoments() {
        double[][] z = twoClusters(400, 1);
        int[] cells = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            cells[i] = z[i][0] < 0 ? 0 : 1;
        }
        PrivateMixtures.Sigmas noise = PrivateMixtures.planPartitioned(new ZcdpLedger(1e12), 1e12, 2,
                BudgetSplit.DEFAULT, false);
        int[] counts = new int[1];
        GaussianMixture m = PrivateMixtures.partitioned(new double[][][] {z}, new int[][] {cells}, new int[] {2},
                noise, new double[] {5, 5}, counts, DpNoise.replayable(1)).get(0);
        assertThat(counts[0]).isEqualTo(800);
        assertThat(m.components()).isEqualTo(2);
        assertThat(m.means()[0][0]).isCloseTo(4, within(0.02)); // the centre is added back
        assertThat(m.means()[1][0]).isCloseTo(6, within(0.02));
        assertThat(m.weights()[0]).isCloseTo(0.5, within(1e-6));
        assertThat(m.covariancesFlat()[3]).isCloseTo(0.01, within(0.003)); // variance 0.1 squared on the second axis
    }

    @Test
    void alongPublicAxesTheCovarianceHasTheRecordsVariancesOnThoseAxes() {
        // points spread 1 along (1, 1)/sqrt 2 and 0.1 along (1, -1)/sqrt 2; the public axes are those two
        SplittableRandom r = new SplittableRandom(4);
        double[][] z = new double[2000][];
        double h = Math.sqrt(0.5);
        for (int i = 0; i < z.length; i++) {
            double a = r.nextGaussian();
            double b = 0.1 * r.nextGaussian();
            z[i] = new double[] {h * (a + b), h * (a - b)};
        }
        double[][][][] axes = {{{{h, h}, {h, -h}}}};
        PrivateMixtures.Sigmas noise = PrivateMixtures.planPartitioned(new ZcdpLedger(1e12), 1e12, 10,
                BudgetSplit.DEFAULT, true);
        GaussianMixture m = PrivateMixtures.partitioned(new double[][][] {z}, new int[][] {new int[z.length]},
                new int[] {1}, axes, noise, new double[2], new int[1], DpNoise.replayable(1)).get(0);
        double[] cov = m.covariancesFlat();
        // (1 + 0.01) / 2 on the diagonal, (1 - 0.01) / 2 off it, up to sampling error
        assertThat(cov[0]).isCloseTo(0.505, within(0.04));
        assertThat(cov[1]).isCloseTo(0.495, within(0.04));
        // the small axis keeps its own variance: along (1, -1)/sqrt 2
        double small = 0.5 * (cov[0] - cov[1] - cov[2] + cov[3]);
        assertThat(small).isCloseTo(0.01, within(0.002));
    }

    @Test
    void principalAxesAreTheEigenvectorsOfEachPublicComponent() {
        GaussianMixture pub = GaussianMixture.fromParameters(io.lgc.gmm.CovarianceType.FULL, new double[] {1},
                new double[][] {{0, 0}}, new double[] {2, 0, 0, 5});
        double[][] axes = PrivateMixtures.principalAxes(java.util.List.of(pub))[0][0];
        assertThat(Math.abs(axes[0][1])).isCloseTo(1, within(1e-12)); // largest first: the second coordinate
        assertThat(Math.abs(axes[1][0])).isCloseTo(1, within(1e-12));
    }

    @Test
    void theLedgerRefusesToSpendMoreThanTheBudget() {
        ZcdpLedger ledger = new ZcdpLedger(1);
        ledger.gaussian("a", 1, 0.7);
        assertThatThrownBy(() -> ledger.gaussian("b", 1, 0.31)).hasMessageContaining("b would spend 0.31");
    }

    @Test
    void withAnEnormousBudgetPrivateEmFindsTwoClustersOfOneClass() {
        double[][] z = twoClusters(400, 1);
        PrivateMixtures.Sigmas noise = PrivateMixtures.plan(new ZcdpLedger(1e12), 1e12, 2, 2, 8, BudgetSplit.DEFAULT);
        GaussianMixture m = PrivateMixtures.fit(z, z.length, 2, noise, new double[] {5, 5}, DpNoise.replayable(3), new SplittableRandom(3));
        double[][] means = m.means();
        Arrays.sort(means, Comparator.comparingDouble(v -> v[0]));
        // the centre is added back
        assertThat(means[0][0]).isCloseTo(4, within(0.05));
        assertThat(means[1][0]).isCloseTo(6, within(0.05));
        assertThat(means[0][1]).isCloseTo(5, within(0.05));
        assertThat(m.weights()[0]).isCloseTo(0.5, within(0.05));
    }

    @Test
    void aSmallBudgetBlursTheClustersAndAGivenNoiseSeedReplaysTheNoise() {
        double[][] z = twoClusters(400, 1);
        PrivateMixtures.Sigmas noise = PrivateMixtures.plan(new ZcdpLedger(0.01), 0.01, 2, 2, 5, BudgetSplit.DEFAULT);
        GaussianMixture a = PrivateMixtures.fit(z, z.length, 2, noise, new double[2], DpNoise.replayable(1), new SplittableRandom(1));
        GaussianMixture again = PrivateMixtures.fit(z, z.length, 2, noise, new double[2], DpNoise.replayable(1), new SplittableRandom(1));
        GaussianMixture other = PrivateMixtures.fit(z, z.length, 2, noise, new double[2], DpNoise.replayable(2), new SplittableRandom(2));
        assertThat(again.means()[0]).containsExactly(a.means()[0]);
        assertThat(other.means()[0]).isNotEqualTo(a.means()[0]);
    }

    @Test
    void aClassWithoutRecordsGetsAMixtureOfNoise() {
        PrivateMixtures.Sigmas noise = PrivateMixtures.plan(new ZcdpLedger(1), 1, 2, 3, 2, BudgetSplit.DEFAULT);
        GaussianMixture m = PrivateMixtures.fit(new double[0][], 1, 3, noise, new double[2], DpNoise.replayable(1), new SplittableRandom(1));
        assertThat(m.components()).isEqualTo(3);
    }

    @Test
    void weightsFromNoisyCountsSumToOneAndNoneIsNegative() {
        double[] w = PrivateMixtures.normalised(new double[] {30, -5, 10});
        assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-12));
        assertThat(w[0]).isCloseTo(0.75, within(1e-5));
        assertThat(w[1]).isGreaterThan(0).isLessThan(1e-5);
    }

    /** Points around (-1, 0) and (1, 0), spread 0.1, within norm 2. */
    private static double[][] twoClusters(int perCluster, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] z = new double[2 * perCluster][];
        for (int i = 0; i < z.length; i++) {
            z[i] = new double[] {(i % 2 == 0 ? -1 : 1) + 0.1 * r.nextGaussian(), 0.1 * r.nextGaussian()};
        }
        return z;
    }
}
