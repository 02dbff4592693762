package io.lgc.synth;

import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.Decoder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Turns an artifact back into a dataset: samples latents from each class's mixture, decodes them,
 * maps the outputs to samples as the artifact says (uint8 pixels, or table rows back in the
 * source's units) and hands them to a sink in batches.
 *
 * <p>Batches interleave the classes (a slice of each class in turn), so any prefix of the output
 * is roughly balanced. Each class draws from its own generator split from the seed, so the output
 * depends only on the artifact, the plan and the batch size.
 */
public final class Reconstructor {
    public static final int DEFAULT_BATCH = 1000;
    /**
     * Decoded values one batch may hold (64 MiB as float32): large samples come in smaller
     * batches, so memory does not grow with the sample size either. Samples of up to 16,777
     * values (Fashion-MNIST, CIFAR) keep the default batch, and with it their exact output.
     */
    static final long BATCH_VALUES = 1L << 24;

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
        ArtifactMetadata meta = data.metadata();
        int classes = meta.numClasses();
        if (plan.perClass().length != classes) {
            throw new IllegalArgumentException("plan covers " + plan.perClass().length + " classes, artifact has "
                    + classes);
        }
        long sampleValues = Math.max(1, meta.layout().size());
        int batchSize = (int) Math.max(1, Math.min(DEFAULT_BATCH, BATCH_VALUES / sampleValues));
        int slice = Math.max(1, batchSize / classes);
        List<GaussianMixture> mixtures = new ArrayList<>();
        List<SplittableRandom> randoms = new ArrayList<>();
        SplittableRandom root = new SplittableRandom(plan.seed());
        for (int c = 0; c < classes; c++) {
            GaussianMixture m = data.mixtures().get(c);
            mixtures.add(plan.spread() == 1.0 ? m : m.withCovarianceScale(plan.spread()));
            randoms.add(root.split());
        }
        int[] remaining = plan.perClass();
        long total = plan.total();
        long done = 0;
        long start = System.nanoTime();
        try (Decoder decoder = Decoder.load(meta.decoder(), data.decoderWeights())) {
            while (done < total) {
                LatentBatch batch = LatentBatch.draw(mixtures, randoms, remaining, slice, meta.latentDim());
                float[] outputs = decoder.decode(batch.latents(), batch.size());
                sink.accept(meta.samples().samples(outputs, batch.labels(), meta.classNames()));
                done += batch.size();
                progress.update("reconstruct", done, total, start);
            }
        }
    }
}
