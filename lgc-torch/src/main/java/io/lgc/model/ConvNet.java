package io.lgc.model;

import io.lgc.network.NetworkSpec;
import io.lgc.network.Layer;

import io.lgc.InputException;
import io.lgc.data.ImageShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The ConvNet of the dataset-distillation literature (Zhao et al., "Dataset Condensation with
 * Gradient Matching", and the papers that compare against it): {@code depth} blocks of
 * 3×3 convolution ({@code width} filters, padding 1) → instance norm → ReLU → 2×2 average
 * pooling, then one linear layer on the flattened features. On 28×28 images the sides go
 * 28 → 14 → 7 → 3, so the head sees width·3·3 features.
 *
 * <p>Every convolution has {@code width} filters; only the first sees the image, which never needs
 * a gradient, so oneDNN's NaN trap for narrow convolutions (ENVIRONMENT.md) is out of reach when
 * width is a multiple of 16.
 */
public final class ConvNet {
    /** Depth and width of the standard ConvNet ("ConvNetD3", width 128). */
    public static final int DEPTH = 3;
    public static final int WIDTH = 128;

    private ConvNet() {
    }

    /** The standard ConvNet: depth 3, width 128. */
    public static NetworkSpec spec(ImageShape image, int classes) {
        return spec(image, classes, DEPTH, WIDTH);
    }

    public static NetworkSpec spec(ImageShape image, int classes, int depth, int width) {
        if (depth <= 0 || width <= 0 || width % 16 != 0) {
            throw new InputException("ConvNet needs a positive depth and a width that is a multiple of 16, got depth "
                    + depth + ", width " + width);
        }
        if (classes <= 0) {
            throw new InputException("ConvNet needs at least one class");
        }
        long h = image.height();
        long w = image.width();
        List<Layer> layers = new ArrayList<>();
        int in = image.channels();
        for (int block = 0; block < depth; block++) {
            if (h < 2 || w < 2) {
                throw new InputException("images of " + image + " are too small for a ConvNet of depth " + depth);
            }
            layers.add(new Layer.Conv2d(in, width, 3, 1, 1));
            layers.add(new Layer.InstanceNorm(width));
            layers.add(new Layer.Relu());
            layers.add(new Layer.AvgPool(2));
            in = width;
            h /= 2;
            w /= 2;
        }
        long features = width * h * w;
        layers.add(new Layer.Reshape(new long[] {features}));
        layers.add(new Layer.Linear((int) features, classes));
        return new NetworkSpec(new long[] {image.channels(), image.height(), image.width()}, layers);
    }
}
