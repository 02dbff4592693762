package io.lgc.data;

import java.util.List;
import java.util.Objects;

/**
 * A labelled image dataset held in memory as uint8 pixels.
 *
 * <p>{@code pixels} holds {@code size()} samples one after the other, each {@code shape.size()}
 * bytes in CHW order, read as unsigned. Labels are class indices into {@code classNames}.
 * The arrays are not copied: a dataset is built once by a reader and then only read.
 */
public record Dataset(byte[] pixels, int[] labels, List<String> classNames, ImageShape shape)
        implements LabelledData {
    private static final float INV_255 = 1f / 255f;

    public Dataset {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(shape, "shape");
        classNames = List.copyOf(classNames);
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes, expected "
                    + labels.length + " samples of " + shape.size());
        }
        LabelledData.checkLabels(labels, classNames);
    }

    @Override
    public SampleLayout layout() {
        return shape;
    }

    /** Pixels scaled to [0, 1]. */
    @Override
    public void inputs(int[] order, int from, int to, float[] into) {
        int d = shape.size();
        for (int i = from; i < to; i++) {
            int src = order[i] * d;
            int dst = (i - from) * d;
            for (int j = 0; j < d; j++) {
                into[dst + j] = (pixels[src + j] & 0xFF) * INV_255;
            }
        }
    }

    /** The samples at the given indices, in that order. */
    @Override
    public Dataset subset(int[] indices) {
        int d = shape.size();
        byte[] px = new byte[indices.length * d];
        int[] lb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * d, px, i * d, d);
            lb[i] = labels[indices[i]];
        }
        return new Dataset(px, lb, classNames, shape);
    }

    /** The same samples under other class names, one for every label in use. */
    public Dataset withClassNames(List<String> names) {
        return new Dataset(pixels, labels, names, shape);
    }
}
