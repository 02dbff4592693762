package io.lgc.network;

import io.lgc.InputException;
import io.lgc.data.ImageShape;
import io.lgc.data.SampleLayout;
import io.lgc.data.TableColumns;
import java.util.ArrayList;
import java.util.List;

/** The network shapes LGC trains, as declarative specs. */
public final class Architectures {
    /**
     * No decoder stem ({@link #convAutoencoder(ImageShape, int, int, int)}): the linear layer fills
     * all 2 × width channels.
     */
    public static final int NO_STEM = 0;

    private Architectures() {
    }

    /**
     * A convolutional autoencoder for images whose sides are multiples of 4: two stride-2
     * convolutions down to a linear latent; the decoder mirrors it with nearest upsampling and 3×3
     * convolutions. Every convolution whose input needs a gradient has a multiple of 16 filters and
     * the decoder ends in a channel-group mean, avoiding oneDNN's NaN gradients (ENVIRONMENT.md).
     *
     * @param width filters of the first encoder convolution (the second has twice as many)
     */
    public static AutoencoderSpec convAutoencoder(ImageShape image, int latentDim, int width) {
        return convAutoencoder(image, latentDim, width, NO_STEM);
    }

    /**
     * {@link #convAutoencoder(ImageShape, int, int)} whose decoder starts narrow: its linear layer
     * (most of a small decoder's bytes) fills only {@code stem} channels at a quarter of the
     * resolution, and a 3×3 convolution widens them to the 2 × width the upsampling stages take.
     * The encoder, which is not shipped, is the same.
     *
     * @param stem channels of the decoder's linear layer, or {@link #NO_STEM}
     */
    public static AutoencoderSpec convAutoencoder(ImageShape image, int latentDim, int width, int stem) {
        if (image.height() % 4 != 0 || image.width() % 4 != 0) {
            throw new InputException("the convolutional autoencoder needs image sides divisible by 4, got "
                    + image.height() + "x" + image.width());
        }
        if (latentDim <= 0 || width <= 0 || width % 16 != 0 || stem < 0) {
            throw new InputException("latent dimension must be positive, width a multiple of 16 and stem not negative");
        }
        int c = image.channels();
        int h4 = image.height() / 4;
        int w4 = image.width() / 4;
        int wide = 2 * width;
        long flat = (long) wide * h4 * w4;
        NetworkSpec encoder = new NetworkSpec(new long[] {c, image.height(), image.width()}, List.of(
                new Layer.Conv2d(c, width, 3, 2, 1), new Layer.Relu(),
                new Layer.Conv2d(width, wide, 3, 2, 1), new Layer.Relu(),
                new Layer.Reshape(new long[] {flat}),
                new Layer.Linear((int) flat, latentDim)));
        List<Layer> decoder = new ArrayList<>();
        if (stem == NO_STEM) {
            decoder.addAll(List.of(new Layer.Linear(latentDim, (int) flat), new Layer.Relu(),
                    new Layer.Reshape(new long[] {wide, h4, w4})));
        } else {
            int narrow = Math.toIntExact((long) stem * h4 * w4);
            decoder.addAll(List.of(new Layer.Linear(latentDim, narrow), new Layer.Relu(),
                    new Layer.Reshape(new long[] {stem, h4, w4}),
                    new Layer.Conv2d(stem, wide, 3, 1, 1), new Layer.Relu()));
        }
        decoder.addAll(List.of(
                new Layer.Upsample(2), new Layer.Conv2d(wide, width, 3, 1, 1), new Layer.Relu(),
                new Layer.Upsample(2), new Layer.Conv2d(width, 16, 3, 1, 1), new Layer.Relu(),
                new Layer.Conv2d(16, 16 * c, 3, 1, 1),
                new Layer.ChannelGroupMean(c), new Layer.Sigmoid()));
        return new AutoencoderSpec(encoder, new NetworkSpec(new long[] {latentDim}, decoder));
    }

