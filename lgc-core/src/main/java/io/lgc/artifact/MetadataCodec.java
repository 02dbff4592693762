package io.lgc.artifact;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.data.FeatureScaling;
import io.lgc.data.ImageShape;
import io.lgc.data.TableColumns;
import io.lgc.gmm.CovarianceType;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps {@link ArtifactMetadata} to the artifact's JSON header and back, strictly. An image artifact
 * (kind "images") has {@code pixel_scaling}; a table artifact (kind "table", format 1.1) has
 * {@code columns}, {@code label_column} and {@code feature_scaling} instead.
 */
final class MetadataCodec {
    static final String KIND_IMAGES = ImageFormat.KIND;
    static final String KIND_TABLE = TableFormat.KIND;

    private MetadataCodec() {
    }

    static JsonObject toJson(ArtifactMetadata m, int[] components) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", m.samples().kind());
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
        for (long d : m.layout().tensorShape()) {
            shape.add(d);
        }
        o.add("sample_shape", shape);
        if (m.samples() instanceof TableFormat table) {
            JsonArray columns = new JsonArray();
            table.columns().names().forEach(columns::add);
            o.add("columns", columns);
            o.addProperty("label_column", table.columns().labelName());
            JsonObject scaling = new JsonObject();
            scaling.add("mean", numbers(table.scaling().mean()));
            scaling.add("std", numbers(table.scaling().std()));
            o.add("feature_scaling", scaling);
        } else {
            JsonObject scaling = new JsonObject();
            scaling.addProperty("dtype", "uint8");
            scaling.addProperty("scale", m.scaling().scale());
            scaling.addProperty("offset", m.scaling().offset());
            o.add("pixel_scaling", scaling);
        }
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
            if (!KIND_IMAGES.equals(kind) && !KIND_TABLE.equals(kind)) {
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
            SampleFormat samples = KIND_TABLE.equals(kind) ? table(o, shape) : images(o, shape);
            return new ArtifactMetadata(names, counts, samples, o.get("latent_dim").getAsInt(),
                    CovarianceType.parse(string(o, "covariance_type")),
                    NetworkSpec.fromJson(o.getAsJsonObject("decoder")),
                    object(o, "mixture_report"), object(o, "provenance"));
        } catch (RuntimeException e) {
            throw new ArtifactFormatException(file, "invalid header: " + describe(e), e);
        }
    }

    private static ImageFormat images(JsonObject o, JsonArray shape) {
        if (shape.size() != 3) {
            throw new InputException("sample_shape must have 3 entries");
        }
        ImageShape sample = new ImageShape(shape.get(0).getAsInt(), shape.get(1).getAsInt(),
                shape.get(2).getAsInt());
        JsonObject sc = o.getAsJsonObject("pixel_scaling");
        if (!"uint8".equals(string(sc, "dtype"))) {
            throw new InputException("pixel_scaling.dtype is '" + string(sc, "dtype") + "', expected 'uint8'");
        }
        return new ImageFormat(sample, new PixelScaling(sc.get("scale").getAsDouble(), sc.get("offset").getAsDouble()));
    }

    /** A table's sample_shape is [F]; columns name the F features and the label column, in file order. */
    private static TableFormat table(JsonObject o, JsonArray shape) {
        if (shape.size() != 1 || shape.get(0).getAsInt() <= 0) {
            throw new InputException("a table's sample_shape must be [features], got " + shape);
        }
        int features = shape.get(0).getAsInt();
        JsonArray columnArray = o.getAsJsonArray("columns");
        if (columnArray == null) {
            throw new InputException("missing 'columns'");
        }
        List<String> columns = new ArrayList<>();
        for (JsonElement e : columnArray) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new InputException("columns must be strings, got " + e);
            }
            columns.add(e.getAsString());
        }
        if (columns.size() != features + 1) {
            throw new InputException("columns names " + columns.size() + " columns; sample_shape [" + features
                    + "] needs " + (features + 1) + " (the features and the label)");
        }
        String label = string(o, "label_column");
        int labelIndex = columns.indexOf(label);
        if (labelIndex < 0) {
            throw new InputException("label_column '" + label + "' is not among the columns");
        }
        TableColumns table;
        try {
            table = new TableColumns(columns, labelIndex);
        } catch (IllegalArgumentException e) {
            throw new InputException("columns: " + e.getMessage());
        }
        JsonObject sc = o.getAsJsonObject("feature_scaling");
        if (sc == null) {
            throw new InputException("missing 'feature_scaling'");
        }
        double[] mean = doubles(sc, "mean", features);
        double[] std = doubles(sc, "std", features);
        for (int j = 0; j < features; j++) {
            if (!(std[j] > 0)) {
                throw new InputException("feature_scaling.std[" + j + "] is " + std[j] + ", must be > 0");
            }
        }
        return new TableFormat(table, new FeatureScaling(mean, std));
    }

    private static double[] doubles(JsonObject o, String key, int count) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() != count) {
            throw new InputException("feature_scaling." + key + " must be an array of " + count + " numbers");
        }
        double[] out = new double[count];
        for (int j = 0; j < count; j++) {
            JsonElement v = e.getAsJsonArray().get(j);
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber() || !Double.isFinite(v.getAsDouble())) {
                throw new InputException("feature_scaling." + key + "[" + j + "] must be a finite number, got " + v);
            }
            out[j] = v.getAsDouble();
        }
        return out;
    }

    private static JsonArray numbers(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
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
