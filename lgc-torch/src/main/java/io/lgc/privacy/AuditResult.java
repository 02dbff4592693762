package io.lgc.privacy;

import java.util.List;

/**
 * What an artifact's samples reveal about the records it was made from, measured against records
 * it was not made from. Distances are Euclidean, in the space of {@link Rows}.
 *
 * @param samples decoded samples drawn from the artifact
 * @param records records used on each side: random subsets of the training set and of the holdout,
 *     both as large as the smaller of the two, so that neither side is closer by numbers alone
 * @param dcrTrain samples' distance to their closest training record: median and 5th percentile
 * @param dcrHoldout samples' distance to their closest holdout record: median and 5th percentile
 * @param holdoutToTrain the holdout's own distance to its closest training record: median, 5th percentile
 * @param shareCloserToTrain share of samples closer to a training record than to any holdout record
 *     (ties count half): 0.5 when the artifact keeps nothing of its own records
 * @param baselineProtection median sample DCR over the holdout's median DCR to training: about 1
 *     or more when samples are no closer to the records than unseen real data is
 * @param nndrMedian median over samples of nearest / second-nearest training distance (small: a
 *     sample sits on one record rather than among several)
 * @param exactCopies samples equal to a training record
 * @param nearCopies samples closer to a training record than the 1st percentile of the holdout's
 *     distances to training (no real unseen record comes that close, 99 times in 100)
 * @param closestPairs the closest (sample, training record) pairs, closest first
 * @param attacks membership-inference attacks: by distance to the nearest sample, and by the file's own
 *     density through an encoder learned from the file
 * @param features the distance measures again in a feature space ({@link RandomFeatures}); null for
 *     tables and images too small for it
 */
public record AuditResult(int samples, int records, Quantiles dcrTrain, Quantiles dcrHoldout,
        Quantiles holdoutToTrain, double shareCloserToTrain, double baselineProtection, double nndrMedian,
        int exactCopies, int nearCopies, List<Pair> closestPairs, List<Attack> attacks, Space features) {
    public AuditResult {
        closestPairs = List.copyOf(closestPairs);
        attacks = List.copyOf(attacks);
    }

    /** The attack by distance to the nearest sample. */
    public Attack distanceAttack() {
        return attacks.get(0);
    }

    /** The distance measures of one space, as above, with the attack by distance to the nearest sample. */
    public record Space(String name, Quantiles dcrTrain, Quantiles dcrHoldout, Quantiles holdoutToTrain,
            double shareCloserToTrain, double baselineProtection, double nndrMedian, int exactCopies, int nearCopies,
            Attack distanceAttack) {
    }

    /** A median and a 5th percentile. */
    public record Quantiles(double median, double p5) {
    }

    /** Sample {@code sample} is {@code distance} from training record {@code record} (its index in the training set). */
    public record Pair(int sample, int record, double distance) {
    }

    /** An attack's ROC AUC (0.5 = it learns nothing) and its bootstrap 95 % interval. */
    public record Attack(String name, double auc, double lower, double upper) {
    }
}
