package io.lgc.eval.baseline;

import io.lgc.data.Dataset;

/**
 * Real images chosen from a dataset by a {@link BaselineMethod} within a {@link ByteBudget}: what
 * the same bytes buy when spent on the data itself instead of on a compressed artifact.
 *
 * @param perClass images per class the budget buys
 * @param subset the chosen images with their labels, in dataset order
 */
public record Baseline(BaselineMethod method, ByteBudget budget, int perClass, Dataset subset) {

    /** Chooses images of {@code dataset} with {@code method} for {@code budget}. */
    public static Baseline choose(Dataset dataset, BaselineMethod method, ByteBudget budget, long seed) {
        int perClass = budget.perClass(dataset);
        return new Baseline(method, budget, perClass, dataset.subset(method.select(dataset, perClass, seed)));
    }

    /** Bytes of uint8 pixels the chosen images hold (at most the budget). */
    public long pixelBytes() {
        return (long) subset.size() * subset.shape().size();
    }

    /** Images chosen of each class: {@link #perClass()} unless the class has fewer. */
    public int[] classCounts() {
        return subset.classCounts();
    }
}
