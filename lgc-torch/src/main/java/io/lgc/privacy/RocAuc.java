package io.lgc.privacy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Area under the ROC curve of an attack that scores records, higher meaning "more likely a
 * member": the probability that a random member outscores a random non-member, ties counting half
 * (the Mann–Whitney statistic; scikit-learn's {@code roc_auc_score} gives the same number).
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** AUC of {@code members} against {@code nonMembers}. */
    public static double auc(double[] members, double[] nonMembers) {
        if (members.length == 0 || nonMembers.length == 0) {
            throw new IllegalArgumentException("an AUC needs members and non-members");
        }
        int n = members.length + nonMembers.length;
        double[] all = new double[n];
        System.arraycopy(members, 0, all, 0, members.length);
        System.arraycopy(nonMembers, 0, all, members.length, nonMembers.length);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        double memberRankSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1; // ties share the mean of their ranks
            for (int k = i; k <= j; k++) {
                if (order[k] < members.length) {
                    memberRankSum += averageRank;
                }
            }
            i = j + 1;
        }
        double m = members.length;
        return (memberRankSum - m * (m + 1) / 2) / (m * nonMembers.length);
    }

    /**
     * A percentile bootstrap interval: members and non-members resampled with replacement
     * {@code rounds} times from {@code seed}; returns {lower, upper} at the given coverage.
     */
    public static double[] bootstrapInterval(double[] members, double[] nonMembers, int rounds, double coverage,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] aucs = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            aucs[r] = auc(resample(members, random), resample(nonMembers, random));
        }
        Arrays.sort(aucs);
        double tail = (1 - coverage) / 2;
        return new double[] {Stats.quantileOfSorted(aucs, tail), Stats.quantileOfSorted(aucs, 1 - tail)};
    }

    private static double[] resample(double[] values, SplittableRandom random) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[random.nextInt(values.length)];
        }
        return out;
    }
}
