package io.lgc.pipeline;

import io.lgc.artifact.CompressedDataset;
import java.util.List;

/** A compressed dataset together with what happened while making it. */
public record CompressionResult(CompressedDataset dataset, StageTimes times, List<String> warnings) {
    public CompressionResult {
        warnings = List.copyOf(warnings);
    }
}
