package io.lgc.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import io.lgc.Progress;
import io.lgc.data.LabelledData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The training loop shared by every network LGC trains: shuffle, forward under a gradient
 * collector, backward, step, with each batch's tensors freed when the batch ends.
 */
final class MiniBatchLoop {
    /** The loss of one batch; the returned scalar is what gets differentiated. */
    interface BatchLoss {
        NDArray apply(Trainer trainer, NDManager batch, LabelledData data, int[] order, int from, int to,
                boolean training);
    }

    private MiniBatchLoop() {
    }

    static List<EpochLosses> run(Trainer trainer, LabelledData train, LabelledData validation, FitConfig config,
            BatchLoss loss, String task, Progress progress) {
        return run(trainer, train, validation, config, epoch -> loss, task, progress);
    }

    /** Trains with the loss {@code lossOfEpoch} gives for each 1-based epoch. */
    static List<EpochLosses> run(Trainer trainer, LabelledData train, LabelledData validation, FitConfig config,
            IntFunction<BatchLoss> lossOfEpoch, String task, Progress progress) {
        Random random = new Random(config.seed());
        int[] order = Batches.identity(train.size());
        int batches = (train.size() + config.batchSize() - 1) / config.batchSize();
        long total = (long) batches * config.epochs();
        long start = System.nanoTime();
        List<EpochLosses> history = new ArrayList<>();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            BatchLoss loss = lossOfEpoch.apply(epoch);
            Batches.shuffle(order, random);
            double sum = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * config.batchSize();
                int to = Math.min(train.size(), from + config.batchSize());
                double value = step(trainer, train, order, from, to, loss);
                if (!Double.isFinite(value)) {
                    throw new TrainingDivergedException(task, epoch, config.epochs(), value, config.learningRate());
                }
                sum += value * (to - from);
                progress.update(task + " epoch " + epoch + "/" + config.epochs(),
                        (long) (epoch - 1) * batches + b + 1, total, start);
            }
            double trainLoss = sum / train.size();
            boolean validated = validation != null && validation.size() > 0;
            double validationLoss = validated ? evaluate(trainer, validation, config.batchSize(), loss) : Double.NaN;
            if (validated && !Double.isFinite(validationLoss)) {
                throw new TrainingDivergedException(task, epoch, config.epochs(), validationLoss,
                        config.learningRate());
            }
            EpochLosses e = new EpochLosses(epoch, trainLoss, validationLoss,
                    (System.nanoTime() - epochStart) / 1e9);
            history.add(e);
            String validationText = Double.isNaN(validationLoss) ? ""
                    : String.format(Locale.ROOT, ", validation loss %.5f", validationLoss);
            progress.line(String.format(Locale.ROOT, "%s epoch %d/%d: train loss %.5f%s (%s)", task, epoch,
                    config.epochs(), trainLoss, validationText, Progress.duration(e.seconds())));
        }
        return history;
    }

    /** One optimiser step on a batch of the loop's data. */
    private static double step(Trainer trainer, LabelledData data, int[] order, int from, int to, BatchLoss loss) {
        return step(trainer, batch -> loss.apply(trainer, batch, data, order, from, to, true));
    }

    /**
     * One optimiser step on the loss {@code loss} computes in a batch's own manager, whose tensors are
     * freed when the step ends; a non-finite loss is returned without stepping, for the caller to report.
     */
    static double step(Trainer trainer, Function<NDManager, NDArray> loss) {
        try (NDManager batch = trainer.getManager().newSubManager();
                GradientCollector collector = trainer.newGradientCollector()) {
            NDArray value = loss.apply(batch);
            double v = value.getFloat();
            if (!Double.isFinite(v)) {
                return v;
            }
            collector.backward(value);
            trainer.step();
            return v;
        }
    }

    /** Mean loss over a dataset without updating anything. */
    static double evaluate(Trainer trainer, LabelledData data, int batchSize, BatchLoss loss) {
        int[] order = Batches.identity(data.size());
        double sum = 0;
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(data.size(), from + batchSize);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                sum += loss.apply(trainer, batch, data, order, from, to, false).getFloat() * (to - from);
            }
        }
        return sum / data.size();
    }

    static NDArray forward(Trainer trainer, NDArray input, boolean training) {
        NDList out = training ? trainer.forward(new NDList(input))
                : trainer.getModel().getBlock().forward(
                        new ai.djl.training.ParameterStore(input.getManager(), false), new NDList(input), false);
        return out.singletonOrThrow();
    }
}
