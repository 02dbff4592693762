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
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.VerifiedArtifact;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.ReadOptions;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.Batches;
import io.lgc.model.ConvNet;
import io.lgc.model.Decoder;
import io.lgc.model.Engines;
import io.lgc.model.Networks;
import io.lgc.model.RoundingTuning;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import io.lgc.pipeline.RoundingStage;
import io.lgc.pipeline.SharpeningStage;
import io.lgc.pipeline.StageTimes;
import io.lgc.synth.SamplingPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Issue 16, lever 1 as DM has it: trains a file's decoder further on latents drawn from its own mixtures (at
 * the spread receivers draw at) so that, class by class, the mean features of its decoded draws match those
 * of real images under a ConvNet with fresh random weights at every step (no trained classifier), held near
 * the untuned decoder by ANCHOR x the mean squared pixel difference on the same latents. Then, as `lgc
 * compress` would: the rounding steps for the file's decoder precision, the sharpening stage, and the file
 * written at the file's storage. The mixtures do not change.
 *
 * Usage (from the repository root, after a build; `source tools/native-env.sh` first):
 *   java -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/diagnose/DmTune.java \
 *       DATASET PLAIN.lgc STEPS PER_CLASS LEARNING_RATE ANCHOR WIDTH OUT.lgc
 * PLAIN.lgc is a file without a frequency gain (the stage adds one); WIDTH the random ConvNet's filters.
 */
public class DmTune {
    public static void main(String[] args) throws Exception {
        Dataset real = (Dataset) DatasetResolver.resolveWith(args[0], ReadOptions.DEFAULTS).data();
        VerifiedArtifact read = ArtifactFile.readVerified(Path.of(args[1]));
        CompressedDataset file = read.dataset();
        int steps = Integer.parseInt(args[2]);
        int per = Integer.parseInt(args[3]);
        double lr = Double.parseDouble(args[4]);
        double anchor = Double.parseDouble(args[5]);
        int width = Integer.parseInt(args[6]);
        Path out = Path.of(args[7]);
        long seed = 1;
        double spread = SamplingPlan.defaultSpread(file.metadata());
        NetworkSpec spec = file.metadata().decoder();
        NetworkSpec embedding = withoutHead(ConvNet.spec(real.shape(), real.numClasses(), ConvNet.DEPTH, width));
        List<GaussianMixture> drawn = file.mixtures().stream().map(m -> m.withCovarianceScale(spread)).toList();
        List<int[]> byClass = new ArrayList<>();
        for (int c = 0; c < real.numClasses(); c++) {
            byClass.add(real.indicesOf(c));
        }
        Engines.pytorch(seed);
        SplittableRandom random = new SplittableRandom(seed ^ 0x646d_7475L);
        int classes = drawn.size();
        int dim = file.metadata().latentDim();
        Map<String, float[]> tuned;
        long t0 = System.nanoTime();
        try (Decoder untuned = Decoder.load(spec, file.decoderWeights());
                Model model = Model.newInstance("dm-tuned")) {
            SequentialBlock block = Networks.build(spec);
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) lr)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(Networks.batchShape(spec, 1));
                Networks.importWeights(block, spec, file.decoderWeights());
                double sumMatch = 0;
                double sumAnchor = 0;
                for (int step = 1; step <= steps; step++) {
                    float[] latents = new float[classes * per * dim];
                    int[] realRows = new int[classes * per];
                    for (int c = 0; c < classes; c++) {
                        double[][] z = drawn.get(c).sample(per, random).x();
                        int[] rows = byClass.get(c);
                        for (int i = 0; i < per; i++) {
                            for (int j = 0; j < dim; j++) {
                                latents[((c * per) + i) * dim + j] = (float) z[i][j];
                            }
                            realRows[c * per + i] = rows[random.nextInt(rows.length)];
                        }
                    }
                    float[] target = untuned.decode(latents, classes * per);
                    try (NDManager batch = trainer.getManager().newSubManager();
                            GradientCollector collector = trainer.newGradientCollector()) {
                        SequentialBlock net = Networks.build(embedding);
                        Networks.initialize(net, embedding, batch);
                        net.freezeParameters(true);
                        NDArray decoded = trainer.forward(new NDList(batch.create(latents, new Shape(classes * per, dim))))
                                .singletonOrThrow();
                        NDArray realImages = Batches.images(batch, real, realRows, 0, realRows.length);
                        NDArray fake = net.forward(new ai.djl.training.ParameterStore(batch, false),
                                new NDList(decoded), true).singletonOrThrow().reshape(classes, per, -1).mean(new int[] {1});
                        NDArray truth = net.forward(new ai.djl.training.ParameterStore(batch, false),
                                new NDList(realImages), false).singletonOrThrow().reshape(classes, per, -1)
                                .mean(new int[] {1}).stopGradient();
                        NDArray match = fake.sub(truth).square().sum();
                        NDArray pixels = decoded.sub(batch.create(target, decoded.getShape())).square().mean();
                        NDArray loss = match.add(pixels.mul((float) anchor));
                        collector.backward(loss);
                        sumMatch += match.getFloat();
                        sumAnchor += pixels.getFloat();
                    }
                    trainer.step();
                    if (step % 50 == 0 || step == 1) {
                        int n = step == 1 ? 1 : 50;
                        System.out.printf("step %d: matching %.4f, pixel difference %.3g (%.0f s)%n", step,
                                sumMatch / n, sumAnchor / n, (System.nanoTime() - t0) / 1e9);
                        sumMatch = 0;
                        sumAnchor = 0;
                    }
                }
                tuned = Networks.exportWeights(block, spec);
            }
        }
        CompressedDataset tunedFile = new CompressedDataset(file.metadata(), file.mixtures(), tuned);
        CompressedDataset rounded = RoundingStage.apply(tunedFile, read.precision().decoder(),
                RoundingTuning.defaultFor(read.precision().decoder()), seed, new StageTimes(), Progress.silent());
        SharpeningStage.Sharpened sharpened = SharpeningStage.apply(rounded, real, read.precision(), spread, seed);
        System.out.println("gains: " + SharpeningStage.summary(sharpened.gains()));
        ArtifactFile.write(out, sharpened.dataset(), read.precision());
        System.out.printf("wrote %s (%.0f s)%n", out, (System.nanoTime() - t0) / 1e9);
    }

    /** The ConvNet up to its flattened features: its last layer, the linear head, dropped. */
    private static NetworkSpec withoutHead(NetworkSpec convnet) {
        List<Layer> layers = convnet.layers();
        return new NetworkSpec(convnet.inputShape(), layers.subList(0, layers.size() - 1));
    }
}
