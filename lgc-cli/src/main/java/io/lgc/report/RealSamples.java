package io.lgc.report;

import io.lgc.data.Dataset;
import java.util.Arrays;
import java.util.Random;

/** A seeded handful of real samples per class, to set beside the decoded ones. */
final class RealSamples {
    private RealSamples() {
    }

    /** Up to {@code perClass} uint8 CHW samples of each class (fewer when a class has fewer). */
    static byte[][] pick(Dataset data, int perClass, long seed) {
        int size = data.shape().size();
        byte[][] out = new byte[data.numClasses()][];
        for (int c = 0; c < data.numClasses(); c++) {
            int[] indices = data.indicesOf(c);
            Random random = new Random(seed * 1_000_003L + c);
            int take = Math.min(perClass, indices.length);
            for (int i = 0; i < take; i++) { // the first steps of a Fisher–Yates shuffle
                int j = i + random.nextInt(indices.length - i);
                int swap = indices[i];
                indices[i] = indices[j];
                indices[j] = swap;
            }
            int[] chosen = Arrays.copyOf(indices, take);
            out[c] = new byte[take * size];
            for (int i = 0; i < take; i++) {
                System.arraycopy(data.pixels(), chosen[i] * size, out[c], i * size, size);
            }
        }
        return out;
    }
}
