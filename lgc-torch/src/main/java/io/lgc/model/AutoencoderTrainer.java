package io.lgc.model;

import io.lgc.network.Architectures;
import io.lgc.network.NetworkSpec;
import io.lgc.network.AutoencoderSpec;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.lgc.Progress;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.data.LabelledData;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Trains an autoencoder on a dataset: on images (convolutional or dense, binary cross-entropy on
 * pixels in [0, 1]) or on a table (dense, mean squared error on the features as given, which the
 * caller standardises). Labels are used only when feature matching is on, to train the
 * (unshipped) classifier whose features the decoder must preserve.
 */
public final class AutoencoderTrainer {
    private AutoencoderTrainer() {
    }

    public static TrainedAutoencoder train(LabelledData data, AutoencoderConfig requested, Progress progress) {
        AutoencoderConfig config = requested.forData(data);
        AutoencoderSpec spec = config.spec(data.layout());
        Splits splits = Splits.holdOut(data, config.validationFraction(), config.fit().seed());
        FeatureMatching matching = config.featureMatching();
        TrainedClassifier teacher = matching.enabled()
                ? teacher(splits.train(), ((Dataset) data).shape(), data.numClasses(), config, progress) : null;
        Engines.pytorch(config.fit().seed());
        SequentialBlock encoder = Networks.build(spec.encoder());
        SequentialBlock decoder = Networks.build(spec.decoder());
        Model model = Model.newInstance("autoencoder");
        // Pixels are intensities in [0, 1] behind a sigmoid; standardised features are any real number.
        Loss loss = data instanceof Dataset ? new BinaryCrossEntropy() : new MeanSquaredError();
        try (teacher) {
            SequentialBlock trained = new SequentialBlock().add(encoder);
            if (config.latentNoise() > 0) {
                // only when asked, so that training without noise draws the same random numbers as
                // before and its files keep their bytes
                trained.add(new LatentNoiseBlock(config.latentNoise()));
            }
            // likewise only when asked
            VariationalBlock variational = config.klWeight() > 0
                    ? new VariationalBlock(config.latentDim(), config.klWeight(), data.layout().size()) : null;
            if (variational != null) {
                trained.add(variational);
            }
            model.setBlock(trained.add(decoder));
            List<EpochLosses> history;
            try (Trainer trainer = model.newTrainer(config.fit().adam(loss, splits.train().size()))) {
                trainer.initialize(Networks.batchShape(spec.encoder(), 1));
                MiniBatchLoop.BatchLoss values = withPenalty(AutoencoderTrainer::reconstructionLoss, variational);
                MiniBatchLoop.BatchLoss features = teacher == null ? values
                        : withPenalty(featureMatchingLoss(teacher, matching), variational);
                int epochs = config.fit().epochs();
                history = MiniBatchLoop.run(trainer, splits.train(), splits.validation(), config.fit(),
                        epoch -> matching.activeIn(epoch, epochs) ? features : values, "autoencoder", progress);
            }
            return new TrainedAutoencoder(model, spec, encoder, decoder, history);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** {@code loss} plus the KL term {@code variational} kept in the forward pass of a training step (null: none). */
    private static MiniBatchLoop.BatchLoss withPenalty(MiniBatchLoop.BatchLoss loss, VariationalBlock variational) {
        if (variational == null) {
            return loss;
        }
        return (trainer, batch, data, order, from, to, training) -> {
            NDArray value = loss.apply(trainer, batch, data, order, from, to, training);
            NDArray penalty = variational.takePenalty();
            return training && penalty != null ? value.add(penalty) : value;
        };
    }

    private static TrainedClassifier teacher(LabelledData train, ImageShape shape, int classes,
            AutoencoderConfig config, Progress progress) {
        FeatureMatching matching = config.featureMatching();
        FitConfig fit = new FitConfig(matching.teacherEpochs(), config.fit().batchSize(),
                config.fit().learningRate(), config.fit().seed() + 1);
        NetworkSpec spec = Architectures.smallCnn(shape, classes, matching.teacherWidth());
        TrainedClassifier teacher = ClassifierTrainer.train(spec, train, fit, "teacher", progress);
        teacher.freeze();
        return teacher;
    }

    private static NDArray reconstructionLoss(Trainer trainer, NDManager batch, LabelledData data, int[] order,
            int from, int to, boolean training) {
        NDArray x = Batches.inputs(batch, data, order, from, to);
        NDArray y = MiniBatchLoop.forward(trainer, x, training);
        return trainer.getLoss().evaluate(new NDList(x), new NDList(y));
    }

    private static MiniBatchLoop.BatchLoss featureMatchingLoss(TrainedClassifier teacher, FeatureMatching matching) {
        return (trainer, batch, data, order, from, to, training) -> {
            NDArray x = Batches.inputs(batch, data, order, from, to);
            NDArray y = MiniBatchLoop.forward(trainer, x, training);
            NDArray loss = trainer.getLoss().evaluate(new NDList(x), new NDList(y));
            if (matching.weight() > 0) {
                loss = loss.add(squaredDistance(teacher::features, x, y).mul((float) matching.weight()));
            }
            if (matching.textureWeight() > 0) {
                loss = loss.add(squaredDistance(teacher::textureStatistics, x, y).mul((float) matching.textureWeight()));
            }
            return loss;
        };
    }

    /** The mean squared difference of {@code statistic} between reconstruction {@code y} and original {@code x}. */
    private static NDArray squaredDistance(UnaryOperator<NDArray> statistic, NDArray x, NDArray y) {
        NDArray target = statistic.apply(x).stopGradient();
        return statistic.apply(y).sub(target).square().mean();
    }
}
