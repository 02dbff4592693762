package io.lgc.synth;

import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Turns an artifact back into a dataset, pushing the batches of {@link SampleBatches} to a sink
 * with progress.
 *
 * <p>The sink (compressing and writing files, in {@code lgc reconstruct}) runs on a thread of its
 * own while the next batch is decoded, one batch behind: the batches reach it one at a time and in
 * order, so what it writes is what it wrote before, and at most two batches are held at once.
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
        ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "lgc-reconstruct-sink");
            thread.setDaemon(true); // never keeps a stopped command alive
            return thread;
        });
        try (SampleBatches batches = new SampleBatches(data, plan)) {
            Future<?> previous = null;
            while (batches.hasNext()) {
                LabelledData batch = batches.next();
                progress.update("reconstruct", batches.done(), batches.total(), start);
                await(previous);
                previous = writer.submit(() -> sink.accept(batch));
            }
            await(previous);
        } finally {
            writer.shutdownNow();
        }
    }

    /** Waits for the sink's batch; what it threw is thrown here, as it was. */
    private static void await(Future<?> batch) {
        if (batch == null) {
            return;
        }
        try {
            batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the reconstruction", e);
        }
    }
}
