package io.lgc.api;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.lgc.artifact.CompressedDataset;
import io.lgc.synth.LgcDataset;
import java.nio.file.Path;

/** The README's "Use from Java" example, as it is compiled and run by {@link UseFromJavaTest}. */
public class CompressAndTrain {
    // README example begins
    public static void main(String[] args) throws Exception {
        CompressedDataset artifact = Lgc.compress(Lgc.read(args[0]));   // e.g. fashion-mnist/train
        Lgc.save(artifact, Path.of(args[1]));                            // e.g. fashion.lgc: send this
        CompressedDataset received = Lgc.load(Path.of(args[1]));
        Shape sample = new Shape(received.metadata().sampleShape().tensorShape());
        try (LgcDataset data = Lgc.djlDataset(received, 60_000, 128, 1); Model model = Model.newInstance("mlp")) {
            model.setBlock(new SequentialBlock().add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(received.metadata().numClasses()).build()));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()))) {
                trainer.initialize(new Shape(1).addAll(sample));
                EasyTrain.fit(trainer, 2, data, null);                  // trains on samples, no files
            }
        }
    }
    // README example ends
}
