package io.lgc.privacy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.TableFormat;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.model.AutoencoderKind;
import io.lgc.model.Batches;
import io.lgc.model.Decoder;
import io.lgc.model.Engines;
import io.lgc.model.Networks;
import io.lgc.network.AutoencoderSpec;
import io.lgc.synth.LatentDraws;
import java.util.SplittableRandom;

/**
 * An encoder learned from the artifact alone, as an attacker holding only the file could learn it:
 * latents drawn from the file's mixtures are decoded (and quantised as a reconstruction is), and an
 * encoder of LGC's own shape is trained to map the decoded samples back to their latents. The
 * compression run's encoder is never shipped; this one needs nothing but the file.
 */
public final class InverseEncoder implements AutoCloseable {
    static final int WIDTH = 32;
    static final int BATCH = 128;
    static final double LEARNING_RATE = 1e-3;

    private final Model model;
    private final SequentialBlock encoder;
    private final int latentDim;
    private final ArtifactMetadata meta;

    private InverseEncoder(Model model, SequentialBlock encoder, int latentDim, ArtifactMetadata meta) {
        this.meta = meta;
        this.model = model;
        this.encoder = encoder;
        this.latentDim = latentDim;
    }

    /** Trains on {@code samples} fresh decoded samples for {@code epochs} passes. */
    public static InverseEncoder train(CompressedDataset artifact, int samples, int epochs, long seed,
            Progress progress) {
        ArtifactMetadata meta = artifact.metadata();
        int k = meta.latentDim();
        SplittableRandom random = new SplittableRandom(seed);
        float[] latents = new float[samples * k];
        new LatentDraws(artifact, 1.0).draw(random, new int[samples], latents);
        LabelledData decoded;
        try (Decoder decoder = Decoder.load(meta, artifact.decoderWeights())) {
            decoded = networkInput(meta, meta.samples().samples(decoder.decode(latents, samples), new int[samples],
                    meta.classNames()));
        }
        AutoencoderSpec spec = AutoencoderKind.AUTO.resolve(meta.layout()).spec(meta.layout(), k, WIDTH);
        Engines.pytorch(seed);
        SequentialBlock encoder = Networks.build(spec.encoder());
        Model model = Model.newInstance("inverse-encoder");
        model.setBlock(encoder);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(
                Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) LEARNING_RATE)).build());
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(Networks.batchShape(spec.encoder(), 1));
            int[] order = Batches.identity(samples);
            java.util.Random shuffle = new java.util.Random(random.nextLong());
            long steps = (long) epochs * ((samples + BATCH - 1) / BATCH);
            long done = 0;
            long start = System.nanoTime();
            for (int epoch = 0; epoch < epochs; epoch++) {
                Batches.shuffle(order, shuffle);
                for (int from = 0; from < samples; from += BATCH) {
                    int to = Math.min(samples, from + BATCH);
                    step(trainer, decoded, latents, k, order, from, to);
                    progress.update("audit: encoder from the file", ++done, steps, start);
                }
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new InverseEncoder(model, encoder, k, meta);
    }

    private static void step(Trainer trainer, LabelledData decoded, float[] latents, int k, int[] order, int from,
            int to) {
        try (NDManager batch = trainer.getManager().newSubManager();
                GradientCollector collector = trainer.newGradientCollector()) {
            NDArray x = Batches.inputs(batch, decoded, order, from, to);
            float[] z = new float[(to - from) * k];
            for (int i = from; i < to; i++) {
                System.arraycopy(latents, order[i] * k, z, (i - from) * k, k);
            }
            NDArray target = batch.create(z, new Shape(to - from, k));
            NDArray loss = trainer.getLoss().evaluate(new NDList(target), trainer.forward(new NDList(x)));
            collector.backward(loss);
            trainer.step();
        }
    }

    /** Tables train on standardised features, as the compression's own encoder did; images as they are. */
    private static LabelledData networkInput(ArtifactMetadata meta, LabelledData data) {
        return meta.samples() instanceof TableFormat table && data instanceof Table rows
                ? table.scaling().standardise(rows) : data;
    }

    /** The latents of every sample of {@code records} (of the artifact's kind), in order. */
    public double[][] encode(LabelledData records) {
        LabelledData data = networkInput(meta, records);
        double[][] out = new double[data.size()][latentDim];
        int[] order = Batches.identity(data.size());
        for (int from = 0; from < data.size(); from += 512) {
            int to = Math.min(data.size(), from + 512);
            try (NDManager batch = model.getNDManager().newSubManager()) {
                float[] z = Networks.predict(encoder, Batches.inputs(batch, data, order, from, to)).toFloatArray();
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < latentDim; j++) {
                        out[i][j] = z[(i - from) * latentDim + j];
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
