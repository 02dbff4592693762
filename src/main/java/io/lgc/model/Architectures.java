package io.lgc.model;

import io.lgc.InputException;
import io.lgc.data.ImageShape;
import java.util.List;

/** The network shapes LGC trains, as declarative specs. */
public final class Architectures {
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
        if (image.height() % 4 != 0 || image.width() % 4 != 0) {
            throw new InputException("the convolutional autoencoder needs image sides divisible by 4, got "
                    + image.height() + "x" + image.width());
        }
        if (latentDim <= 0 || width <= 0 || width % 16 != 0) {
            throw new InputException("latent dimension must be positive and width a multiple of 16");
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
        NetworkSpec decoder = new NetworkSpec(new long[] {latentDim}, List.of(
                new Layer.Linear(latentDim, (int) flat), new Layer.Relu(),
                new Layer.Reshape(new long[] {wide, h4, w4}),
                new Layer.Upsample(2), new Layer.Conv2d(wide, width, 3, 1, 1), new Layer.Relu(),
                new Layer.Upsample(2), new Layer.Conv2d(width, 16, 3, 1, 1), new Layer.Relu(),
                new Layer.Conv2d(16, 16 * c, 3, 1, 1),
                new Layer.ChannelGroupMean(c), new Layer.Sigmoid()));
        return new AutoencoderSpec(encoder, decoder);
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
