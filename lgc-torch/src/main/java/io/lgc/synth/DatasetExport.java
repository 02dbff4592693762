package io.lgc.synth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.DatasetWriter;
import io.lgc.data.OutputFormat;
import io.lgc.data.SampleLayout;
import io.lgc.output.OutputTarget;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes samples of an artifact as an ordinary dataset (IDX, npz, PNG folders; CSV or npz for a table),
 * streamed batch by batch, so memory does not grow with the number of samples, and atomically: the
 * output directory appears, whole, only when every sample is written.
 */
public final class DatasetExport {
    private DatasetExport() {
    }

    /**
     * Decodes the samples {@code plan} asks for into {@code dir} as {@code format}; returns how many were
     * written. {@code dir}'s rules (may it replace an earlier output?) are the target's.
     */
    public static long write(CompressedDataset data, SamplingPlan plan, OutputFormat format, OutputTarget dir,
            Progress progress) {
        long total = plan.total();
        SampleLayout layout = data.metadata().layout();
        long max = Math.min(Integer.MAX_VALUE, DatasetWriter.maxSamples(layout));
        if (total < 1 || total > max) {
            throw new ParameterException("a reconstruction needs between 1 and " + max + " samples in all (what one "
                    + "dataset of " + layout + " can hold: readers keep it in memory, at most 2 GiB), got " + total
                    + "; ask for fewer with ", Parameter.PER_CLASS, " or ", Parameter.COUNT);
        }
        return dir.writing(() -> {
            try (DatasetWriter writer = DatasetWriter.open(format, dir, layout, (int) total,
                    data.metadata().classNames())) {
                Reconstructor.reconstructBatches(data, plan, batch -> {
                    try {
                        writer.write(batch);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, progress);
                writer.commit();
            }
            return total;
        });
    }

    /**
     * The kind of data that was compressed: image folders come back as PNG folders, CIFAR as npz,
     * tables (from CSV or npz) as CSV.
     */
    public static OutputFormat defaultFormat(CompressedDataset data) {
        if (data.metadata().isTable()) {
            return OutputFormat.CSV;
        }
        JsonElement source = data.metadata().provenance().get("source");
        JsonElement format = source != null && source.isJsonObject()
                ? ((JsonObject) source).get("format") : null;
        String kind = format == null || format.isJsonNull() ? "idx" : format.getAsString();
        return switch (kind) {
            case "folder" -> OutputFormat.PNG;
            case "npz", "cifar" -> OutputFormat.NPZ;
            default -> OutputFormat.IDX;
        };
    }
}
