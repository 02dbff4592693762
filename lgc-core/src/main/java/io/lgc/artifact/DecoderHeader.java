package io.lgc.artifact;

import io.lgc.artifact.container.Malformed;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.network.NetworkSpec;
import java.util.List;
import java.util.Map;

/**
 * The header's {@code decoder} as FORMAT.md defines it, checked before {@link NetworkSpec} parses
 * it: only the ops the format lists (the model package knows more, for classifiers that are never
 * shipped), every field present and a strict integer in its range.
 */
final class DecoderHeader {
    /** Each op of the format and its integer fields; conv2d's padding may be 0, every other field is ≥ 1. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            "linear", List.of("in", "out"),
            "conv2d", List.of("in", "out", "kernel", "stride", "padding"),
            "relu", List.of(),
            "sigmoid", List.of(),
            "reshape", List.of(),
            "upsample_nearest", List.of("scale"),
            "channel_group_mean", List.of("groups"),
            "max_pool", List.of("size"),
            "frequency_gain", List.of("rings"));

    private DecoderHeader() {
    }

    /** The decoder the header declares; InputException naming the field and value for anything off-format. */
    static NetworkSpec parse(JsonObject header) {
        JsonObject decoder = HeaderValues.object(header, "decoder", "decoder");
        JsonArray input = HeaderValues.array(decoder, "input_shape", "decoder.input_shape");
        for (int i = 0; i < input.size(); i++) {
            HeaderValues.integer(input.get(i), "decoder.input_shape[" + i + "]", 1, HeaderValues.MAX_INTEGER);
        }
        JsonArray layers = HeaderValues.array(decoder, "layers", "decoder.layers");
        for (int i = 0; i < layers.size(); i++) {
            checkLayer(HeaderValues.object(layers.get(i), "decoder.layers[" + i + "]"), "decoder.layers[" + i + "]");
        }
        return NetworkSpec.fromJson(decoder);
    }

    private static void checkLayer(JsonObject layer, String path) {
        String op = HeaderValues.string(layer, "op", path + ".op");
        List<String> fields = FIELDS.get(op);
        if (fields == null) {
            throw new InputException(path + " has op '" + Malformed.shorten(op) + "', not one of the format's "
                    + FIELDS.keySet().stream().sorted().toList());
        }
        for (String field : fields) {
            HeaderValues.integer(layer, field, path + "." + field, field.equals("padding") ? 0 : 1,
                    HeaderValues.MAX_INTEGER);
        }
        if (op.equals("reshape")) {
            JsonArray shape = HeaderValues.array(layer, "shape", path + ".shape");
            if (shape.isEmpty()) {
                throw new InputException(path + ".shape is empty");
            }
            for (int j = 0; j < shape.size(); j++) {
                HeaderValues.integer(shape.get(j), path + ".shape[" + j + "]", 1, HeaderValues.MAX_INTEGER);
            }
        }
    }
}
