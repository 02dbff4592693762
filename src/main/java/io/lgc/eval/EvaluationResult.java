package io.lgc.eval;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a classifier trained on one dataset achieves on a test set.
 *
 * @param perClass accuracy on the test samples of each class, by class name, in class order
 */
public record EvaluationResult(double accuracy, Map<String, Double> perClass, int trainSize, int epochs,
        double seconds) {
    public EvaluationResult {
        perClass = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
    }

    /** {"accuracy": …, "per_class": {…}, "train_size": …, "epochs": …, "seconds": …}. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("accuracy", accuracy);
        JsonObject classes = new JsonObject();
        perClass.forEach(classes::addProperty);
        o.add("per_class", classes);
        o.addProperty("train_size", trainSize);
        o.addProperty("epochs", epochs);
        o.addProperty("seconds", seconds);
        return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }
}
