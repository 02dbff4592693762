package io.lgc.report;

import io.lgc.artifact.ArtifactMetadata;
import io.lgc.data.ImageShape;
import java.util.ArrayList;
import java.util.List;

/** Decoded samples per class, beside real ones when the real data is at hand. */
final class SamplesSection {
    private SamplesSection() {
    }

    static Section build(ReportInputs in, Figures figures) {
        ArtifactMetadata meta = in.artifact().metadata();
        ImageShape shape = meta.sampleShape();
        int n = in.samplesPerClass();
        int scale = SampleStrip.scale(shape);
        byte[][] decoded = DecodedSamples.draw(in.artifact(), n, in.seed());
        byte[][] real = in.realData().map(d -> RealSamples.pick(d, n, in.seed())).orElse(null);
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < meta.numClasses(); c++) {
            String name = meta.classNames().get(c);
            List<String> row = new ArrayList<>();
            row.add(Html.escape(name));
            if (real != null) {
                row.add(strip(figures, "samples-real-" + c + ".png", real[c], shape, scale,
                        "real samples of class " + name));
            }
            row.add(strip(figures, "samples-decoded-" + c + ".png", decoded[c], shape, scale,
                    "samples of class " + name + " decoded from the artifact"));
            rows.add(row);
        }
        List<String> headers = real != null ? List.of("class", "real", "decoded from the artifact")
                : List.of("class", "decoded from the artifact");
        StringBuilder body = new StringBuilder();
        body.append(Html.table(headers, rows, "samples"));
        body.append("<p class=\"caption\">").append(Html.escape(n + " samples per class, drawn from each class's "
                + "mixture and decoded exactly as lgc reconstruct does (seed " + in.seed() + "), shown at ×" + scale
                + (real != null ? "; on the left, " + n + " real samples of the same class picked at random." : ". "
                        + "Pass the real data (--real DATASET) to see real samples beside them.")))
                .append("</p>\n");
        return new Section("samples", "Samples: what a receiver gets", body.toString());
    }

    private static String strip(Figures figures, String file, byte[] pixels, ImageShape shape, int scale, String what) {
        int count = pixels.length / shape.size();
        if (count == 0) {
            return "<span class=\"note\">none</span>";
        }
        Figure f = figures.image(file, SampleStrip.render(pixels, count, shape, scale), count + " " + what, "", true);
        return Html.image(f);
    }
}
