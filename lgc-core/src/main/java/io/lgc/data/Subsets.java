package io.lgc.data;

import java.util.Arrays;
import java.util.Random;

/** Deterministic subsets of a dataset, in dataset order. */
public final class Subsets {
    private Subsets() {}

    /**
     * The first {@code perClass} samples of every class (all of a class that has fewer), kept in
     * dataset order: the same subset on every run, with no seed to record.
     */
    public static Dataset stratifiedFirst(Dataset dataset, int perClass) {
        if (perClass < 0) {
            throw new IllegalArgumentException("perClass must not be negative, got " + perClass);
        }
        int[] taken = new int[dataset.numClasses()];
        int[] keep = new int[dataset.size()];
        int kept = 0;
        for (int i = 0; i < dataset.size(); i++) {
            int label = dataset.labels()[i];
            if (taken[label] < perClass) {
                taken[label]++;
                keep[kept++] = i;
            }
        }
        return dataset.subset(Arrays.copyOf(keep, kept));
    }

    /**
     * {@code n} samples drawn without replacement (the whole dataset when it has no more), kept in
     * dataset order. {@link java.util.Random}'s algorithm is fixed by its specification, so a seed
     * gives the same subset on every Java platform.
     */
    public static Dataset random(Dataset dataset, int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        int size = dataset.size();
        int take = Math.min(n, size);
        int[] order = new int[size];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int i = 0; i < take; i++) { // the first steps of a Fisher–Yates shuffle
            int j = i + random.nextInt(size - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] chosen = Arrays.copyOf(order, take);
        Arrays.sort(chosen);
        return dataset.subset(chosen);
    }
}
