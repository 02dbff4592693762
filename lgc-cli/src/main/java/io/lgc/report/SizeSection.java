package io.lgc.report;

import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.container.PartSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where the artifact's bytes go: header, each section, trailer, with a bar per part. */
final class SizeSection {
    private SizeSection() {
    }

    static Optional<Section> build(ReportInputs in) {
        if (in.partSizes().isEmpty()) {
            return Optional.empty();
        }
        PartSizes sizes = in.partSizes().get();
        ArtifactMetadata meta = in.artifact().metadata();
        long total = sizes.totalBytes();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("header (format preamble and JSON metadata)", sizes.headerBytes(), total, ""));
        for (Map.Entry<String, Long> s : sizes.sectionBytes().entrySet()) {
            String codec = sizes.sectionCodecs().getOrDefault(s.getKey(), "?");
            Long raw = sizes.sectionUncompressedBytes().get(s.getKey());
            String stored = codec.equals("none") ? "stored as is"
                    : codec + (raw == null ? "" : " from " + Bytes.exact(raw) + " bytes");
            rows.add(row(describe(s.getKey(), meta), s.getValue(), total, stored));
        }
        rows.add(row("trailer (SHA-256 and end marker)", sizes.trailerBytes(), total, ""));
        rows.add(List.of("<strong>total</strong>", "<strong>" + Bytes.exact(total) + "</strong>", "100 %", "",
                Html.escape(Bytes.human(total))));
        StringBuilder body = new StringBuilder();
        body.append(Html.table(List.of("part", "bytes", "share", "", "notes"), rows, "sizes"));
        long samples = 0;
        for (int n : meta.classCounts()) {
            samples += n;
        }
        long raw = samples * (meta.sampleShape().size() + 1L);
        body.append(Html.paragraph(String.format(Locale.ROOT, "The source data it stands for: %,d samples of %s "
                + "= %s of uint8 pixels and labels, %.1f× the artifact's size.", samples, meta.sampleShape(),
                Bytes.human(raw), raw / (double) total)));
        return Optional.of(new Section("size", "Where the bytes go", body.toString()));
    }

    private static String describe(String section, ArtifactMetadata meta) {
        return switch (section) {
            case "decoder" -> String.format(Locale.ROOT, "decoder (%,d parameters)", meta.decoder().parameterCount());
            case "mixtures" -> "mixtures (" + meta.numClasses() + " classes, " + meta.covarianceType().label()
                    + " covariances)";
            default -> section;
        };
    }

    private static List<String> row(String part, long bytes, long total, String note) {
        double share = total > 0 ? bytes / (double) total : 0;
        String bar = "<span class=\"bar\" style=\"width:" + String.format(Locale.ROOT, "%.1f", 20 * share)
                + "rem\" role=\"img\" aria-label=\"" + String.format(Locale.ROOT, "%.1f", 100 * share)
                + " percent\"></span>";
        return List.of(Html.escape(part), Bytes.exact(bytes),
                String.format(Locale.ROOT, "%.1f %%", 100 * share), bar, Html.escape(note));
    }
}
