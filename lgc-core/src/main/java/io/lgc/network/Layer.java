package io.lgc.network;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.InputException;

/**
 * One layer of a network described declaratively, so that a network can be stored as data
 * (in the artifact's header) and rebuilt by any reader, in Java or elsewhere.
 *
 * <p>Shapes exclude the batch axis: a vector is {@code [n]}, an image {@code [c, h, w]}.
 */
public sealed interface Layer {

    /** The shape this layer produces from {@code input}; rejects inputs it cannot take. */
    long[] outputShape(long[] input);

    /** Names of the trainable tensors this layer owns, in storage order. */
    default String[] parameterNames() {
        return new String[0];
    }

    /** Shapes of the trainable tensors, in the order of {@link #parameterNames()}. */
    default long[][] parameterShapes() {
        return new long[0][];
    }

    JsonObject toJson();

    /** y = W·x + b with W of shape [out, in]. */
    record Linear(int in, int out) implements Layer {
        public Linear {
            requirePositive("linear", in, out);
        }

        @Override
        public long[] outputShape(long[] input) {
            require(input.length == 1 && input[0] == in, "linear expects [" + in + "]", input);
            return new long[] {out};
        }

        @Override
        public String[] parameterNames() {
            return new String[] {"weight", "bias"};
        }

        @Override
        public long[][] parameterShapes() {
            return new long[][] {{out, in}, {out}};
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = op("linear");
            o.addProperty("in", in);
            o.addProperty("out", out);
            return o;
        }
    }

    /** A square convolution with stride and zero padding; weight [out, in, k, k]. */
    record Conv2d(int in, int out, int kernel, int stride, int padding) implements Layer {
        public Conv2d {
            requirePositive("conv2d", in, out, kernel, stride);
            if (padding < 0) {
                throw new InputException("conv2d padding must be >= 0, got " + padding);
            }
        }

        @Override
        public long[] outputShape(long[] input) {
            require(input.length == 3 && input[0] == in, "conv2d expects [" + in + ", h, w]", input);
            // checked before dividing: Java's division truncates towards zero, so (-1) / 2 + 1 would be 1
            require(input[1] + 2L * padding >= kernel && input[2] + 2L * padding >= kernel,
                    "conv2d with kernel " + kernel + " and padding " + padding + " has no output for input", input);
            long h = (input[1] + 2L * padding - kernel) / stride + 1;
            long w = (input[2] + 2L * padding - kernel) / stride + 1;
            return new long[] {out, h, w};
        }

        @Override
        public String[] parameterNames() {
            return new String[] {"weight", "bias"};
        }

        @Override
        public long[][] parameterShapes() {
            return new long[][] {{out, in, kernel, kernel}, {out}};
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = op("conv2d");
            o.addProperty("in", in);
            o.addProperty("out", out);
            o.addProperty("kernel", kernel);
            o.addProperty("stride", stride);
            o.addProperty("padding", padding);
            return o;
        }
    }

    /** max(0, x). */
    record Relu() implements Layer {
        @Override
        public long[] outputShape(long[] input) {
            return input.clone();
        }

        @Override
        public JsonObject toJson() {
            return op("relu");
        }
    }

    /** 1 / (1 + exp(-x)). */
    record Sigmoid() implements Layer {
        @Override
        public long[] outputShape(long[] input) {
            return input.clone();
        }

        @Override
        public JsonObject toJson() {
            return op("sigmoid");
        }
    }

    /** Row-major reshape of each sample (C order, as numpy and PyTorch do). */
    record Reshape(long[] shape) implements Layer {
        public Reshape {
            shape = shape.clone();
            for (long s : shape) {
                if (s <= 0) {
                    throw new InputException("reshape dimensions must be positive");
                }
            }
        }

        @Override
        public long[] outputShape(long[] input) {
            require(product(input) == product(shape), "reshape to " + java.util.Arrays.toString(shape)
                    + " needs " + product(shape) + " values", input);
            return shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reshape r && java.util.Arrays.equals(shape, r.shape);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(shape);
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = op("reshape");
            JsonArray a = new JsonArray();
            for (long s : shape) {
                a.add(s);
            }
            o.add("shape", a);
            return o;
        }
    }

    /** Nearest-neighbour upsampling of an image by an integer factor: each pixel becomes a block. */
    record Upsample(int scale) implements Layer {
        public Upsample {
            requirePositive("upsample", scale);
        }

        @Override
        public long[] outputShape(long[] input) {
            require(input.length == 3, "upsample expects [c, h, w]", input);
            return new long[] {input[0], input[1] * scale, input[2] * scale};
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = op("upsample_nearest");
            o.addProperty("scale", scale);
            return o;
        }
    }

