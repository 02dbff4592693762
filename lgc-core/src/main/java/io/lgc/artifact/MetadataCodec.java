package io.lgc.artifact;

import io.lgc.artifact.container.Malformed;
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
import java.util.OptionalDouble;

/**
 * Maps {@link ArtifactMetadata} to the artifact's JSON header and back, strictly. An image artifact
 * (kind "images") has {@code pixel_scaling}; a table artifact (kind "table", format 1.1) has
 * {@code columns}, {@code label_column} and {@code feature_scaling} instead.
 */
final class MetadataCodec {
    static final String KIND_IMAGES = ImageFormat.KIND;
    static final String KIND_TABLE = TableFormat.KIND;
    /** The header's covariance_type of full covariances stored as loading vectors plus a diagonal. */
    static final String LOW_RANK = "lowrank";
    /** Components a class's mixture may have (FORMAT.md, header key classes). */
    static final int MAX_COMPONENTS = 100_000;

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
        if (m.covarianceRank() > 0) {
            o.addProperty("covariance_type", LOW_RANK);
            o.addProperty("covariance_rank", m.covarianceRank());
        } else {
            o.addProperty("covariance_type", m.covarianceType().name().toLowerCase(java.util.Locale.ROOT));
        }
        m.drawSpread().ifPresent(spread -> o.addProperty("spread", spread));
        if (m.decoderArithmetic() != DecoderArithmetic.LAYERWISE) {
            // absent means layerwise, so files of that arithmetic keep their header byte for byte
            o.addProperty("decoder_arithmetic", m.decoderArithmetic().id());
        }
        o.add("decoder", m.decoder().toJson());
        o.add("mixture_report", m.mixtureReport());
        o.add("provenance", m.provenance());
        return o;
    }

    /** Parses the header; every problem names the file. */
    static ArtifactMetadata fromJson(JsonObject o, String file) {
        try {
            String kind = HeaderValues.string(o, "kind", "kind");
            if (!KIND_IMAGES.equals(kind) && !KIND_TABLE.equals(kind)) {
                throw new InputException("unsupported artifact kind '" + Malformed.shorten(kind) + "'");
            }
            List<String> names = new ArrayList<>();
            JsonArray classes = HeaderValues.array(o, "classes", "classes");
            int[] counts = new int[classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                String path = "classes[" + c + "]";
                JsonObject cls = HeaderValues.object(classes.get(c), path);
                names.add(HeaderValues.string(cls, "name", path + ".name"));
                counts[c] = HeaderValues.integer(cls, "count", path + ".count", 0, HeaderValues.MAX_INTEGER);
            }
            ArtifactClassNames.check(names);
            JsonArray shape = HeaderValues.array(o, "sample_shape", "sample_shape");
            int[] dims = new int[shape.size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = HeaderValues.integer(shape.get(i), "sample_shape[" + i + "]", 1, HeaderValues.MAX_INTEGER);
            }
            SampleFormat samples = KIND_TABLE.equals(kind) ? table(o, dims) : images(o, dims);
            int latentDim = HeaderValues.integer(o, "latent_dim", "latent_dim", 1, HeaderValues.MAX_INTEGER);
            String covariance = HeaderValues.string(o, "covariance_type", "covariance_type");
            int rank = 0;
            if (LOW_RANK.equals(covariance)) {
                if (latentDim < 2) {
                    throw new InputException("covariance_type lowrank needs latent_dim >= 2, got " + latentDim);
                }
                rank = HeaderValues.integer(o, "covariance_rank", "covariance_rank", 1, latentDim - 1);
            } else if (o.has("covariance_rank")) {
                throw new InputException("covariance_rank applies only to covariance_type lowrank, not '"
                        + Malformed.shorten(covariance) + "'");
            }
            return new ArtifactMetadata(names, counts, samples, latentDim,
                    rank > 0 ? CovarianceType.FULL : CovarianceType.parse(covariance), rank,
                    DecoderHeader.parse(o), object(o, "mixture_report"), object(o, "provenance"), drawSpread(o),
                    decoderArithmetic(o));
        } catch (RuntimeException e) {
            throw new ArtifactFormatException(file, "invalid header: " + describe(e), e);
        }
    }

    /** The optional {@code spread}: a number above 0 and at most {@link ArtifactMetadata#MAX_DRAW_SPREAD}. */
    private static OptionalDouble drawSpread(JsonObject o) {
        if (!o.has("spread")) {
            return OptionalDouble.empty();
        }
        double spread = HeaderValues.finiteNumber(o, "spread", "spread");
        if (!ArtifactMetadata.validDrawSpread(spread)) {
            throw new InputException("spread must be above 0 and at most " + (int) ArtifactMetadata.MAX_DRAW_SPREAD
                    + ", got " + spread);
        }
        return OptionalDouble.of(spread);
    }

    /** The optional {@code decoder_arithmetic}; absent in every file written before it, which are layerwise. */
    private static DecoderArithmetic decoderArithmetic(JsonObject o) {
        return o.has("decoder_arithmetic")
                ? DecoderArithmetic.parse(HeaderValues.string(o, "decoder_arithmetic", "decoder_arithmetic"))
                : DecoderArithmetic.LAYERWISE;
    }

    private static ImageFormat images(JsonObject o, int[] shape) {
        if (shape.length != 3) {
            throw new InputException("sample_shape must have 3 entries");
        }
        ImageShape sample = new ImageShape(shape[0], shape[1], shape[2]);
        JsonObject sc = HeaderValues.object(o, "pixel_scaling", "pixel_scaling");
        String dtype = HeaderValues.string(sc, "dtype", "pixel_scaling.dtype");
        if (!"uint8".equals(dtype)) {
            throw new InputException("pixel_scaling.dtype is '" + Malformed.shorten(dtype) + "', expected 'uint8'");
        }
        return new ImageFormat(sample, new PixelScaling(HeaderValues.finiteNumber(sc, "scale", "pixel_scaling.scale"),
                HeaderValues.finiteNumber(sc, "offset", "pixel_scaling.offset")));
    }

    /** A table's sample_shape is [F]; columns name the F features and the label column, in file order. */
    private static TableFormat table(JsonObject o, int[] shape) {
        if (shape.length != 1) {
            throw new InputException("a table's sample_shape must be [features], got " + o.get("sample_shape"));
        }
        int features = shape[0];
        JsonArray columnArray = HeaderValues.array(o, "columns", "columns");
        List<String> columns = new ArrayList<>();
        for (JsonElement e : columnArray) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new InputException("columns must be strings, got " + Malformed.shorten(e.toString()));
            }
            columns.add(e.getAsString());
        }
        if (columns.size() != (long) features + 1) {
            throw new InputException("columns names " + columns.size() + " columns; sample_shape [" + features
                    + "] needs " + (features + 1L) + " (the features and the label)");
        }
        String label = HeaderValues.string(o, "label_column", "label_column");
        int labelIndex = columns.indexOf(label);
        if (labelIndex < 0) {
            throw new InputException("label_column '" + Malformed.shorten(label) + "' is not among the columns");
        }
        TableColumns table;
        try {
            table = new TableColumns(columns, labelIndex);
        } catch (IllegalArgumentException e) {
            throw new InputException("columns: " + e.getMessage());
        }
        JsonObject sc = HeaderValues.object(o, "feature_scaling", "feature_scaling");
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
            JsonArray classes = HeaderValues.array(o, "classes", "classes");
            int[] k = new int[classes.size()];
            for (int c = 0; c < k.length; c++) {
                String path = "classes[" + c + "]";
                k[c] = HeaderValues.integer(HeaderValues.object(classes.get(c), path), "components",
                        path + ".components", 1, MAX_COMPONENTS);
            }
            return k;
        } catch (RuntimeException e) {
            throw new ArtifactFormatException(file, "invalid header: " + describe(e), e);
        }
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
