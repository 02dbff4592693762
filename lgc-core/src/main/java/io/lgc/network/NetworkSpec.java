package io.lgc.network;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feed-forward network as a list of layers applied in order to an input of a given shape.
 * Parameter tensors are named {@code layers.<index>.<weight|bias>}.
 */
public record NetworkSpec(long[] inputShape, List<Layer> layers) {
    public NetworkSpec {
        inputShape = inputShape.clone();
        layers = List.copyOf(layers);
        long[] shape = inputShape;
        for (Layer layer : layers) {
            shape = layer.outputShape(shape);
        }
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** The shape of one output sample. */
    public long[] outputShape() {
        long[] shape = inputShape;
        for (Layer layer : layers) {
            shape = layer.outputShape(shape);
        }
        return shape;
    }

    /** Every parameter's name and shape, in storage order. */
    public Map<String, long[]> parameterShapes() {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String[] names = layer.parameterNames();
            long[][] shapes = layer.parameterShapes();
            for (int j = 0; j < names.length; j++) {
                out.put(parameterName(i, names[j]), shapes[j]);
            }
        }
        return out;
    }

    /** The indices of the layers that have a weight ({@code layers.<i>.weight}), in order. */
    public List<Integer> weightedLayers() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (Arrays.asList(layers.get(i).parameterNames()).contains("weight")) {
                out.add(i);
            }
        }
        return out;
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        return parameterShapes().values().stream().mapToLong(Layer::product).sum();
    }

    public static String parameterName(int layerIndex, String tensor) {
        return "layers." + layerIndex + "." + tensor;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("input_shape", longs(inputShape));
        JsonArray arr = new JsonArray();
        layers.forEach(l -> arr.add(l.toJson()));
        o.add("layers", arr);
        return o;
    }

    /** Parses a spec written by {@link #toJson()}; anything malformed is an {@link InputException}. */
    public static NetworkSpec fromJson(JsonObject o) {
        try {
            long[] input = toLongs(o.getAsJsonArray("input_shape"));
            List<Layer> layers = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("layers")) {
                layers.add(layerFromJson(e.getAsJsonObject()));
            }
            return new NetworkSpec(input, layers);
        } catch (RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException("malformed network description: " + e.getMessage(), e);
        }
    }

    private static Layer layerFromJson(JsonObject o) {
        String op = o.get("op").getAsString();
        return switch (op) {
            case "linear" -> new Layer.Linear(i(o, "in"), i(o, "out"));
            case "conv2d" -> new Layer.Conv2d(i(o, "in"), i(o, "out"), i(o, "kernel"), i(o, "stride"),
                    i(o, "padding"));
            case "relu" -> new Layer.Relu();
            case "sigmoid" -> new Layer.Sigmoid();
            case "reshape" -> new Layer.Reshape(toLongs(o.getAsJsonArray("shape")));
            case "upsample_nearest" -> new Layer.Upsample(i(o, "scale"));
            case "channel_group_mean" -> new Layer.ChannelGroupMean(i(o, "groups"));
            case "max_pool" -> new Layer.MaxPool(i(o, "size"));
            case "avg_pool" -> new Layer.AvgPool(i(o, "size"));
            case "instance_norm" -> new Layer.InstanceNorm(i(o, "channels"));
            case "frequency_gain" -> new Layer.FrequencyGain(i(o, "rings"));
            default -> throw new InputException("unknown layer op '" + op + "'");
        };
    }

    private static int i(JsonObject o, String key) {
        if (!o.has(key)) {
            throw new InputException("layer '" + o.get("op").getAsString() + "' lacks '" + key + "'");
        }
        return o.get(key).getAsInt();
    }

    private static JsonArray longs(long[] values) {
        JsonArray a = new JsonArray();
        for (long v : values) {
            a.add(v);
        }
        return a;
    }

    private static long[] toLongs(JsonArray a) {
        long[] out = new long[a.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = a.get(k).getAsLong();
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkSpec s && java.util.Arrays.equals(inputShape, s.inputShape)
                && layers.equals(s.layers);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(inputShape) + layers.hashCode();
    }
}
