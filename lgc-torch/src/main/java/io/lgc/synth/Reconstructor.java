package io.lgc.synth;

import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import java.util.function.Consumer;

/**
 * Turns an artifact back into a dataset, pushing the batches of {@link SampleBatches} to a sink
 * with progress.
 */
public final class Reconstructor {
    private Reconstructor() {
    }

    /** Reconstructs an image artifact, handing each batch's pixels to {@code sink}. */
    public static void reconstruct(CompressedDataset data, SamplingPlan plan, SampleSink sink, Progress progress) {
        if (data.metadata().isTable()) {
            throw new IllegalArgumentException("a table artifact decodes to rows, not pixels; use reconstructBatches");
        }
        reconstructBatches(data, plan, batch -> sink.accept(((Dataset) batch).pixels(), batch.labels()), progress);
    }

    /**
     * Reconstructs an artifact of either kind, handing each batch to {@code sink}: a {@link Dataset}
     * of images or a {@link io.lgc.data.Table} of rows, with the artifact's class names.
     */
    public static void reconstructBatches(CompressedDataset data, SamplingPlan plan, Consumer<LabelledData> sink,
            Progress progress) {
        long start = System.nanoTime();
        try (SampleBatches batches = new SampleBatches(data, plan)) {
            while (batches.hasNext()) {
                sink.accept(batches.next());
                progress.update("reconstruct", batches.done(), batches.total(), start);
            }
        }
    }
}
