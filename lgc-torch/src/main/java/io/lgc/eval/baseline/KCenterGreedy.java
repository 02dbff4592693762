package io.lgc.eval.baseline;

import java.util.Arrays;
import java.util.Random;

/**
 * Greedy k-center (Gonzalez's farthest-point traversal): start from a seeded random image, then
 * repeatedly add the image farthest from everything chosen so far. The chosen images cover the
 * class with the smallest radius within a factor of two of the best. O(n · count) distances.
 */
final class KCenterGreedy {
    private KCenterGreedy() {
    }

    static int[] select(byte[][] images, int count, long seed) {
        int n = images.length;
        int[] chosen = new int[count];
        if (count == 0) {
            return chosen;
        }
        // Squared distance of each image to its nearest chosen one; -1 marks the chosen.
        long[] nearest = new long[n];
        Arrays.fill(nearest, Long.MAX_VALUE);
        int next = new Random(seed).nextInt(n);
        for (int k = 0; k < count; k++) {
            chosen[k] = next;
            nearest[next] = -1;
            int farthest = -1;
            for (int i = 0; i < n; i++) {
                if (nearest[i] < 0) {
                    continue;
                }
                nearest[i] = Math.min(nearest[i], ClassImages.squaredDistance(images[i], images[next]));
                if (farthest < 0 || nearest[i] > nearest[farthest]) { // ties: the lowest position
                    farthest = i;
                }
            }
            next = farthest;
        }
        return chosen;
    }
}
