package example;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import io.lgc.api.Lgc;
import io.lgc.artifact.CompressedDataset;
import io.lgc.synth.LgcDataset;
import java.nio.file.Path;

/** The README's "Use from Java" example: compress a dataset, send the file, train a DJL model on samples. */
public class CompressAndTrain {
    // README example begins
    public static void main(String[] args) throws Exception {
        Lgc.save(Lgc.compress(Lgc.read(args[0])), Path.of(args[1]));    // e.g. fashion-mnist/train, fashion.lgc
        CompressedDataset received = Lgc.load(Path.of(args[1]));          // where the file was sent
        try (LgcDataset data = Lgc.djlDataset(received, 60_000, 128, 1); Model model = Model.newInstance("mlp")) {
            model.setBlock(new SequentialBlock().add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(received.metadata().numClasses()).build()));
            var config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).addEvaluator(new Accuracy())
                    .addTrainingListeners(TrainingListener.Defaults.basic());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1).addAll(new Shape(received.metadata().sampleShape().tensorShape())));
                EasyTrain.fit(trainer, 2, data, null);                      // trains on samples, no files
                System.out.println(trainer.getTrainingResult());            // loss and accuracy
            }
        }
    }
    // README example ends
}
