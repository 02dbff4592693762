package io.lgc.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.artifact.Precision;
import io.lgc.eval.Protocol;
import io.lgc.eval.baseline.BaselineMethod;
import io.lgc.pipeline.DecoderKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a sweep measures and how: the LGC grid (decoder × latent dimension × components × precision),
 * the baselines at each byte budget, and the evaluation every point gets.
 *
 * @param perClass samples reconstructed per class from each artifact for the classifier
 * @param epochs classifier epochs, or 0 for the protocol's default for the training set's size
 * @param autoencoderEpochs autoencoder epochs (PCA needs none)
 * @param augment whether every classifier trains on augmented images ({@code lgc evaluate --augment})
 * @param frontier whether each budget also gets the file {@code lgc compress --budget} writes for it
 */
public record SweepGrid(List<DecoderKind> decoders, List<Integer> latentDims, List<Integer> components,
        List<Precision> precisions, List<BaselineMethod> baselines, List<Long> budgets, int perClass,
        Protocol protocol, int epochs, int autoencoderEpochs, long seed, boolean augment, boolean frontier) {
    public static final int DEFAULT_PER_CLASS = 6000;

    /** A grid without the frontier. */
    public SweepGrid(List<DecoderKind> decoders, List<Integer> latentDims, List<Integer> components,
            List<Precision> precisions, List<BaselineMethod> baselines, List<Long> budgets, int perClass,
            Protocol protocol, int epochs, int autoencoderEpochs, long seed, boolean augment) {
        this(decoders, latentDims, components, precisions, baselines, budgets, perClass, protocol, epochs,
                autoencoderEpochs, seed, augment, false);
    }

    /** A grid whose classifiers train without augmentation. */
    public SweepGrid(List<DecoderKind> decoders, List<Integer> latentDims, List<Integer> components,
            List<Precision> precisions, List<BaselineMethod> baselines, List<Long> budgets, int perClass,
            Protocol protocol, int epochs, int autoencoderEpochs, long seed) {
        this(decoders, latentDims, components, precisions, baselines, budgets, perClass, protocol, epochs,
                autoencoderEpochs, seed, false);
    }

    public SweepGrid {
        decoders = distinct(decoders);
        latentDims = distinct(latentDims);
        components = distinct(components);
        precisions = distinct(precisions);
        baselines = distinct(baselines);
        budgets = distinct(budgets);
        Objects.requireNonNull(protocol, "protocol");
        if (decoders.isEmpty() && baselines.isEmpty() && !frontier) {
            throw new InputException("nothing to measure: give at least one decoder or one baseline, or the frontier");
        }
        if (!decoders.isEmpty() && (latentDims.isEmpty() || components.isEmpty() || precisions.isEmpty())) {
            throw new InputException("the LGC grid needs at least one latent dimension, component count and precision");
        }
        latentDims.forEach(k -> requirePositive(k, "--latent-dims"));
        components.forEach(k -> requirePositive(k, "--components"));
        budgets.forEach(b -> requirePositive(b, "--budgets"));
        if ((!baselines.isEmpty() || frontier) && budgets.isEmpty()) {
            throw new InputException((frontier && baselines.isEmpty() ? "the frontier needs" : "baselines need")
                    + " at least one byte budget (--budgets)");
        }
        requirePositive(perClass, "--per-class");
        if (epochs < 0) {
            throw new InputException("--epochs must be 0 (the protocol's default) or more, got " + epochs);
        }
        requirePositive(autoencoderEpochs, "--ae-epochs");
    }

    /** Every point, in the order a sweep runs them: LGC by codec, the frontier, then the baselines by budget. */
    public List<SweepPoint> points() {
        List<SweepPoint> points = new ArrayList<>();
        for (DecoderKind decoder : decoders) {
            for (int k : latentDims) {
                for (int c : components) {
                    for (Precision p : precisions) {
                        points.add(new SweepPoint.Lgc(decoder, k, c, p));
                    }
                }
            }
        }
        if (frontier) {
            budgets.forEach(b -> points.add(new SweepPoint.Budget(b)));
        }
        for (long budget : budgets) {
            for (BaselineMethod method : baselines) {
                points.add(new SweepPoint.Baseline(method, budget));
            }
        }
        return points;
    }

    /** The grid as stored in sweep.json: a resumed sweep must find the same. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("decoders", strings(decoders.stream().map(DecoderKind::cliName).toList()));
        o.add("latent_dims", numbers(latentDims));
        o.add("components", numbers(components));
        o.add("precisions", strings(precisions.stream().map(Precision::label).toList()));
        o.add("baselines", strings(baselines.stream().map(BaselineMethod::cliName).toList()));
        o.add("budgets", numbers(budgets));
        o.addProperty("per_class", perClass);
        o.addProperty("protocol", protocol.cliName());
        o.addProperty("epochs", epochs == 0 ? "default" : Integer.toString(epochs));
        o.addProperty("autoencoder_epochs", autoencoderEpochs);
        o.addProperty("seed", seed);
        // always present: a log from before the default became 1.2 has none, and must not be resumed
        o.addProperty("spread", io.lgc.synth.SamplingPlan.DEFAULT_SPREAD);
        if (augment) { // absent when false, so that sweeps from before the option still resume
            o.addProperty("augment", true);
        }
        if (frontier) { // likewise
            o.addProperty("frontier", true);
        }
        return o;
    }

    /** The values in order, repeats dropped: a repeated value would measure one point twice. */
    private static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static void requirePositive(long value, String option) {
        if (value <= 0) {
            throw new InputException(option + " must be positive, got " + value);
        }
    }

    private static JsonArray numbers(List<? extends Number> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(v -> a.add(v.toLowerCase(Locale.ROOT)));
        return a;
    }
}
