package io.lgc.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.ContainerReader;
import io.lgc.artifact.VerifyReport;
import io.lgc.model.Layer;
import io.lgc.model.NetworkSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show an .lgc file's metadata and the bytes taken by each part. Reading it checks "
                + "every checksum, so a damaged file is refused.")
final class InspectCommand implements Callable<Integer> {
    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE.lgc", description = "Artifact to inspect.")
    Path artifact;

    @Override
    public Integer call() {
        VerifyReport parts = ContainerReader.verify(artifact);
        CompressedDataset data = ArtifactFile.read(artifact);
        print(root.out, data.metadata(), parts);
        return ExitCodes.OK;
    }

    private void print(PrintStream out, ArtifactMetadata m, VerifyReport parts) {
        out.println("file: " + artifact + " (" + Text.bytes(parts.totalBytes()) + ")");
        out.println("classes: " + m.numClasses());
        JsonElement report = m.mixtureReport().get("classes");
        for (int c = 0; c < m.numClasses(); c++) {
            JsonObject entry = report != null && report.getAsJsonArray().size() > c
                    ? report.getAsJsonArray().get(c).getAsJsonObject() : new JsonObject();
            out.println(String.format(Locale.ROOT, "  %2d %-14s %7d samples  K=%s%s", c, m.classNames().get(c),
                    m.classCounts()[c], entry.has("components") ? entry.get("components").getAsString() : "?",
                    entry.has("bic_curve") ? "  BIC " + entry.get("bic_curve") : ""));
        }
        out.println("sample shape: " + m.sampleShape() + " (uint8 = " + m.scaling().offset() + " + "
                + m.scaling().scale() + " x output)");
        out.println("latent dimension: " + m.latentDim() + ", covariance: "
                + m.covarianceType().name().toLowerCase(Locale.ROOT));
        out.println("decoder: " + describe(m.decoder()));
        out.println("provenance: " + new GsonBuilder().create().toJson(m.provenance()));
        out.println("parts:");
        out.println("  header     " + Text.bytes(parts.headerBytes()));
        parts.sectionBytes().forEach((name, bytes) -> out.println(String.format("  %-11s", name) + Text.bytes(bytes)
                + " (" + parts.sectionCodecs().get(name) + ")"));
    }

    static String describe(NetworkSpec spec) {
        StringJoiner j = new StringJoiner(" -> ");
        for (Layer layer : spec.layers()) {
            j.add(layer.toJson().get("op").getAsString());
        }
        return String.format(Locale.ROOT, "%,d parameters: %s", spec.parameterCount(), j);
    }
}
