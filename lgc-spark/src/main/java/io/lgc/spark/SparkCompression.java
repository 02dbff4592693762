package io.lgc.spark;

import io.lgc.artifact.CompressedDataset;
import io.lgc.pipeline.StageTimes;
import java.util.List;

/**
 * A compressed table with what happened on the way.
 *
 * @param records       records encoded (the whole table)
 * @param sampleRecords records the autoencoder was trained on
 */
public record SparkCompression(CompressedDataset dataset, StageTimes times, List<String> warnings, long records,
        int sampleRecords) {
    public SparkCompression {
        warnings = List.copyOf(warnings);
    }
}
