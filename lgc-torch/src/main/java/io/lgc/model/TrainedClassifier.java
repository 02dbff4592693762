package io.lgc.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import ai.djl.nn.SequentialBlock;
import io.lgc.data.LabelledData;
import java.util.List;

/** A trained classifier: predicts the class of each sample. */
public final class TrainedClassifier implements AutoCloseable {
    private static final int PREDICT_BATCH = 500;

    private final Model model;
    private final SequentialBlock block;
    private final List<EpochLosses> history;
    /** Every layer but the last, in order: {@link #features} runs on each autoencoder batch. */
    private final List<Block> featureLayers;

    TrainedClassifier(Model model, SequentialBlock block, List<EpochLosses> history) {
        this.model = model;
        this.block = block;
        this.history = List.copyOf(history);
        List<Block> layers = new ArrayList<>();
        block.getChildren().forEach(pair -> layers.add(pair.getValue()));
        this.featureLayers = List.copyOf(layers.subList(0, layers.size() - 1));
    }

    /**
     * The activations feeding the last layer, differentiable with respect to {@code images}.
     * The classifier's own weights are frozen, so using it inside another network's loss trains
     * only that network.
     */
    public NDArray features(NDArray images) {
        ParameterStore store = new ParameterStore(images.getManager(), false);
        NDList x = new NDList(images);
        for (Block layer : featureLayers) {
            x = layer.forward(store, x, false);
        }
        return x.singletonOrThrow();
    }

    /** The class scores (before softmax), differentiable with respect to {@code images} as {@link #features} is. */
    public NDArray logits(NDArray images) {
        return block.forward(new ParameterStore(images.getManager(), false), new NDList(images), false)
                .singletonOrThrow();
    }

    /** Stops gradients from flowing into this classifier's weights. */
    void freeze() {
        block.getParameters().values().forEach(p -> p.getArray().setRequiresGradient(false));
    }

    public List<EpochLosses> history() {
        return history;
    }

    /** The most likely class of every sample, in dataset order. */
    public int[] predict(LabelledData data) {
        int[] predictions = new int[data.size()];
        int[] order = Batches.identity(data.size());
        for (int from = 0; from < data.size(); from += PREDICT_BATCH) {
            int to = Math.min(data.size(), from + PREDICT_BATCH);
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray logits = Networks.predict(block, Batches.inputs(batch, data, order, from, to));
                long[] best = logits.argMax(1).toLongArray();
                for (int i = from; i < to; i++) {
                    predictions[i] = (int) best[i - from];
                }
            }
        }
        return predictions;
    }

    @Override
    public void close() {
        model.close();
    }
}
