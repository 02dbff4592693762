package io.lgc.eval;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one protocol on one training set with seeds {@code seed, seed + 1, …}, summarised as
 * the distillation papers report them: mean ± population standard deviation (numpy's default
 * {@code np.std}, which their evaluation code uses; 0 for a single run).
 */
public record RepeatedEvaluation(Protocol protocol, long seed, List<EvaluationResult> runs, boolean augment) {
    /** Runs trained without augmentation. */
    public RepeatedEvaluation(Protocol protocol, long seed, List<EvaluationResult> runs) {
        this(protocol, seed, runs, false);
    }

    public RepeatedEvaluation {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a repeated evaluation needs at least one run");
        }
        EvaluationResult first = runs.get(0);
        for (EvaluationResult r : runs) {
            if (!r.classNames().equals(first.classNames()) || !r.perClass().keySet().equals(first.perClass().keySet())) {
                throw new IllegalArgumentException("runs were scored on different test sets");
            }
        }
    }

    public int repeats() {
        return runs.size();
    }

    public double[] accuracies() {
        return runs.stream().mapToDouble(EvaluationResult::accuracy).toArray();
    }

    public double meanAccuracy() {
        return mean(accuracies());
    }

    /** Population standard deviation of the runs' accuracies. */
    public double accuracyStd() {
        double[] a = accuracies();
        double m = mean(a);
        double sum = 0;
        for (double v : a) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / a.length);
    }

    /** Each class's accuracy, averaged over the runs. */
    public Map<String, Double> meanPerClass() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : runs.get(0).perClass().keySet()) {
            out.put(name, runs.stream().mapToDouble(r -> r.perClass().get(name)).sum() / runs.size());
        }
        return out;
    }

    /** The runs' confusion matrices added up: each row sums to repeats × that class's test samples. */
    public int[][] confusionSum() {
        int[][] sum = runs.get(0).confusion();
        for (EvaluationResult r : runs.subList(1, runs.size())) {
            int[][] m = r.confusion();
            for (int t = 0; t < sum.length; t++) {
                for (int p = 0; p < sum[t].length; p++) {
                    sum[t][p] += m[t][p];
                }
            }
        }
        return sum;
    }

    public List<String> classNames() {
        return runs.get(0).classNames();
    }

    public int trainSize() {
        return runs.get(0).trainSize();
    }

    public int epochs() {
        return runs.get(0).epochs();
    }

    /** Wall-clock seconds of all runs together. */
    public double seconds() {
        return runs.stream().mapToDouble(EvaluationResult::seconds).sum();
    }

    /**
     * The keys of a single evaluation ("accuracy" and "per_class" now means over the runs) plus
     * "protocol", "augment" (whether the classifiers trained on augmented images), "seed" (of the
     * first run), "repeats", "accuracy_std" (population), "accuracies", "classes" and "confusion"
     * (summed over the runs; rows are true classes, columns predicted ones, in the order of "classes").
     */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("protocol", protocol.cliName());
        o.addProperty("augment", augment);
        o.addProperty("repeats", repeats());
        o.addProperty("seed", seed);
        o.addProperty("accuracy", meanAccuracy());
        o.addProperty("accuracy_std", accuracyStd());
        JsonArray each = new JsonArray();
        for (double a : accuracies()) {
            each.add(a);
        }
        o.add("accuracies", each);
        JsonObject perClass = new JsonObject();
        meanPerClass().forEach(perClass::addProperty);
        o.add("per_class", perClass);
        o.add("classes", EvaluationResult.names(classNames()));
        o.add("confusion", EvaluationResult.matrix(confusionSum()));
        o.addProperty("train_size", trainSize());
        o.addProperty("epochs", epochs());
        o.addProperty("seconds", seconds());
        return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