    /** Hidden widths of the dense autoencoder for a table: F → 64 → 32 → k and back. */
    static final int[] TABLE_HIDDEN = {64, 32};
    /** Hidden widths for flattened images, which have hundreds of values where tables have a few. */
    static final int[] IMAGE_HIDDEN = {256, 128};
    /** Hidden units of both layers of the table classifier. */
    static final int MLP_HIDDEN = 64;

    /**
     * A fully connected autoencoder. A table row of F features goes F → 64 → ReLU → 32 → ReLU → k and
     * back to F with a linear output: the features are standardised, so any real value is a valid
     * output and the loss is MSE. An image is flattened first (C·H·W → 256 → 128 → k) and decoded
     * through a sigmoid into [0, 1], as the convolutional decoder's pixels are. No convolution, so
     * none of oneDNN's NaN gradients (ENVIRONMENT.md).
     */
    public static AutoencoderSpec denseAutoencoder(SampleLayout layout, int latentDim) {
        if (latentDim <= 0) {
            throw new InputException("latent dimension must be positive, got " + latentDim);
        }
        boolean table = layout instanceof TableColumns;
        int[] hidden = table ? TABLE_HIDDEN : IMAGE_HIDDEN;
        int flat = layout.size();
        long[] sample = layout.tensorShape();
        List<Layer> encoder = new ArrayList<>();
        if (!table) {
            encoder.add(new Layer.Reshape(new long[] {flat}));
        }
        int in = flat;
        for (int width : hidden) {
            encoder.add(new Layer.Linear(in, width));
            encoder.add(new Layer.Relu());
            in = width;
        }
        encoder.add(new Layer.Linear(in, latentDim));
        List<Layer> decoder = new ArrayList<>();
        in = latentDim;
        for (int i = hidden.length - 1; i >= 0; i--) {
            decoder.add(new Layer.Linear(in, hidden[i]));
            decoder.add(new Layer.Relu());
            in = hidden[i];
        }
        decoder.add(new Layer.Linear(in, flat));
        if (!table) {
            decoder.add(new Layer.Sigmoid());
            decoder.add(new Layer.Reshape(sample));
        }
        return new AutoencoderSpec(new NetworkSpec(sample, encoder), new NetworkSpec(new long[] {latentDim}, decoder));
    }

    /** The classifier of the "fast" protocol: the small CNN for images, the MLP for tables. */
    public static NetworkSpec classifier(SampleLayout layout, int classes) {
        return layout instanceof ImageShape image ? smallCnn(image, classes) : mlp(layout.size(), classes);
    }

    /** A small MLP for standardised table rows: F → 64 → ReLU → 64 → ReLU → classes. */
    public static NetworkSpec mlp(int features, int classes) {
        return new NetworkSpec(new long[] {features}, List.of(
                new Layer.Linear(features, MLP_HIDDEN), new Layer.Relu(),
                new Layer.Linear(MLP_HIDDEN, MLP_HIDDEN), new Layer.Relu(),
                new Layer.Linear(MLP_HIDDEN, classes)));
    }

    /** The fixed small CNN of the "fast" evaluation protocol. */
    public static NetworkSpec smallCnn(ImageShape image, int classes) {
        return smallCnn(image, classes, 32);
    }

    /**
     * A small CNN: two 3×3 convolutions ({@code width}, then 2·width filters, multiples of 16 so
     * they may sit behind a decoder) with max pooling, then a 128-unit hidden layer.
     */
    public static NetworkSpec smallCnn(ImageShape image, int classes, int width) {
        int h4 = image.height() / 4;
        int w4 = image.width() / 4;
        if (h4 == 0 || w4 == 0) {
            throw new InputException("the classifier needs images of at least 4x4, got " + image);
        }
        long flat = 2L * width * h4 * w4;
        return new NetworkSpec(new long[] {image.channels(), image.height(), image.width()}, List.of(
                new Layer.Conv2d(image.channels(), width, 3, 1, 1), new Layer.Relu(), new Layer.MaxPool(2),
                new Layer.Conv2d(width, 2 * width, 3, 1, 1), new Layer.Relu(), new Layer.MaxPool(2),
                new Layer.Reshape(new long[] {flat}),
                new Layer.Linear((int) flat, 128), new Layer.Relu(),
                new Layer.Linear(128, classes)));
    }
}