    /**
     * Splits the channels into {@code groups} consecutive groups and averages each: [g·m, h, w] →
     * [g, h, w]. It ends a decoder instead of a convolution with one output channel, which returns
     * NaN gradients at random on oneDNN with several threads (see ENVIRONMENT.md).
     */
    record ChannelGroupMean(int groups) implements Layer {
        public ChannelGroupMean {
            requirePositive("channel_group_mean", groups);
        }

        @Override
        public long[] outputShape(long[] input) {
            require(input.length == 3 && input[0] % groups == 0,
                    "channel_group_mean expects channels divisible by " + groups, input);
            return new long[] {groups, input[1], input[2]};
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = op("channel_group_mean");
            o.addProperty("groups", groups);
            return o;
        }
    }

    /**
     * A gain on each ring of spatial frequency, the same for every channel: the image's 2-D discrete
     * Fourier transform (circular, over its h × w values) is multiplied by {@code gain[r]} at every
     * frequency on ring r ({@link FrequencyRings}), and transformed back. Real in, real out: the gain
     * is the same at a frequency and its negative. It ends a decoder whose images come out blurred, the
     * fine detail boosted back to the real images' power; one tensor of {@code rings} values.
     */
    record FrequencyGain(int rings) implements Layer {
        public FrequencyGain {
            requirePositive("frequency_gain", rings);
        }

        @Override
        public long[] outputShape(long[] input) {
            require(input.length == 3 && FrequencyRings.takes(input[1], input[2])
                    && FrequencyRings.count((int) input[1], (int) input[2]) == rings,
                    "frequency_gain with " + rings + " rings expects [c, h, w] with that many rings of frequency"
                    + " (at most " + FrequencyRings.MAX_SIDE + " a side)", input);
            return input.clone();
        }

        @Override
        public String[] parameterNames() {
            return new String[] {"gain"};
        }

        @Override
        public long[][] parameterShapes() {
            return new long[][] {{rings}};
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = op("frequency_gain");
            o.addProperty("rings", rings);
            return o;
        }
    }

    /** Non-overlapping max pooling over size × size windows (used by classifiers, never shipped). */
    record MaxPool(int size) implements Layer {
        public MaxPool {
            requirePositive("max_pool", size);
        }

        @Override
        public long[] outputShape(long[] input) {
            require(input.length == 3 && input[1] >= size && input[2] >= size,
                    "max_pool expects [c, h, w] of at least " + size, input);
            return new long[] {input[0], input[1] / size, input[2] / size};
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = op("max_pool");
            o.addProperty("size", size);
            return o;
        }
    }

    /** Non-overlapping average pooling over size × size windows (used by classifiers, never shipped). */
    record AvgPool(int size) implements Layer {
        public AvgPool {
            requirePositive("avg_pool", size);
        }

        @Override
        public long[] outputShape(long[] input) {
            require(input.length == 3 && input[1] >= size && input[2] >= size,
                    "avg_pool expects [c, h, w] of at least " + size, input);
            return new long[] {input[0], input[1] / size, input[2] / size};
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = op("avg_pool");
            o.addProperty("size", size);
            return o;
        }
    }

    /**
     * Instance normalisation: each sample's each channel is shifted and scaled to zero mean and unit
     * (biased) variance over its h × w values, with {@link #EPSILON} added to
     * the variance, then multiplied by gamma[c] and shifted by beta[c]. The same as PyTorch's
     * {@code GroupNorm(channels, channels)}, which the dataset-distillation ConvNet uses.
     */
    record InstanceNorm(int channels) implements Layer {
        /** Added to the variance, as PyTorch's normalisation layers do by default. */
        public static final float EPSILON = 1e-5f;

        public InstanceNorm {
            requirePositive("instance_norm", channels);
        }

        @Override
        public long[] outputShape(long[] input) {
            require(input.length == 3 && input[0] == channels && input[1] * input[2] > 1,
                    "instance_norm expects [" + channels + ", h, w] with more than one value per channel", input);
            return input.clone();
        }

        @Override
        public String[] parameterNames() {
            return new String[] {"gamma", "beta"};
        }

        @Override
        public long[][] parameterShapes() {
            return new long[][] {{channels}, {channels}};
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = op("instance_norm");
            o.addProperty("channels", channels);
            return o;
        }
    }

    private static JsonObject op(String name) {
        JsonObject o = new JsonObject();
        o.addProperty("op", name);
        return o;
    }

    private static void requirePositive(String layer, int... values) {
        for (int v : values) {
            if (v <= 0) {
                throw new InputException(layer + " sizes must be positive, got " + v);
            }
        }
    }

    private static void require(boolean ok, String what, long[] input) {
        if (!ok) {
            throw new InputException(what + ", got " + java.util.Arrays.toString(input));
        }
    }

    static long product(long[] shape) {
        long p = 1;
        for (long s : shape) {
            p *= s;
        }
        return p;
    }
}
