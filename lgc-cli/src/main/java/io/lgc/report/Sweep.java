package io.lgc.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rate–accuracy sweep: accuracy against artifact bytes for LGC and the baselines, plus numbers
 * quoted from papers. The sweep tool is written separately, so the parser takes what it can:
 * <pre>
 * {"points": [                                       measured here
 *    {"method": "lgc", "bytes": 326656, "accuracy": 0.796, …any other keys…},
 *    {"method": "random-subset", "bytes": 78400, "accuracy": 0.677}, …],
 *  "published": [                                    quoted, drawn apart
 *    {"method": "DC", "ipc": 10, "bytes": 31360, "accuracy": 0.70, "source": "Zhao et al. 2021"}, …]}
 * </pre>
 * Tolerated: a bare array (taken as "points"); {@code size_bytes} or {@code total_bytes} for
 * {@code bytes}; accuracies in percent (any value above 1, up to 100); a missing method ("unnamed").
 * Entries without a positive size or a usable accuracy are skipped and counted. Not tolerated
 * (an {@link InputException} naming the file): text that is not JSON, "points" or "published"
 * that is not an array, or nothing drawable at all.
 *
 * @param skipped entries that could not be drawn
 */
public record Sweep(String source, List<Point> points, List<Point> published, int skipped) {
    public Sweep {
        points = List.copyOf(points);
        published = List.copyOf(published);
    }

    /**
     * One (bytes, accuracy) measurement.
     *
     * @param note what else identifies it, e.g. "ipc 10" or a paper; empty when nothing does
     */
    public record Point(String method, long bytes, double accuracy, String note) {
    }

    public static Sweep read(Path file) {
        return of(JsonFiles.read(file), file.toString());
    }

    public static Sweep parse(String json, String source) {
        return of(JsonFiles.parse(json, source), source);
    }

    static Sweep of(JsonElement json, String source) {
        JsonArray measured;
        JsonArray quoted = new JsonArray();
        if (json.isJsonArray()) {
            measured = json.getAsJsonArray();
        } else if (json.isJsonObject()) {
            JsonObject o = json.getAsJsonObject();
            measured = array(o, "points", source);
            quoted = array(o, "published", source);
        } else {
            throw new InputException(source + ": expected {\"points\": [...], \"published\": [...]}, got "
                    + Evaluation.brief(json));
        }
        List<Point> points = new ArrayList<>();
        List<Point> published = new ArrayList<>();
        int skipped = collect(measured, points) + collect(quoted, published);
        if (points.isEmpty() && published.isEmpty()) {
            throw new InputException(source + ": no drawable entries (each needs \"bytes\" > 0 and an \"accuracy\"); "
                    + "expected {\"points\": [{\"method\", \"bytes\", \"accuracy\"}, ...]}");
        }
        return new Sweep(source, points, published, skipped);
    }

    private static JsonArray array(JsonObject o, String key, String source) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return new JsonArray();
        }
        if (!e.isJsonArray()) {
            throw new InputException(source + ": \"" + key + "\" must be an array of {\"method\", \"bytes\", "
                    + "\"accuracy\"} objects, got " + Evaluation.brief(e));
        }
        return e.getAsJsonArray();
    }

    /** Adds the usable entries to {@code into}; returns how many were not. */
    private static int collect(JsonArray entries, List<Point> into) {
        int skipped = 0;
        for (JsonElement e : entries) {
            Point p = e.isJsonObject() ? point(e.getAsJsonObject()) : null;
            if (p == null) {
                skipped++;
            } else {
                into.add(p);
            }
        }
        return skipped;
    }

    private static Point point(JsonObject o) {
        double bytes = firstNumber(o, "bytes", "size_bytes", "total_bytes");
        double accuracy = firstNumber(o, "accuracy");
        if (!(bytes > 0) || Double.isInfinite(bytes) || !(accuracy >= 0) || accuracy > 100) {
            return null;
        }
        if (accuracy > 1) {
            accuracy /= 100; // a percentage: no accuracy fraction exceeds 1
        }
        String method = text(o, "method");
        return new Point(method.isEmpty() ? "unnamed" : method, Math.round(bytes), accuracy, note(o));
    }

    private static String note(JsonObject o) {
        List<String> parts = new ArrayList<>();
        if (o.has("ipc")) {
            parts.add("ipc " + plain(o.get("ipc")));
        }
        String source = text(o, "source");
        if (!source.isEmpty()) {
            parts.add(source);
        }
        return String.join(", ", parts);
    }

    private static double firstNumber(JsonObject o, String... keys) {
        for (String key : keys) {
            JsonElement e = o.get(key);
            if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return e.getAsDouble();
            }
        }
        return Double.NaN;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString().strip() : "";
    }

    private static String plain(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double v = e.getAsDouble();
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%g", v);
        }
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
