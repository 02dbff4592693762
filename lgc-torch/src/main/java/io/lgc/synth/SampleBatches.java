package io.lgc.synth;

import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.LabelledData;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.Decoder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The samples of a plan, pulled one batch at a time: latents drawn from each class's mixture,
 * decoded, and mapped to samples as the artifact says (uint8 pixels, or table rows in the source's
 * units). Holds a loaded decoder until closed.
 *
 * <p>Batches interleave the classes (a slice of each class in turn), so any prefix of the output
 * is roughly balanced. Each class draws from its own generator split from the seed, so the output
 * depends only on the artifact and the plan: the same seed gives the same samples, whether they
 * are pulled here or written by {@code lgc reconstruct}.
 */
public final class SampleBatches implements Iterator<LabelledData>, AutoCloseable {
    /** Samples per batch, over all classes. */
    public static final int BATCH = 1000;
    /**
     * Decoded values one batch may hold (64 MiB as float32): large samples come in smaller
     * batches, so memory does not grow with the sample size either. Samples of up to 16,777
     * values (Fashion-MNIST, CIFAR) keep the default batch, and with it their exact output.
     */
    static final long BATCH_VALUES = 1L << 24;

    private final ArtifactMetadata meta;
    private final List<GaussianMixture> mixtures = new ArrayList<>();
    private final List<SplittableRandom> randoms = new ArrayList<>();
    private final int[] remaining;
    private final int slice;
    private final long total;
    private final Decoder decoder;
    private long done;

    /** Loads the decoder; close the result to release it. */
    public SampleBatches(CompressedDataset data, SamplingPlan plan) {
        this.meta = data.metadata();
        int classes = meta.numClasses();
        if (plan.perClass().length != classes) {
            throw new IllegalArgumentException("plan covers " + plan.perClass().length + " classes, artifact has "
                    + classes);
        }
        SplittableRandom root = new SplittableRandom(plan.seed());
        for (int c = 0; c < classes; c++) {
            GaussianMixture m = data.mixtures().get(c);
            mixtures.add(plan.spread() == 1.0 ? m : m.withCovarianceScale(plan.spread()));
            randoms.add(root.split());
        }
        this.remaining = plan.perClass();
        long sampleValues = Math.max(1, meta.layout().size());
        int batchSize = (int) Math.max(1, Math.min(BATCH, BATCH_VALUES / sampleValues));
        this.slice = Math.max(1, batchSize / classes);
        this.total = plan.total();
        this.decoder = Decoder.load(meta, data.decoderWeights());
    }

    /** Samples handed out so far. */
    public long done() {
        return done;
    }

    /** Samples in the whole plan. */
    public long total() {
        return total;
    }

    @Override
    public boolean hasNext() {
        return done < total;
    }

    /** The next batch: a {@link io.lgc.data.Dataset} of images or a {@link io.lgc.data.Table} of rows. */
    @Override
    public LabelledData next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + total + " samples were drawn");
        }
        LatentBatch batch = LatentBatch.draw(mixtures, randoms, remaining, slice, meta.latentDim());
        float[] outputs = decoder.decode(batch.latents(), batch.size());
        done += batch.size();
        return meta.samples().samples(outputs, batch.labels(), meta.classNames());
    }

    @Override
    public void close() {
        decoder.close();
    }
}
