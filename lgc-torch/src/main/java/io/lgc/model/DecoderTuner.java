package io.lgc.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.lgc.Progress;
import io.lgc.data.Dataset;
import io.lgc.gmm.GaussianMixture;
import io.lgc.network.Architectures;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a decoder further on latents drawn from the fitted mixtures ({@link DecoderTuning}): each step
 * draws {@code perClass} latents of every class, decodes them, and lowers the cross-entropy of a
 * frozen classifier on them (each sample labelled with the class it was drawn from) plus the distance
 * between each class's mean classifier features of decoded and of real images. Seeded: one seed,
 * one result, as far as libtorch's kernels are deterministic.
 */
public final class DecoderTuner {
    private static final int TEACHER_WIDTH = 32;

    private DecoderTuner() {
    }

    /**
     * The decoder's weights after tuning; {@code weights} are left as they are.
     *
     * @param decoder the decoder's layers; its input is a latent, its output an image of {@code real}'s shape
     * @param mixtures one per class of {@code real}, in label order
     */
    public static Map<String, float[]> tune(NetworkSpec decoder, Map<String, float[]> weights,
            List<GaussianMixture> mixtures, Dataset real, DecoderTuning tuning, long seed, Progress progress) {
        if (mixtures.size() != real.numClasses()) {
            throw new IllegalArgumentException(mixtures.size() + " mixtures for " + real.numClasses() + " classes");
        }
        FitConfig teacherFit = new FitConfig(tuning.teacherEpochs(), 128, 1e-3, seed + 2);
        NetworkSpec teacherSpec = Architectures.smallCnn(real.shape(), real.numClasses(), TEACHER_WIDTH);
        try (TrainedClassifier teacher = ClassifierTrainer.train(teacherSpec, real, teacherFit, "tuning teacher",
                progress)) {
            teacher.freeze();
            Engines.pytorch(seed);
            SequentialBlock block = Networks.build(decoder);
            try (Model model = Model.newInstance("tuned-decoder")) {
                model.setBlock(block);
                FitConfig fit = new FitConfig(1, tuning.perClass() * real.numClasses(), tuning.learningRate(), seed);
                try (Trainer trainer = model.newTrainer(fit.adam(Loss.l2Loss()))) {
                    trainer.initialize(Networks.batchShape(decoder, 1));
                    Networks.importWeights(block, decoder, weights);
                    new Steps(trainer, teacher, mixtures, real, tuning, seed).run(progress);
                }
                return Networks.exportWeights(block, decoder);
            }
        }
    }

    /** The tuning loop's state: the draws' generator and each class's real images. */
    private static final class Steps {
        private final Trainer trainer;
        private final TrainedClassifier teacher;
        private final List<GaussianMixture> mixtures;
        private final Dataset real;
        private final DecoderTuning tuning;
        private final SplittableRandom random;
        private final List<int[]> byClass = new ArrayList<>();
        private final int dim;

        Steps(Trainer trainer, TrainedClassifier teacher, List<GaussianMixture> mixtures, Dataset real,
                DecoderTuning tuning, long seed) {
            this.trainer = trainer;
            this.teacher = teacher;
            this.mixtures = mixtures;
            this.real = real;
            this.tuning = tuning;
            this.random = new SplittableRandom(seed ^ 0x7475_6e65L);
            this.dim = mixtures.get(0).dimension();
            for (int c = 0; c < real.numClasses(); c++) {
                byClass.add(real.indicesOf(c));
            }
        }

        void run(Progress progress) {
            long start = System.nanoTime();
            double first = Double.NaN;
            double sum = 0;
            for (int step = 1; step <= tuning.steps(); step++) {
                double loss = step();
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException("decoder tuning", step, tuning.steps(), loss,
                            tuning.learningRate());
                }
                first = step == 1 ? loss : first;
                sum += loss;
                progress.update("tune decoder", step, tuning.steps(), start);
            }
            progress.line(String.format(Locale.ROOT, "tune decoder: %d steps, loss %.4f at the first, %.4f on average (%s)",
                    tuning.steps(), first, sum / tuning.steps(), Progress.duration((System.nanoTime() - start) / 1e9)));
        }

        private double step() {
            return MiniBatchLoop.step(trainer, this::loss);
        }

        /** Cross-entropy of the decoded draws plus the weighted class-wise feature-mean distance. */
        private NDArray loss(NDManager batch) {
            int classes = mixtures.size();
            int per = tuning.perClass();
            float[] latents = new float[classes * per * dim];
            int[] labels = new int[classes * per];
            int[] realRows = new int[classes * per];
            for (int c = 0; c < classes; c++) {
                double[][] z = mixtures.get(c).sample(per, random).x();
                int[] rows = byClass.get(c);
                for (int i = 0; i < per; i++) {
                    int row = c * per + i;
                    for (int j = 0; j < dim; j++) {
                        latents[row * dim + j] = (float) z[i][j];
                    }
                    labels[row] = c;
                    realRows[row] = rows[random.nextInt(rows.length)];
                }
            }
            NDArray decoded = trainer.forward(new NDList(batch.create(latents, new Shape(classes * per, dim))))
                    .singletonOrThrow();
            NDArray crossEntropy = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(batch.create(labels)),
                    new NDList(teacher.logits(decoded)));
            if (tuning.matchWeight() == 0) {
                return crossEntropy;
            }
            NDArray realImages = Batches.images(batch, real, realRows, 0, realRows.length);
            NDArray realMeans = classMeans(teacher.features(realImages).stopGradient(), classes, per);
            NDArray decodedMeans = classMeans(teacher.features(decoded), classes, per);
            NDArray matching = decodedMeans.sub(realMeans).square().sum(new int[] {1}).mean();
            return crossEntropy.add(matching.mul((float) tuning.matchWeight()));
        }

        private static NDArray classMeans(NDArray features, int classes, int per) {
            return features.reshape(classes, per, -1).mean(new int[] {1});
        }
    }
}
