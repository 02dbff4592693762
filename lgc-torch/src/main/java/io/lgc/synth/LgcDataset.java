package io.lgc.synth;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.Batchifier;
import ai.djl.util.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.LabelledData;
import io.lgc.model.Decoder;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A DJL {@link Dataset} that samples an artifact on the fly, so a model trains on a compressed
 * dataset with no files written:
 *
 * <pre>{@code
 * try (LgcDataset train = LgcDataset.builder(ArtifactFile.read(path)).setSamplesPerEpoch(60_000)
 *         .optBatchSize(128).optSeed(1).build()) {
 *     EasyTrain.fit(trainer, 5, train, null);
 * }
 * }</pre>
 *
 * <p>Each batch draws its labels from the classes in the proportions of the source's class counts,
 * a latent for each label from that class's mixture, and decodes them. Data is float32
 * {@code [batch, channels, height, width]} with pixels in [0, 1], quantised to uint8 steps exactly
 * as a reconstructed file holds them, or {@code [batch, features]} in the source's units for a
 * table; labels are float32 class indices {@code [batch]}, as DJL's softmax cross-entropy takes them.
 *
 * <p>Seeded: the n-th call of {@link #getData(NDManager)} (the n-th epoch) draws from the n-th
 * generator split from the seed, so two datasets built alike give the same batches epoch by epoch,
 * and successive epochs differ. An unbounded dataset never ends an epoch; the caller decides when to
 * stop. Holds the loaded decoder: close it when done.
 */
public final class LgcDataset implements Dataset, AutoCloseable {
    private final ArtifactMetadata meta;
    private final LatentDraws draws;
    private final Decoder decoder;
    private final long samplesPerEpoch;
    private final int batchSize;
    private final SplittableRandom epochs;

    private LgcDataset(Builder b) {
        this.meta = b.artifact.metadata();
        this.draws = new LatentDraws(b.artifact, b.spread);
        this.samplesPerEpoch = b.samplesPerEpoch;
        this.batchSize = b.batchSize;
        this.epochs = new SplittableRandom(b.seed);
        this.decoder = Decoder.load(meta, b.artifact.decoderWeights());
    }

    /** A builder for a dataset sampling {@code artifact}. */
    public static Builder builder(CompressedDataset artifact) {
        return new Builder(artifact);
    }

    /** Samples in one epoch, or -1 when unbounded. */
    public long samplesPerEpoch() {
        return samplesPerEpoch;
    }

    /** The artifact's class names; label i is {@code classNames().get(i)}. */
    public List<String> classNames() {
        return meta.classNames();
    }

    /** One epoch of batches, each in its own sub-manager of {@code manager}, closed by {@link Batch#close()}. */
    @Override
    public Iterable<Batch> getData(NDManager manager) {
        SplittableRandom epoch;
        synchronized (epochs) {
            epoch = epochs.split();
        }
        return () -> new Epoch(manager, epoch);
    }

    /** Nothing to download or read: the artifact is already in memory. */
    @Override
    public void prepare(Progress progress) {
    }

    @Override
    public void close() {
        decoder.close();
    }

    private final class Epoch implements Iterator<Batch> {
        private final NDManager manager;
        private final SplittableRandom random;
        private long drawn;

        Epoch(NDManager manager, SplittableRandom random) {
            this.manager = manager;
            this.random = random;
        }

        @Override
        public boolean hasNext() {
            return samplesPerEpoch < 0 || drawn < samplesPerEpoch;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the epoch's " + samplesPerEpoch + " samples were drawn");
            }
            int n = samplesPerEpoch < 0 ? batchSize : (int) Math.min(batchSize, samplesPerEpoch - drawn);
            drawn += n;
            LabelledData samples = draw(n, random);
            float[] inputs = new float[n * meta.layout().size()];
            samples.inputs(IntStream.range(0, n).toArray(), 0, n, inputs);
            float[] labels = new float[n];
            for (int i = 0; i < n; i++) {
                labels[i] = samples.labels()[i];
            }
            NDManager batchManager = manager.newSubManager();
            NDList data = new NDList(batchManager.create(inputs, new Shape(dataShape(n))));
            NDList label = new NDList(batchManager.create(labels));
            return new Batch(batchManager, data, label, n, Batchifier.STACK, Batchifier.STACK, drawn,
                    Math.max(samplesPerEpoch, drawn));
        }
    }

    /** {@code n} labels drawn by class share, a latent of its class for each, decoded. */
    private LabelledData draw(int n, SplittableRandom random) {
        float[] latents = new float[n * meta.latentDim()];
        int[] labels = new int[n];
        draws.draw(random, labels, latents);
        return meta.samples().samples(decoder.decode(latents, n), labels, meta.classNames());
    }

    private long[] dataShape(int n) {
        long[] sample = meta.isTable() ? new long[] {meta.layout().size()} : meta.sampleShape().tensorShape();
        long[] shape = new long[sample.length + 1];
        shape[0] = n;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return shape;
    }

    /** Options of an {@link LgcDataset}; {@link #setSamplesPerEpoch} or {@link #optUnbounded} is required. */
    public static final class Builder {
        private final CompressedDataset artifact;
        private long samplesPerEpoch;
        private boolean sizeSet;
        private int batchSize = 32;
        private long seed = 1;
        private double spread;

        private Builder(CompressedDataset artifact) {
            this.artifact = java.util.Objects.requireNonNull(artifact, "artifact");
            this.spread = SamplingPlan.defaultSpread(artifact.metadata());
        }

        /** Samples drawn per epoch ({@code > 0}); the last batch may be smaller. */
        public Builder setSamplesPerEpoch(long samples) {
            if (samples <= 0) {
                throw new IllegalArgumentException("samplesPerEpoch must be > 0, got " + samples);
            }
            this.samplesPerEpoch = samples;
            this.sizeSet = true;
            return this;
        }

        /** Epochs that never end: every batch is a fresh draw. */
        public Builder optUnbounded() {
            this.samplesPerEpoch = -1;
            this.sizeSet = true;
            return this;
        }

        /** Samples per batch ({@code > 0}, default 32). */
        public Builder optBatchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Seed of the sampling (default 1). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Factor on every covariance before sampling, as {@code lgc reconstruct --spread} (default: the file's
         * recommended spread, else {@value SamplingPlan#DEFAULT_SPREAD}).
         */
        public Builder optSpread(double spread) {
            if (!(spread > 0) || Double.isInfinite(spread)) {
                throw new IllegalArgumentException("spread must be a positive number, got " + spread);
            }
            this.spread = spread;
            return this;
        }

        /** Loads the decoder; the dataset must be closed. */
        public LgcDataset build() {
            if (!sizeSet) {
                throw new IllegalStateException("set samplesPerEpoch or optUnbounded");
            }
            return new LgcDataset(this);
        }
    }
}
