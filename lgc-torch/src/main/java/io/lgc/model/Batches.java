package io.lgc.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import java.util.Random;

/** Turns dataset samples into float tensors and orders them for training. */
public final class Batches {
    private Batches() {
    }

    /**
     * Samples {@code order[from..to)} as network input: images as an [n, c, h, w] tensor scaled to
     * [0, 1], table rows as an [n, features] tensor of their values.
     */
    public static NDArray inputs(NDManager manager, LabelledData data, int[] order, int from, int to) {
        return inputs(manager, data, order, from, to, Augmentation.none());
    }

    /** As above, each image changed by {@code augmentation} before it becomes a tensor. */
    public static NDArray inputs(NDManager manager, LabelledData data, int[] order, int from, int to,
            Augmentation augmentation) {
        long[] sample = data.layout().tensorShape();
        float[] values = new float[(to - from) * data.layout().size()];
        data.inputs(order, from, to, values);
        augmentation.apply(values, to - from);
        long[] dims = new long[sample.length + 1];
        dims[0] = to - from;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        return manager.create(values, new Shape(dims));
    }

    /** Images {@code order[from..to)} as an [n, c, h, w] tensor scaled to [0, 1]. */
    public static NDArray images(NDManager manager, Dataset data, int[] order, int from, int to) {
        return inputs(manager, data, order, from, to);
    }

    /** Labels {@code order[from..to)} as an int tensor. */
    public static NDArray labels(NDManager manager, LabelledData data, int[] order, int from, int to) {
        int[] values = new int[to - from];
        int[] labels = data.labels();
        for (int i = from; i < to; i++) {
            values[i - from] = labels[order[i]];
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
