package io.lgc.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.data.LabelledData;
import io.lgc.gmm.FitResult;
import io.lgc.gmm.GaussianMixture;
import io.lgc.gmm.GmmConfig;
import io.lgc.gmm.MixtureSelection;
import io.lgc.gmm.Selection;
import java.util.ArrayList;
import java.util.List;

/**
 * One Gaussian mixture per class, fitted on that class's latents, with a report of what was
 * chosen (components, BIC curve) and what went wrong and was repaired (warnings).
 */
public record ClassMixtures(List<GaussianMixture> mixtures, JsonObject report, List<String> warnings) {
    public ClassMixtures {
        mixtures = List.copyOf(mixtures);
        report = report.deepCopy();
        warnings = List.copyOf(warnings);
    }

    @Override
    public JsonObject report() {
        return report.deepCopy();
    }

    /** Fits every class in label order; class c's generator is seeded from {@code seed} and c. */
    public static ClassMixtures fit(LabelledData data, double[][] latents, MixtureSettings settings, long seed,
            Progress progress) {
        List<GaussianMixture> mixtures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        JsonArray classes = new JsonArray();
        long start = System.nanoTime();
        for (int c = 0; c < data.numClasses(); c++) {
            String name = data.classNames().get(c);
            double[][] x = rows(latents, data.indicesOf(c));
            GmmConfig config = GmmConfig.builder().components(settings.minComponents())
                    .covarianceType(settings.covarianceType()).nInit(settings.nInit())
                    .seed(seed * 1_000_003L + c).build();
            JsonObject entry = new JsonObject();
            entry.addProperty("class", name);
            FitResult fit;
            List<String> classWarnings = new ArrayList<>();
            if (settings.automatic()) {
                Selection selection = MixtureSelection.byBic(x, settings.minComponents(), settings.maxComponents(),
                        config);
                fit = selection.best();
                JsonObject curve = new JsonObject();
                selection.bicCurve().forEach((k, bic) -> curve.addProperty(Integer.toString(k), bic));
                entry.add("bic_curve", curve);
                classWarnings.addAll(selection.warnings());
            } else {
                fit = GaussianMixture.fit(x, config);
            }
            fit.warnings().stream().filter(w -> !classWarnings.contains(w)).forEach(classWarnings::add);
            describe(entry, fit, x.length, classWarnings);
            classWarnings.forEach(w -> warnings.add("class " + name + ": " + w));
            classes.add(entry);
            mixtures.add(fit.model());
            progress.update("fit mixtures", c + 1, data.numClasses(), start);
        }
        JsonObject report = new JsonObject();
        report.add("classes", classes);
        return new ClassMixtures(mixtures, report, warnings);
    }

    private static void describe(JsonObject entry, FitResult fit, int samples, List<String> warnings) {
        entry.addProperty("components", fit.model().components());
        entry.addProperty("samples", samples);
        entry.addProperty("converged", fit.converged());
        entry.addProperty("iterations", fit.iterations());
        entry.addProperty("lower_bound", fit.lowerBound());
        JsonArray w = new JsonArray();
        warnings.forEach(w::add);
        entry.add("warnings", w);
    }

    private static double[][] rows(double[][] all, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = all[indices[i]];
        }
        return out;
    }
}
