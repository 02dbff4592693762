package io.lgc.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.Trainer;
import io.lgc.Progress;
import io.lgc.data.Dataset;
import java.util.List;

/**
 * Trains a convolutional autoencoder on a dataset's images. Labels are used only when feature
 * matching is on, to train the (unshipped) classifier whose features the decoder must preserve.
 */
public final class AutoencoderTrainer {
    private AutoencoderTrainer() {
    }

    public static TrainedAutoencoder train(Dataset data, AutoencoderConfig config, Progress progress) {
        AutoencoderSpec spec = Architectures.convAutoencoder(data.shape(), config.latentDim(), config.width());
        Splits splits = Splits.holdOut(data, config.validationFraction(), config.fit().seed());
        FeatureMatching matching = config.featureMatching();
        TrainedClassifier teacher = matching.enabled() ? teacher(splits.train(), data, config, progress) : null;
        Engines.pytorch(config.fit().seed());
        SequentialBlock encoder = Networks.build(spec.encoder());
        SequentialBlock decoder = Networks.build(spec.decoder());
        Model model = Model.newInstance("autoencoder");
        try (teacher) {
            model.setBlock(new SequentialBlock().add(encoder).add(decoder));
            List<EpochLosses> history;
            try (Trainer trainer = model.newTrainer(config.fit().adam(new BinaryCrossEntropy()))) {
                trainer.initialize(Networks.batchShape(spec.encoder(), 1));
                MiniBatchLoop.BatchLoss pixels = AutoencoderTrainer::reconstructionLoss;
                MiniBatchLoop.BatchLoss features = teacher == null ? pixels
                        : featureMatchingLoss(teacher, matching.weight());
                int epochs = config.fit().epochs();
                history = MiniBatchLoop.run(trainer, splits.train(), splits.validation(), config.fit(),
                        epoch -> matching.activeIn(epoch, epochs) ? features : pixels, "autoencoder", progress);
            }
            return new TrainedAutoencoder(model, spec, encoder, decoder, history);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static TrainedClassifier teacher(Dataset train, Dataset all, AutoencoderConfig config,
            Progress progress) {
        FeatureMatching matching = config.featureMatching();
        FitConfig fit = new FitConfig(matching.teacherEpochs(), config.fit().batchSize(),
                config.fit().learningRate(), config.fit().seed() + 1);
        NetworkSpec spec = Architectures.smallCnn(train.shape(), all.numClasses(), matching.teacherWidth());
        TrainedClassifier teacher = ClassifierTrainer.train(spec, train, fit, "teacher", progress);
        teacher.freeze();
        return teacher;
    }

    private static NDArray reconstructionLoss(Trainer trainer, NDManager batch, Dataset data, int[] order,
            int from, int to, boolean training) {
        NDArray x = Batches.images(batch, data, order, from, to);
        NDArray y = MiniBatchLoop.forward(trainer, x, training);
        return trainer.getLoss().evaluate(new NDList(x), new NDList(y));
    }

    private static MiniBatchLoop.BatchLoss featureMatchingLoss(TrainedClassifier teacher, double weight) {
        return (trainer, batch, data, order, from, to, training) -> {
            NDArray x = Batches.images(batch, data, order, from, to);
            NDArray y = MiniBatchLoop.forward(trainer, x, training);
            NDArray pixels = trainer.getLoss().evaluate(new NDList(x), new NDList(y));
            NDArray target = teacher.features(x).stopGradient();
            NDArray features = teacher.features(y).sub(target).square().mean();
            return pixels.add(features.mul((float) weight));
        };
    }
}
