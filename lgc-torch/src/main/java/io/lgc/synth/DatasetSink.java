package io.lgc.synth;

import io.lgc.artifact.ArtifactMetadata;
import io.lgc.data.Dataset;
import java.util.Arrays;

/** Collects a reconstruction in memory, for callers that evaluate it at once instead of writing it. */
public final class DatasetSink implements SampleSink {
    private final ArtifactMetadata meta;
    private final byte[] pixels;
    private final int[] labels;
    private int filled;

    /** @param total samples the plan will deliver (the sink's capacity) */
    public DatasetSink(ArtifactMetadata meta, int total) {
        this.meta = meta;
        this.pixels = new byte[Math.multiplyExact(total, meta.sampleShape().size())];
        this.labels = new int[total];
    }

    @Override
    public void accept(byte[] batchPixels, int[] batchLabels) {
        if (filled + batchLabels.length > labels.length) {
            throw new IllegalStateException("more samples than the " + labels.length + " planned");
        }
        System.arraycopy(batchPixels, 0, pixels, filled * meta.sampleShape().size(), batchPixels.length);
        System.arraycopy(batchLabels, 0, labels, filled, batchLabels.length);
        filled += batchLabels.length;
    }

    /** The samples received so far, with the artifact's class names and sample shape. */
    public Dataset dataset() {
        int d = meta.sampleShape().size();
        return new Dataset(Arrays.copyOf(pixels, filled * d), Arrays.copyOf(labels, filled), meta.classNames(),
                meta.sampleShape());
    }
}
