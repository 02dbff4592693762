package io.lgc.eval.baseline;

import java.util.Arrays;
import java.util.Random;

/** {@code count} of {@code n} positions uniformly at random, without replacement. */
final class RandomSubset {
    private RandomSubset() {
    }

    /** The first steps of a seeded Fisher–Yates shuffle; {@link Random} is the same on every JVM. */
    static int[] select(int n, int count, long seed) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return Arrays.copyOf(order, count);
    }
}
