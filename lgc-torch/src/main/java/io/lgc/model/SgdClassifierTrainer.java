package io.lgc.model;

import io.lgc.network.NetworkSpec;

import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.lgc.Progress;
import io.lgc.data.Dataset;

/** Trains a classifier with SGD, momentum, weight decay and a step learning rate ({@link SgdConfig}). */
public final class SgdClassifierTrainer {
    private SgdClassifierTrainer() {
    }

    /** Trains {@code spec} on {@code data}; {@code task} names it in progress lines. */
    public static TrainedClassifier train(NetworkSpec spec, Dataset data, SgdConfig sgd, String task,
            Progress progress) {
        return train(spec, data, sgd, Augmentation.none(), task, progress);
    }

    /** As above, each training batch changed by {@code augmentation}. */
    public static TrainedClassifier train(NetworkSpec spec, Dataset data, SgdConfig sgd, Augmentation augmentation,
            String task, Progress progress) {
        return train(spec, data, sgd, sgd.schedule(data.size()), augmentation, task, progress);
    }

    /** As above with any learning-rate tracker in place of the configuration's step decay. */
    public static TrainedClassifier train(NetworkSpec spec, Dataset data, SgdConfig sgd, Tracker learningRate,
            String task, Progress progress) {
        return train(spec, data, sgd, learningRate, Augmentation.none(), task, progress);
    }

    private static TrainedClassifier train(NetworkSpec spec, Dataset data, SgdConfig sgd, Tracker learningRate,
            Augmentation augmentation, String task, Progress progress) {
        Optimizer optimizer = Optimizer.sgd().setLearningRateTracker(learningRate)
                .optMomentum((float) sgd.momentum()).optWeightDecays((float) sgd.weightDecay()).build();
        return ClassifierTrainer.train(spec, data, sgd.loop(),
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer), augmentation, task,
                progress);
    }
}
