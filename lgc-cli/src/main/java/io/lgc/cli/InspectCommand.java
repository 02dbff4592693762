package io.lgc.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactFormatException;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.synth.DecoderLoadCheck;
import io.lgc.artifact.TableFormat;
import io.lgc.data.TableColumns;
import io.lgc.artifact.VerifiedArtifact;
import io.lgc.artifact.container.VerifyReport;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show an .lgc file's metadata and the bytes taken by each part. Reading it checks "
                + "every checksum and the whole structure, so a damaged file is refused.")
final class InspectCommand implements Callable<Integer> {
    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE.lgc", description = "Artifact to inspect.")
    Path artifact;

    @Option(names = "--verify", description = "Check everything: checksums, structure, and that the decoder "
            + "builds and runs. Prints 'FILE: OK' and exits 0 only if the file is intact; otherwise prints "
            + "'FILE: FAILED: <problem>' and exits 2.")
    boolean verify;

    @Option(names = "--json", description = "Print the header and the part sizes as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        VerifiedArtifact read;
        try {
            read = ArtifactFile.readVerified(artifact);
            if (verify) {
                DecoderLoadCheck.run(read.dataset(), artifact.toString());
            }
        } catch (ArtifactFormatException e) {
            if (!verify) {
                throw e;
            }
            root.out.println(artifact + ": FAILED: " + e.problem());
            return ExitCodes.BAD_INPUT;
        }
        if (json) {
            root.out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                    .toJson(json(artifact, read, verify)));
        } else if (verify) {
            root.out.println(artifact + ": OK");
        } else {
            print(root.out, read);
        }
        return ExitCodes.OK;
    }

    private void print(PrintStream out, VerifiedArtifact read) {
        ArtifactMetadata m = read.dataset().metadata();
        VerifyReport parts = read.parts();
        out.println("file: " + artifact + " (" + Text.bytes(parts.totalBytes()) + ")");
        out.println("classes: " + m.numClasses());
        JsonElement report = m.mixtureReport().get("classes");
        for (int c = 0; c < m.numClasses(); c++) {
            JsonObject entry = report != null && report.getAsJsonArray().size() > c
                    ? report.getAsJsonArray().get(c).getAsJsonObject() : new JsonObject();
            out.println(String.format(Locale.ROOT, "  %2d %-14s %7d samples  K=%d%s", c, m.classNames().get(c),
                    m.classCounts()[c], read.dataset().mixtures().get(c).components(),
                    entry.has("bic_curve") ? "  BIC by K: " + bicCurve(entry.getAsJsonObject("bic_curve")) : ""));
        }
        if (m.samples() instanceof TableFormat table) {
            printColumns(out, table);
        } else {
            out.println("sample shape: " + m.sampleShape() + " (uint8 = " + m.scaling().offset() + " + "
                    + m.scaling().scale() + " x output)");
        }
        out.println("latent dimension: " + m.latentDim() + ", covariance: "
                + m.covarianceType().name().toLowerCase(Locale.ROOT) + (m.covarianceRank() > 0
                ? ", stored as " + m.covarianceRank() + " loading vectors plus a diagonal" : ""));
        m.drawSpread().ifPresent(s -> out.println("spread: " + OptionChecks.number(s)
                + ", as the writer recommends drawing (reconstruct's default for this file)"));
        out.println("decoder: " + describe(m.decoder()));
        out.println("decoder arithmetic: " + m.decoderArithmetic().id());
        List<Integer> int4 = read.int4GridLayers();
        out.println("precision: " + read.precision() + (int4.isEmpty() ? ""
                : " (a mixed decoder: layers " + int4.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " on int4's grid)"));
        out.println("provenance: " + new GsonBuilder().create().toJson(m.provenance()));
        out.println("source: " + source(m.provenance()));
        if (m.provenance().has("differential_privacy")) {
            out.println("differential privacy: " + privacy(m.provenance()));
            privacyDetails(m.provenance()).forEach(out::println);
        }
        out.println("parts:");
        out.println("  header     " + Text.bytes(parts.headerBytes()));
        parts.sectionBytes().forEach((name, bytes) -> out.println(String.format("  %-11s", name) + Text.bytes(bytes)
                + " (" + parts.sectionCodecs().get(name) + ", " + Text.bytes(parts.sectionUncompressedBytes().get(name))
                + " uncompressed)"));
        out.println("sha256: " + parts.sha256());
    }

    /** A table's columns in file order: each feature's stored mean and std (value = mean + std x output), the label. */
    static void printColumns(PrintStream out, TableFormat table) {
        TableColumns columns = table.columns();
        out.println("table: " + columns.size() + " feature columns + label column '" + columns.labelName()
                + "' (value = mean + std x output)");
        int width = Math.max(14, columns.names().stream().mapToInt(String::length).max().orElse(0));
        double[] mean = table.scaling().mean();
        double[] std = table.scaling().std();
        int feature = 0;
        for (int c = 0; c < columns.names().size(); c++) {
            String name = columns.names().get(c);
            String what = c == columns.labelIndex() ? "label (class names)"
                    : String.format(Locale.ROOT, "mean %.6g  std %.6g", mean[feature], std[feature++]);
            out.println(String.format(Locale.ROOT, "  %2d %-" + width + "s %s", c + 1, name, what));
        }
    }

    /** What --json prints: the file's identity, precision, part sizes and header. */
    static JsonObject json(Path file, VerifiedArtifact read, boolean verified) {
        VerifyReport parts = read.parts();
        JsonObject o = new JsonObject();
        o.addProperty("file", file.toString());
        o.addProperty("format_version", parts.formatVersion());
        o.addProperty("sha256", parts.sha256());
        if (verified) {
            o.addProperty("verified", true);
        }
        // The effective precision: also present for files whose header predates the key.
        JsonObject precision = new JsonObject();
        precision.addProperty("decoder", read.precision().decoder().label());
        precision.addProperty("mixtures", read.precision().mixtures().label());
        List<Integer> int4 = read.int4GridLayers();
        if (!int4.isEmpty()) {
            JsonArray layers = new JsonArray();
            int4.forEach(layers::add);
            precision.add("int4_grid_layers", layers);
        }
        o.add("precision", precision);
        // effective too: "layerwise" for files written before the header key
        o.addProperty("decoder_arithmetic", read.dataset().metadata().decoderArithmetic().id());
        JsonObject sizes = new JsonObject();
        sizes.addProperty("total_bytes", parts.totalBytes());
        sizes.addProperty("header_bytes", parts.headerBytes());
        sizes.addProperty("trailer_bytes", parts.trailerBytes());
        JsonObject sections = new JsonObject();
        parts.sectionBytes().forEach((name, bytes) -> {
            JsonObject s = new JsonObject();
            s.addProperty("bytes", bytes);
            s.addProperty("codec", parts.sectionCodecs().get(name));
            s.addProperty("uncompressed_bytes", parts.sectionUncompressedBytes().get(name));
            s.addProperty("tensors", parts.sectionTensorCounts().get(name));
            sections.add(name, s);
        });
        sizes.add("sections", sections);
        o.add("parts", sizes);
        o.addProperty("source_record", sourceRecord(read.dataset().metadata().provenance()));
        o.add("header", read.header());
        return o;
    }

    /**
     * How much the file says about its source: "minimal" (base name, format, size), "full" (also the
     * path as given and the SHA-256 of the source files; every file from before the choice existed),
     * or "none" when the header records no source.
     */
    static String sourceRecord(JsonObject provenance) {
        JsonElement source = provenance.get("source");
        if (source == null || !source.isJsonObject()) {
            return "none";
        }
        JsonElement record = source.getAsJsonObject().get("record");
        if (record != null && record.isJsonPrimitive()) {
            return record.getAsString();
        }
        return source.getAsJsonObject().has("sha256") ? "full" : "minimal";
    }

    /** The guarantee a file made with {@code --epsilon} records, in one line. */
    static String privacy(JsonObject provenance) {
        JsonObject dp = provenance.getAsJsonObject("differential_privacy");
        String clips = dp.has("pixel_clip")
                ? "clip norms " + dp.get("pixel_clip").getAsString() + " (pixels) and " + dp.get("latent_clip").getAsString()
                        + " (latents)"
                : "latent clip norm " + String.format(Locale.ROOT, "%.4g", dp.get("latent_clip").getAsDouble());
        return String.format(Locale.ROOT, "(%s, %s)-DP for adding or removing one record; %s, rho %.6g; %s; public: %s",
                dp.get("epsilon").getAsString(), dp.get("delta").getAsString(), dp.get("accountant").getAsString(),
                dp.get("rho").getAsDouble(), clips, dp.get("public").getAsString());
    }

    /** Where the decoder of a private file came from, and each step of its budget, one line each. */
    static List<String> privacyDetails(JsonObject provenance) {
        JsonObject dp = provenance.getAsJsonObject("differential_privacy");
        List<String> lines = new java.util.ArrayList<>();
        if (dp.has("decoder_from")) {
            JsonObject from = dp.getAsJsonObject("decoder_from");
            lines.add("  decoder from public file " + from.get("name").getAsString() + " (sha256 "
                    + from.get("sha256").getAsString() + "), not private; private latents by "
                    + from.get("encoder").getAsString());
        } else if (dp.has("public_data")) {
            JsonObject from = dp.getAsJsonObject("public_data");
            lines.add("  decoder of an autoencoder trained on the public data " + from.get("name").getAsString() + " ("
                    + from.get("records").getAsString() + " records, sha256 " + from.get("sha256").getAsString()
                    + "), not private; private latents by " + from.get("encoder").getAsString());
        } else {
            lines.add("  decoder: PCA of the private covariance");
        }
        if (dp.has("noise")) {
            lines.add("  noise: " + dp.get("noise").getAsString());
        } else if (provenance.has("seed")) {
            lines.add("  warning: this file records the seed that drew its noise (files made before the noise came"
                    + " from a secure source): whoever reads it can replay and remove the noise, so the file carries"
                    + " no guarantee; make it again");
        }
        if (dp.has("steps")) {
            for (JsonElement e : dp.getAsJsonArray("steps")) {
                JsonObject step = e.getAsJsonObject();
                lines.add(String.format(Locale.ROOT, "  step %-48s sensitivity %-8.4g sigma %-10.4g %5.2f %% of rho",
                        step.get("statistic").getAsString(), step.get("sensitivity").getAsDouble(),
                        step.get("sigma").getAsDouble(), 100 * step.get("share").getAsDouble()));
            }
        }
        return lines;
    }

    /** The source line of the text output: what is recorded and how much. */
    static String source(JsonObject provenance) {
        String record = sourceRecord(provenance);
        if (record.equals("none")) {
            return "not recorded";
        }
        JsonObject source = provenance.getAsJsonObject("source");
        String name = source.has("name") ? source.get("name").getAsString() : "?";
        return name + " (provenance " + record + (record.equals("full")
                ? ": the path as given and the SHA-256 of the source files are recorded)"
                : ": the base name only, no path or content hash)");
    }

    /** "1:316946 2:285142 …" in increasing K (the header stores the curve with its keys sorted as text). */
    static String bicCurve(JsonObject curve) {
        java.util.SortedMap<Integer, Double> byK = new java.util.TreeMap<>();
        for (var e : curve.entrySet()) {
            // The report is informative only: an entry this reader cannot parse is left out, not fatal.
            if (e.getKey().matches("\\d{1,6}") && e.getValue().isJsonPrimitive()
                    && e.getValue().getAsJsonPrimitive().isNumber()) {
                byK.put(Integer.parseInt(e.getKey()), e.getValue().getAsDouble());
            }
        }
        StringJoiner j = new StringJoiner(" ");
        byK.forEach((k, bic) -> j.add(k + ":" + Math.round(bic)));
        return j.toString();
    }

    static String describe(NetworkSpec spec) {
        StringJoiner j = new StringJoiner(" -> ");
        for (Layer layer : spec.layers()) {
            j.add(layer.toJson().get("op").getAsString());
        }
        return String.format(Locale.ROOT, "%,d parameters: %s", spec.parameterCount(), j);
    }
}
