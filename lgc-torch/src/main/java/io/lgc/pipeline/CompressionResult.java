package io.lgc.pipeline;

import io.lgc.artifact.CompressedDataset;
import java.util.List;

/**
 * A compressed dataset together with what happened while making it.
 *
 * @param latents the training samples' latent vectors, in dataset order (for reports; not shipped)
 */
public record CompressionResult(CompressedDataset dataset, StageTimes times, List<String> warnings,
        double[][] latents) {
    public CompressionResult {
        warnings = List.copyOf(warnings);
    }
}
