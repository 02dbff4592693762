package io.lgc.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.gmm.GaussianMixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The artifact in a few lines, and what the page leaves out and how to add it. */
final class OverviewSection {
    private OverviewSection() {
    }

    static Section build(ReportInputs in, List<String> leftOut) {
        ArtifactMetadata meta = in.artifact().metadata();
        List<List<String>> rows = new ArrayList<>();
        in.partSizes().ifPresent(s -> rows.add(fact("file size", Bytes.exact(s.totalBytes()) + " bytes ("
                + Bytes.human(s.totalBytes()) + ")")));
        rows.add(fact("classes", meta.numClasses() + ": " + String.join(", ", meta.classNames())));
        long samples = 0;
        for (int n : meta.classCounts()) {
            samples += n;
        }
        rows.add(fact("source", source(meta) + String.format(Locale.ROOT, "%,d samples of %s", samples,
                meta.sampleShape())));
        rows.add(fact("latent space", meta.latentDim() + " dimensions, " + meta.covarianceType().label()
                + " covariances"));
        rows.add(fact("components per class", components(in)));
        rows.add(fact("decoder", String.format(Locale.ROOT, "%,d parameters", meta.decoder().parameterCount())));
        StringBuilder body = new StringBuilder(Html.table(List.of(), rows, "facts"));
        if (!leftOut.isEmpty()) {
            body.append("<p>Not in this report:</p>\n<ul>\n");
            for (String s : leftOut) {
                body.append("<li>").append(Html.escape(s)).append("</li>\n");
            }
            body.append("</ul>\n");
        }
        return new Section("overview", "The artifact", body.toString());
    }

    private static List<String> fact(String name, String value) {
        return List.of("<strong>" + Html.escape(name) + "</strong>", Html.escape(value));
    }

    private static String components(ReportInputs in) {
        List<String> parts = new ArrayList<>();
        List<String> names = in.artifact().metadata().classNames();
        int total = 0;
        for (int c = 0; c < names.size(); c++) {
            GaussianMixture m = in.artifact().mixtures().get(c);
            parts.add(names.get(c) + " " + m.components());
            total += m.components();
        }
        return total + " in all (" + String.join(", ", parts) + ")";
    }

    /** "fashion-mnist/train: " from the provenance, when recorded. */
    private static String source(ArtifactMetadata meta) {
        JsonObject p = meta.provenance();
        JsonElement s = p.get("source");
        if (s != null && s.isJsonObject() && s.getAsJsonObject().has("name")) {
            JsonElement name = s.getAsJsonObject().get("name");
            if (name.isJsonPrimitive()) {
                return name.getAsString() + ", ";
            }
        }
        return "";
    }
}
