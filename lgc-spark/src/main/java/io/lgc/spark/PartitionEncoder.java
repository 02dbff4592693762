package io.lgc.spark;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import com.google.gson.JsonParser;
import io.lgc.data.FeatureScaling;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.model.Batches;
import io.lgc.model.Engines;
import io.lgc.model.Networks;
import io.lgc.network.NetworkSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * The trained encoder as executors use it: its description and (broadcast) weights travel once;
 * each partition builds one network and encodes its rows in batches, so an executor holds one
 * batch of records and latents at a time besides the network.
 */
final class PartitionEncoder implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Records encoded per forward pass. */
    static final int BATCH = 512;

    private final RowReader reader;
    private final ArrayList<String> classNames;
    private final String encoderSpec;
    private final Broadcast<HashMap<String, float[]>> weights;
    /** A table's feature scaling as fitted on the sample (mean, std); null for images. */
    private final double[] mean;
    private final double[] std;

    PartitionEncoder(JavaSparkContext context, RowReader reader, List<String> classNames, NetworkSpec encoder,
            Map<String, float[]> encoderWeights, FeatureScaling scaling) {
        this.reader = reader;
        this.classNames = new ArrayList<>(classNames);
        this.encoderSpec = encoder.toJson().toString();
        this.weights = context.broadcast(new HashMap<>(encoderWeights));
        this.mean = scaling == null ? null : scaling.mean();
        this.std = scaling == null ? null : scaling.std();
    }

    /** The latents of a partition's projected rows ({@link RowReader#columns()}), computed lazily batch by batch. */
    Iterator<LatentRow> encode(Iterator<Row> rows) {
        return new Iterator<>() {
            private Network network;
            private Iterator<LatentRow> batch = List.<LatentRow>of().iterator();

            @Override
            public boolean hasNext() {
                while (!batch.hasNext() && rows.hasNext()) {
                    if (network == null) {
                        network = new Network();
                        closeWhenTheTaskEnds();
                    }
                    batch = network.encode(nextRows(rows)).iterator();
                }
                if (!batch.hasNext() && network != null) {
                    network.close();
                    network = null;
                }
                return batch.hasNext();
            }

            @Override
            public LatentRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }

            /** A task that fails or stops reading early would otherwise leave the network's native memory. */
            private void closeWhenTheTaskEnds() {
                TaskContext task = TaskContext.get();
                if (task != null) {
                    task.addTaskCompletionListener(context -> {
                        if (network != null) {
                            network.close();
                            network = null;
                        }
                    });
                }
            }
        };
    }

    /** Releases the broadcast weights on the executors; call once the latents are computed. */
    void release() {
        weights.destroy();
    }

    private static List<Row> nextRows(Iterator<Row> rows) {
        List<Row> out = new ArrayList<>(BATCH);
        while (out.size() < BATCH && rows.hasNext()) {
            out.add(rows.next());
        }
        return out;
    }

    /** One encoder network on this executor. */
    private final class Network implements AutoCloseable {
        private final Model model;
        private final SequentialBlock block;
        private final Map<String, Integer> classIndex = new HashMap<>();

        Network() {
            NetworkSpec spec = NetworkSpec.fromJson(JsonParser.parseString(encoderSpec).getAsJsonObject());
            Engines.pytorch();
            model = Model.newInstance("encoder");
            try {
                block = Networks.build(spec);
                model.setBlock(block);
                Networks.initialize(block, spec, model.getNDManager());
                Networks.importWeights(block, spec, weights.value());
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
            for (int c = 0; c < classNames.size(); c++) {
                classIndex.put(classNames.get(c), c);
            }
        }

        List<LatentRow> encode(List<Row> rows) {
            LabelledData data = reader.batch(rows, classNames, classIndex);
            if (data instanceof Table table) {
                data = new FeatureScaling(mean, std).standardise(table);
            }
            int n = data.size();
            float[] z;
            try (NDManager manager = model.getNDManager().newSubManager()) {
                z = Networks.predict(block, Batches.inputs(manager, data, Batches.identity(n), 0, n)).toFloatArray();
            }
            int k = z.length / Math.max(1, n);
            List<LatentRow> out = new ArrayList<>(n);
            int[] labels = data.labels();
            for (int i = 0; i < n; i++) {
                double[] latent = new double[k];
                for (int j = 0; j < k; j++) {
                    latent[j] = z[i * k + j];
                }
                out.add(new LatentRow(labels[i], latent));
            }
            return out;
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
