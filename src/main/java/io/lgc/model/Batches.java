package io.lgc.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.lgc.data.Dataset;
import java.util.Random;

/** Turns dataset samples into float tensors in [0, 1] and orders them for training. */
public final class Batches {
    private static final float INV_255 = 1f / 255f;

    private Batches() {
    }

    /** Images {@code order[from..to)} as an [n, c, h, w] tensor scaled to [0, 1]. */
    public static NDArray images(NDManager manager, Dataset data, int[] order, int from, int to) {
        int d = data.shape().size();
        float[] values = new float[(to - from) * d];
        byte[] px = data.pixels();
        for (int i = from; i < to; i++) {
            int src = order[i] * d;
            int dst = (i - from) * d;
            for (int j = 0; j < d; j++) {
                values[dst + j] = (px[src + j] & 0xFF) * INV_255;
            }
        }
        var s = data.shape();
        return manager.create(values, new Shape(to - from, s.channels(), s.height(), s.width()));
    }

    /** Labels {@code order[from..to)} as an int tensor. */
    public static NDArray labels(NDManager manager, Dataset data, int[] order, int from, int to) {
        int[] values = new int[to - from];
        for (int i = from; i < to; i++) {
            values[i - from] = data.labels()[order[i]];
        }
        return manager.create(values);
    }

    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** A Fisher–Yates shuffle of {@code order} in place. */
    public static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
