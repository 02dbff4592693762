package io.lgc.eval;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one classifier trained on one dataset achieves on a test set.
 *
 * @param perClass accuracy on the test samples of each class, by class name, in class order; classes
 *     without test samples are left out
 * @param classNames the test set's classes, naming the rows and columns of {@code confusion}
 * @param confusion {@code confusion[t][p]} counts the test samples of true class t predicted as p
 */
public record EvaluationResult(double accuracy, Map<String, Double> perClass, List<String> classNames,
        int[][] confusion, int trainSize, int epochs, double seconds) {
    public EvaluationResult {
        perClass = Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
        classNames = List.copyOf(classNames);
        confusion = copy(confusion);
        for (int[] row : confusion) {
            if (row.length != classNames.size() || confusion.length != classNames.size()) {
                throw new IllegalArgumentException("confusion matrix must be " + classNames.size() + " x "
                        + classNames.size());
            }
        }
    }

    @Override
    public int[][] confusion() {
        return copy(confusion);
    }

    /** {"accuracy", "per_class", "classes", "confusion", "train_size", "epochs", "seconds"}. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("accuracy", accuracy);
        JsonObject classes = new JsonObject();
        perClass.forEach(classes::addProperty);
        o.add("per_class", classes);
        o.add("classes", names(classNames));
        o.add("confusion", matrix(confusion));
        o.addProperty("train_size", trainSize);
        o.addProperty("epochs", epochs);
        o.addProperty("seconds", seconds);
        return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }

    static JsonArray names(List<String> names) {
        JsonArray a = new JsonArray();
        names.forEach(a::add);
        return a;
    }

    static JsonArray matrix(int[][] m) {
        JsonArray rows = new JsonArray();
        for (int[] row : m) {
            JsonArray r = new JsonArray();
            for (int v : row) {
                r.add(v);
            }
            rows.add(r);
        }
        return rows;
    }

    static int[][] copy(int[][] m) {
        int[][] out = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
