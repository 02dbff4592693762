package io.lgc.spark;

import io.lgc.artifact.CompressedDataset;
import io.lgc.data.LabelledData;
import io.lgc.pipeline.StageTimes;
import java.util.List;

/**
 * A compressed table with what happened on the way.
 *
 * @param records       records encoded (the whole table)
 * @param sample        the records the autoencoder was trained on, on the driver (a table standardised as the
 *                      autoencoder saw it): what later stages that need real samples, such as sharpening, use
 */
public record SparkCompression(CompressedDataset dataset, StageTimes times, List<String> warnings, long records,
        LabelledData sample) {
    public SparkCompression {
        warnings = List.copyOf(warnings);
    }

    /** How many records the autoencoder was trained on. */
    public int sampleRecords() {
        return sample.size();
    }
}
