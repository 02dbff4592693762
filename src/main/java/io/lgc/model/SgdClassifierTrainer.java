package io.lgc.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.lgc.Progress;
import io.lgc.data.Dataset;
import java.util.List;

/** Trains a classifier with SGD, momentum, weight decay and a step learning rate ({@link SgdConfig}). */
public final class SgdClassifierTrainer {
    private SgdClassifierTrainer() {
    }

    /** Trains {@code spec} on {@code data}; {@code task} names it in progress lines. */
    public static TrainedClassifier train(NetworkSpec spec, Dataset data, SgdConfig sgd, String task,
            Progress progress) {
        return train(spec, data, sgd, sgd.schedule(data.size()), task, progress);
    }

    /** As above with any learning-rate tracker in place of the configuration's step decay. */
    public static TrainedClassifier train(NetworkSpec spec, Dataset data, SgdConfig sgd, Tracker learningRate,
            String task, Progress progress) {
        Engines.pytorch(sgd.seed());
        SequentialBlock block = Networks.build(spec);
        Model model = Model.newInstance("classifier");
        try {
            model.setBlock(block);
            Optimizer optimizer = Optimizer.sgd().setLearningRateTracker(learningRate)
                    .optMomentum((float) sgd.momentum()).optWeightDecays((float) sgd.weightDecay()).build();
            List<EpochLosses> history;
            try (Trainer trainer = model.newTrainer(
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer))) {
                trainer.initialize(Networks.batchShape(spec, 1));
                history = MiniBatchLoop.run(trainer, data, null, sgd.loop(), SgdClassifierTrainer::crossEntropy,
                        task, progress);
            }
            return new TrainedClassifier(model, block, history);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static NDArray crossEntropy(Trainer trainer, NDManager batch, Dataset data, int[] order, int from,
            int to, boolean training) {
        NDArray x = Batches.images(batch, data, order, from, to);
        NDArray logits = MiniBatchLoop.forward(trainer, x, training);
        return trainer.getLoss().evaluate(new NDList(Batches.labels(batch, data, order, from, to)),
                new NDList(logits));
    }
}
