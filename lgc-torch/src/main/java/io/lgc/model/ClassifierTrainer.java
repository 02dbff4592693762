package io.lgc.model;

import io.lgc.network.NetworkSpec;
import io.lgc.network.Architectures;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.lgc.Progress;
import io.lgc.data.LabelledData;
import java.util.List;

/** Trains a classifier on a labelled dataset: the fast protocol's small CNN or MLP, or any network. */
public final class ClassifierTrainer {
    private ClassifierTrainer() {
    }

    /** The fast protocol's classifier for the data's kind ({@link Architectures#classifier}). */
    public static TrainedClassifier train(LabelledData data, int classes, FitConfig fit, Progress progress) {
        return train(Architectures.classifier(data.layout(), classes), data, fit, "classifier", progress);
    }

    /** Trains a classifier of any shape; {@code task} names it in progress lines. */
    public static TrainedClassifier train(NetworkSpec spec, LabelledData data, FitConfig fit, String task,
            Progress progress) {
        return train(spec, data, fit, Augmentation.none(), task, progress);
    }

    /** As above, each training batch changed by {@code augmentation} (never the data it is scored on). */
    public static TrainedClassifier train(NetworkSpec spec, LabelledData data, FitConfig fit,
            Augmentation augmentation, String task, Progress progress) {
        return train(spec, data, fit, fit.adam(Loss.softmaxCrossEntropyLoss(), data.size()), augmentation, task,
                progress);
    }

    /** Trains with any optimizer; {@code fit} gives the epochs, batch size and shuffling seed. */
    static TrainedClassifier train(NetworkSpec spec, LabelledData data, FitConfig fit, DefaultTrainingConfig training,
            Augmentation augmentation, String task, Progress progress) {
        Engines.pytorch(fit.seed());
        SequentialBlock block = Networks.build(spec);
        Model model = Model.newInstance("classifier");
        try {
            model.setBlock(block);
            List<EpochLosses> history;
            try (Trainer trainer = model.newTrainer(training)) {
                trainer.initialize(Networks.batchShape(spec, 1));
                history = MiniBatchLoop.run(trainer, data, null, fit, crossEntropy(augmentation), task, progress);
            }
            return new TrainedClassifier(model, block, history);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The batch loss; only training steps see augmented images. */
    private static MiniBatchLoop.BatchLoss crossEntropy(Augmentation augmentation) {
        return (trainer, batch, data, order, from, to, training) -> {
            NDArray x = inputs(batch, data, order, from, to, training, augmentation);
            NDArray logits = MiniBatchLoop.forward(trainer, x, training);
            return trainer.getLoss().evaluate(new NDList(Batches.labels(batch, data, order, from, to)),
                    new NDList(logits));
        };
    }

    /** What the network sees of samples {@code order[from..to)}: augmented while training, as they are otherwise. */
    static NDArray inputs(NDManager batch, LabelledData data, int[] order, int from, int to, boolean training,
            Augmentation augmentation) {
        return Batches.inputs(batch, data, order, from, to, training ? augmentation : Augmentation.none());
    }
}
