package io.lgc.artifact;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Objects;
import java.util.Set;

/**
 * The precision an artifact's two sections were stored in, as recorded in the header's
 * {@code "precision"} object. The mixtures are stored at int8 only when asked: a quantised mean or
 * Cholesky factor moves every sample a little, which pays where the mixtures are most of the file
 * (large latents; README, "Storage precision"). They are never int4.
 *
 * @param decoder fp32, fp16, int8 or int4
 * @param mixtures fp32, fp16 or int8 (means and covariance factors; mixture weights are always fp32)
 */
public record StoragePrecision(Precision decoder, Precision mixtures) {
    static final String HEADER_KEY = "precision";
    private static final Set<String> KEYS = Set.of("decoder", "mixtures");

    /** What a file written before precision existed holds, and what fp32 writes. */
    public static final StoragePrecision FP32 = new StoragePrecision(Precision.FP32, Precision.FP32);

    public StoragePrecision {
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(mixtures, "mixtures");
        if (mixtures == Precision.INT4) {
            throw new IllegalArgumentException("mixtures are stored in fp32, fp16 or int8, not " + mixtures.label());
        }
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("decoder", decoder.label());
        o.addProperty("mixtures", mixtures.label());
        return o;
    }

    /** Reads the header's precision; a header without one is fp32 (files from before it existed). */
    static StoragePrecision fromHeader(JsonObject header, String file) {
        JsonElement e = header.get(HEADER_KEY);
        if (e == null) {
            return FP32;
        }
        if (!e.isJsonObject() || !e.getAsJsonObject().keySet().equals(KEYS)) {
            throw new ArtifactFormatException(file, "invalid header: '" + HEADER_KEY
                    + "' must be an object with exactly the keys decoder and mixtures, got " + e);
        }
        JsonObject o = e.getAsJsonObject();
        Precision decoder = label(o, "decoder", file);
        Precision mixtures = label(o, "mixtures", file);
        if (mixtures == Precision.INT4) {
            throw new ArtifactFormatException(file, "invalid header: precision.mixtures is " + mixtures.label()
                    + "; mixtures are stored in fp32, fp16 or int8");
        }
        return new StoragePrecision(decoder, mixtures);
    }

    private static Precision label(JsonObject o, String key, String file) {
        JsonElement e = o.get(key);
        Precision p = e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? Precision.ofLabel(e.getAsString())
                : null;
        if (p == null) {
            throw new ArtifactFormatException(file, "invalid header: precision." + key + " is " + e
                    + ", expected \"fp32\", \"fp16\", \"int8\" or \"int4\"");
        }
        return p;
    }

    /** "int8 decoder, fp16 mixtures". */
    @Override
    public String toString() {
        return decoder.label() + " decoder, " + mixtures.label() + " mixtures";
    }
}
