package io.lgc.model;

import io.lgc.network.NetworkSpec;
import io.lgc.network.Layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds DJL blocks from {@link NetworkSpec}s and moves their weights in and out as plain arrays. */
public final class Networks {
    private Networks() {
    }

    /** A block whose i-th child computes the spec's i-th layer; parameters are uninitialised. */
    public static SequentialBlock build(NetworkSpec spec) {
        SequentialBlock block = new SequentialBlock();
        for (Layer layer : spec.layers()) {
            block.add(toBlock(layer));
        }
        return block;
    }

    /** Shape of a batch of {@code batch} inputs for this spec. */
    public static Shape batchShape(NetworkSpec spec, long batch) {
        long[] in = spec.inputShape();
        long[] dims = new long[in.length + 1];
        dims[0] = batch;
        System.arraycopy(in, 0, dims, 1, in.length);
        return new Shape(dims);
    }

    private static Block toBlock(Layer layer) {
        if (layer instanceof Layer.Linear l) {
            return Linear.builder().setUnits(l.out()).build();
        }
        if (layer instanceof Layer.Conv2d c) {
            return Conv2d.builder().setFilters(c.out())
                    .setKernelShape(new Shape(c.kernel(), c.kernel()))
                    .optStride(new Shape(c.stride(), c.stride()))
                    .optPadding(new Shape(c.padding(), c.padding()))
                    .build();
        }
        if (layer instanceof Layer.Relu) {
            return Activation.reluBlock();
        }
        if (layer instanceof Layer.Sigmoid) {
            return Activation.sigmoidBlock();
        }
        if (layer instanceof Layer.Reshape r) {
            long[] dims = new long[r.shape().length + 1];
            dims[0] = -1;
            System.arraycopy(r.shape(), 0, dims, 1, r.shape().length);
            Shape target = new Shape(dims);
            return LambdaBlock.singleton(x -> x.reshape(target), "reshape");
        }
        if (layer instanceof Layer.Upsample u) {
            return new UpsampleBlock(u.scale());
        }
        if (layer instanceof Layer.ChannelGroupMean g) {
            return LambdaBlock.singleton(x -> channelGroupMean(x, g.groups()), "channelGroupMean");
        }
        if (layer instanceof Layer.MaxPool p) {
            Shape window = new Shape(p.size(), p.size());
            return Pool.maxPool2dBlock(window, window);
        }
        if (layer instanceof Layer.AvgPool p) {
            Shape window = new Shape(p.size(), p.size());
            return Pool.avgPool2dBlock(window, window);
        }
        if (layer instanceof Layer.InstanceNorm n) {
            return new InstanceNormBlock(n.channels());
        }
        if (layer instanceof Layer.FrequencyGain g) {
            return new FrequencyGainBlock(g.rings());
        }
        throw new IllegalArgumentException("no DJL block for " + layer);
    }

    private static NDArray channelGroupMean(NDArray x, int groups) {
        Shape s = x.getShape();
        long perGroup = s.get(1) / groups;
        return x.reshape(s.get(0), groups, perGroup, s.get(2), s.get(3)).mean(new int[] {2});
    }

    /** Initialises parameters for inputs of the spec's shape. */
    public static void initialize(SequentialBlock block, NetworkSpec spec, NDManager manager) {
        block.initialize(manager, DataType.FLOAT32, batchShape(spec, 1));
    }

    /** The block's parameters by spec parameter name ({@code layers.<i>.weight}), in storage order. */
    static Map<String, Parameter> parameters(SequentialBlock block, NetworkSpec spec) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        List<Block> children = children(block);
        for (int i = 0; i < spec.layers().size(); i++) {
            for (String name : spec.layers().get(i).parameterNames()) {
                out.put(NetworkSpec.parameterName(i, name), children.get(i).getParameters().get(name));
            }
        }
        return out;
    }

    /** The block's weights by spec parameter name, in storage order. */
    public static Map<String, float[]> exportWeights(SequentialBlock block, NetworkSpec spec) {
        Map<String, float[]> out = new LinkedHashMap<>();
        parameters(block, spec).forEach((key, p) -> out.put(key, p.getArray().toFloatArray()));
        return out;
    }

    /** Overwrites an initialised block's weights; shapes must match the spec exactly. */
    public static void importWeights(SequentialBlock block, NetworkSpec spec, Map<String, float[]> weights) {
        Map<String, long[]> shapes = spec.parameterShapes();
        parameters(block, spec).forEach((key, p) -> {
            float[] values = weights.get(key);
            long expected = Layer.product(shapes.get(key));
            if (values == null || values.length != expected) {
                throw new IllegalArgumentException("weight " + key + ": expected " + expected
                        + " values of shape " + Arrays.toString(shapes.get(key)) + ", got "
                        + (values == null ? "none" : values.length));
            }
            replaceValues(p.getArray(), values);
        });
    }

    /**
     * Gives an initialised parameter new values. Not through {@code NDArray.set}: DJL's PyTorch engine
     * runs that under libtorch's deprecated AutoNonVariableTypeMode guard, which prints a warning on
     * stderr once per process (on every decode). A fresh array built from the values takes the old
     * one's place instead, and keeps its gradient flag.
     */
    private static void replaceValues(NDArray parameter, float[] values) {
        boolean gradient = parameter.hasGradient();
        NDArray fresh;
        try (NDArray blob = parameter.getManager().create(FloatBuffer.wrap(values), parameter.getShape())) {
            // The blob's tensor lives in a Java direct buffer that only the blob keeps alive; intern
            // would hand over the tensor but not the buffer, which the GC then frees under it. A copy
            // owns its memory.
            fresh = blob.duplicate();
        }
        parameter.intern(fresh); // takes over fresh's tensor and closes fresh
        if (gradient) {
            parameter.setRequiresGradient(true);
        }
    }

    static List<Block> children(SequentialBlock block) {
        List<Block> out = new ArrayList<>();
        block.getChildren().forEach(pair -> out.add(pair.getValue()));
        return out;
    }

    /** Applies an initialised block to a batch without recording gradients. */
    public static NDArray predict(Block block, NDArray input) {
        NDList out = block.forward(new ai.djl.training.ParameterStore(input.getManager(), false),
                new NDList(input), false);
        return out.singletonOrThrow();
    }
}
