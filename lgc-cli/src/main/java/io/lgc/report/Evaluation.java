package io.lgc.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code lgc evaluate --json} wrote, as the report needs it:
 * <pre>
 * {"accuracy": 0.81,                       required, a fraction in [0, 1]
 *  "per_class": {"T-shirt/top": 0.77, …},  optional, fractions, in class order
 *  "train_size": 60000, "epochs": 5,       optional
 *  "confusion": [[812, 3, …], …]}          optional, square; rows = true class, columns = predicted
 * </pre>
 * Other keys are ignored. A present key of the wrong type is an error, not skipped: a report that
 * silently drops the confusion matrix would mislead.
 *
 * @param source the file it came from, for messages and captions
 * @param confusion counts (or rates) indexed [true][predicted]
 */
public record Evaluation(String source, double accuracy, Map<String, Double> perClass, OptionalInt trainSize,
        OptionalInt epochs, Optional<double[][]> confusion) {

    public Evaluation {
        perClass = Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
        confusion = confusion.map(Evaluation::deepCopy);
    }

    @Override
    public Optional<double[][]> confusion() {
        return confusion.map(Evaluation::deepCopy);
    }

    /** Reads an evaluation file; every problem is one line naming the file. */
    public static Evaluation read(Path file) {
        return of(JsonFiles.read(file), file.toString());
    }

    /** Parses evaluation JSON text; {@code source} names it in messages. */
    public static Evaluation parse(String json, String source) {
        return of(JsonFiles.parse(json, source), source);
    }

    static Evaluation of(JsonElement json, String source) {
        if (!json.isJsonObject()) {
            throw new InputException(source + ": expected a JSON object with \"accuracy\" (as written by "
                    + "lgc evaluate --json)");
        }
        JsonObject o = json.getAsJsonObject();
        if (!o.has("accuracy")) {
            throw new InputException(source + ": no \"accuracy\"; expected the JSON written by lgc evaluate --json");
        }
        double accuracy = fraction(o.get("accuracy"), source, "\"accuracy\"");
        Map<String, Double> perClass = new LinkedHashMap<>();
        if (o.has("per_class")) {
            if (!o.get("per_class").isJsonObject()) {
                throw new InputException(source + ": \"per_class\" must be an object of class name -> accuracy");
            }
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("per_class").entrySet()) {
                perClass.put(e.getKey(), fraction(e.getValue(), source, "\"per_class\"." + e.getKey()));
            }
        }
        return new Evaluation(source, accuracy, perClass, count(o, "train_size", source), count(o, "epochs", source),
                confusion(o, source));
    }

    private static Optional<double[][]> confusion(JsonObject o, String source) {
        if (!o.has("confusion") || o.get("confusion").isJsonNull()) {
            return Optional.empty();
        }
        String shape = source + ": \"confusion\" must be a square array of rows of non-negative numbers";
        if (!o.get("confusion").isJsonArray()) {
            throw new InputException(shape);
        }
        JsonArray rows = o.getAsJsonArray("confusion");
        int n = rows.size();
        if (n == 0) {
            throw new InputException(shape + ", got an empty array");
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            JsonElement row = rows.get(i);
            if (!row.isJsonArray() || row.getAsJsonArray().size() != n) {
                throw new InputException(shape + "; row " + i + " is not an array of " + n + " numbers");
            }
            for (int j = 0; j < n; j++) {
                double v = number(row.getAsJsonArray().get(j), source, "\"confusion\"[" + i + "][" + j + "]");
                if (v < 0) {
                    throw new InputException(shape + "; [" + i + "][" + j + "] is " + v);
                }
                m[i][j] = v;
            }
        }
        return Optional.of(m);
    }

    private static OptionalInt count(JsonObject o, String key, String source) {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            return OptionalInt.empty();
        }
        double v = number(o.get(key), source, "\"" + key + "\"");
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new InputException(source + ": \"" + key + "\" must be a whole number >= 0, got " + v);
        }
        return OptionalInt.of((int) v);
    }

    private static double fraction(JsonElement e, String source, String what) {
        double v = number(e, source, what);
        if (v < 0 || v > 1) {
            throw new InputException(source + ": " + what + " must be a fraction between 0 and 1, got " + v);
        }
        return v;
    }

    static double number(JsonElement e, String source, String what) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new InputException(source + ": " + what + " must be a number, got " + brief(e));
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw new InputException(source + ": " + what + " must be finite, got " + v);
        }
        return v;
    }

    /** A JSON value cut short for a one-line message. */
    static String brief(JsonElement e) {
        String text = String.valueOf(e);
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
