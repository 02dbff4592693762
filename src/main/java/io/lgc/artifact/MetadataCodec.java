package io.lgc.artifact;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/** Maps {@link ArtifactMetadata} to the artifact's JSON header and back, strictly. */
final class MetadataCodec {
    static final String KIND_IMAGES = "images";

    private MetadataCodec() {
    }

    static JsonObject toJson(ArtifactMetadata m, int[] components) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", KIND_IMAGES);
        JsonArray classes = new JsonArray();
        for (int c = 0; c < m.numClasses(); c++) {
            JsonObject cls = new JsonObject();
            cls.addProperty("name", m.classNames().get(c));
            cls.addProperty("count", m.classCounts()[c]);
            cls.addProperty("components", components[c]);
            classes.add(cls);
        }
        o.add("classes", classes);
        JsonArray shape = new JsonArray();
        shape.add(m.sampleShape().channels());
        shape.add(m.sampleShape().height());
        shape.add(m.sampleShape().width());
        o.add("sample_shape", shape);
        JsonObject scaling = new JsonObject();
        scaling.addProperty("dtype", "uint8");
        scaling.addProperty("scale", m.scaling().scale());
        scaling.addProperty("offset", m.scaling().offset());
        o.add("pixel_scaling", scaling);
        o.addProperty("latent_dim", m.latentDim());
        o.addProperty("covariance_type", m.covarianceType().name().toLowerCase(java.util.Locale.ROOT));
        o.add("decoder", m.decoder().toJson());
        o.add("mixture_report", m.mixtureReport());
        o.add("provenance", m.provenance());
        return o;
    }

    /** Parses the header; every problem names the file. */
    static ArtifactMetadata fromJson(JsonObject o, String file) {
        try {
            String kind = string(o, "kind");
            if (!KIND_IMAGES.equals(kind)) {
                throw new InputException("unsupported artifact kind '" + kind + "'");
            }
            List<String> names = new ArrayList<>();
            JsonArray classes = o.getAsJsonArray("classes");
            int[] counts = new int[classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                JsonObject cls = classes.get(c).getAsJsonObject();
                names.add(string(cls, "name"));
                counts[c] = cls.get("count").getAsInt();
                if (counts[c] < 0) {
                    throw new InputException("class " + c + " has count " + counts[c]);
                }
            }
            JsonArray shape = o.getAsJsonArray("sample_shape");
            if (shape.size() != 3) {
                throw new InputException("sample_shape must have 3 entries");
            }
            ImageShape sample = new ImageShape(shape.get(0).getAsInt(), shape.get(1).getAsInt(),
                    shape.get(2).getAsInt());
            JsonObject sc = o.getAsJsonObject("pixel_scaling");
            if (!"uint8".equals(string(sc, "dtype"))) {
                throw new InputException("pixel_scaling.dtype is '" + string(sc, "dtype") + "', expected 'uint8'");
            }
            PixelScaling scaling = new PixelScaling(sc.get("scale").getAsDouble(), sc.get("offset").getAsDouble());
            return new ArtifactMetadata(names, counts, sample, scaling, o.get("latent_dim").getAsInt(),
                    CovarianceType.parse(string(o, "covariance_type")),
                    NetworkSpec.fromJson(o.getAsJsonObject("decoder")),
                    object(o, "mixture_report"), object(o, "provenance"));
        } catch (RuntimeException e) {
            throw new ArtifactFormatException(file, "invalid header: " + describe(e), e);
        }
    }

    /** Per-class component counts as declared in the header. */
    static int[] components(JsonObject o, String file) {
        try {
            JsonArray classes = o.getAsJsonArray("classes");
            int[] k = new int[classes.size()];
            for (int c = 0; c < k.length; c++) {
                k[c] = classes.get(c).getAsJsonObject().get("components").getAsInt();
                if (k[c] <= 0 || k[c] > 100_000) {
                    throw new InputException("class " + c + " declares " + k[c] + " components");
                }
            }
            return k;
        } catch (RuntimeException e) {
            throw new ArtifactFormatException(file, "invalid header: " + describe(e), e);
        }
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw new InputException("missing '" + key + "'");
        }
        return e.getAsString();
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static String describe(RuntimeException e) {
        if (e instanceof NullPointerException) {
            return "a required field is missing";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
