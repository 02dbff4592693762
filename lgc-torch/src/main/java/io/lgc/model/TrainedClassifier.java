package io.lgc.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.training.ParameterStore;
import io.lgc.data.LabelledData;
import java.util.ArrayList;
import java.util.List;

/** A trained classifier: predicts the class of each sample. */
public final class TrainedClassifier implements AutoCloseable {
    private static final int PREDICT_BATCH = 500;

    private final Model model;
    private final SequentialBlock block;
    private final List<EpochLosses> history;
    /** Every layer but the last, in order: {@link #features} runs on each autoencoder batch. */
    private final List<Block> featureLayers;
    /** The first convolution and the activation after it: {@link #textureStatistics} runs on them. */
    private final List<Block> firstBlock;

    TrainedClassifier(Model model, SequentialBlock block, List<EpochLosses> history) {
        this.model = model;
        this.block = block;
        this.history = List.copyOf(history);
        List<Block> layers = new ArrayList<>();
        block.getChildren().forEach(pair -> layers.add(pair.getValue()));
        this.featureLayers = List.copyOf(layers.subList(0, layers.size() - 1));
        this.firstBlock = layers.size() > 1 && layers.get(0) instanceof Convolution
                ? List.copyOf(layers.subList(0, 2)) : List.of();
    }

    /**
     * The activations feeding the last layer, differentiable with respect to {@code images}.
     * The classifier's own weights are frozen, so using it inside another network's loss trains
     * only that network.
     */
    public NDArray features(NDArray images) {
        return forward(featureLayers, images);
    }

    /**
     * For each image, the Gram matrix of the first convolution's activations (after its ReLU):
     * G[a, b] = Σ over positions of f[a]·f[b], divided by the number of positions, [n, C, C]. It says
     * how strongly each filter's pattern and each pair of them occur, not where; differentiable with
     * respect to {@code images} as {@link #features} is.
     *
     * @throws IllegalStateException when this classifier does not start with a convolution
     */
    public NDArray textureStatistics(NDArray images) {
        if (firstBlock.isEmpty()) {
            throw new IllegalStateException("texture statistics need a classifier that starts with a convolution");
        }
        NDArray f = forward(firstBlock, images);
        Shape s = f.getShape();
        long positions = s.get(2) * s.get(3);
        NDArray flat = f.reshape(s.get(0), s.get(1), positions);
        return flat.matMul(flat.transpose(0, 2, 1)).div(positions);
    }

    /** {@code images} through {@code layers} in order, frozen, differentiable with respect to {@code images}. */
    private static NDArray forward(List<Block> layers, NDArray images) {
        ParameterStore store = new ParameterStore(images.getManager(), false);
        NDList x = new NDList(images);
        for (Block layer : layers) {
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
