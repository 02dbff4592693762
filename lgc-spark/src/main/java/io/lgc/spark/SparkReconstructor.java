package io.lgc.spark;

import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.synth.SamplingPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reconstruction on a cluster, as rows. The plan's blocks ({@link SampleDecoder}) are shared among
 * the partitions, so the rows do not depend on how many there are. Executors load the artifact once
 * per partition, draw, decode and turn the samples into rows: the label and PNG bytes for images,
 * the label and the feature columns (in the source's units) for tables.
 */
final class SparkReconstructor {
    static final String LABEL = "label";
    static final String IMAGE = "image";

    private SparkReconstructor() {
    }

    static org.apache.spark.sql.Dataset<Row> reconstruct(SparkSession spark, Path artifact, SamplingPlan plan,
            int partitions) {
        CompressedDataset data = ArtifactFile.read(artifact);
        if (plan.perClass().length != data.metadata().numClasses()) {
            throw new IllegalArgumentException("plan covers " + plan.perClass().length + " classes, artifact has "
                    + data.metadata().numClasses());
        }
        if (data.metadata().layout() instanceof ImageShape shape && shape.channels() != 1 && shape.channels() != 3) {
            throw new InputException(artifact + ": images of " + shape.channels() + " channels; Parquet rows hold"
                    + " them as PNG, which takes 1 (gray) or 3 (RGB): write them as idx or npz shards instead");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(artifact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> shared = context.broadcast(bytes);
        long blocks = SampleDecoder.blocks(plan.total());
        List<Long> indices = LongStream.range(0, blocks).boxed().toList();
        int[] perClass = plan.perClass();
        long seed = plan.seed();
        double spread = plan.spread();
        JavaRDD<Row> rows = context.parallelize(indices, Math.max(1, partitions))
                .mapPartitions(part -> decodeBlocks(part, shared.value(), perClass, seed, spread));
        return spark.createDataFrame(rows, schema(data.metadata()));
    }

    static StructType schema(ArtifactMetadata meta) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(LABEL, DataTypes.StringType, false));
        if (meta.isTable()) {
            for (String name : ((io.lgc.artifact.TableFormat) meta.samples()).columns().features()) {
                fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
            }
        } else {
            fields.add(DataTypes.createStructField(IMAGE, DataTypes.BinaryType, false));
        }
        return DataTypes.createStructType(fields);
    }

    /** The rows of a partition's blocks, one block decoded at a time with one decoder. */
    private static Iterator<Row> decodeBlocks(Iterator<Long> blocks, byte[] artifact, int[] perClass, long seed,
            double spread) throws IOException {
        SampleDecoder samples = SampleDecoder.of(artifact, perClass, seed, spread);
        return new Iterator<>() {
            private Iterator<Row> block = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                while (!block.hasNext() && blocks.hasNext()) {
                    List<Row> rows = new ArrayList<>(SampleDecoder.BLOCK);
                    toRows(samples.block(blocks.next()), rows);
                    block = rows.iterator();
                }
                if (!block.hasNext()) {
                    samples.close();
                }
                return block.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return block.next();
            }
        };
    }

    private static void toRows(LabelledData batch, List<Row> out) {
        int[] labels = batch.labels();
        List<String> names = batch.classNames();
        if (batch instanceof Table table) {
            int f = table.columns().features().size();
            float[] values = table.values();
            for (int i = 0; i < labels.length; i++) {
                Object[] row = new Object[f + 1];
                row[0] = names.get(labels[i]);
                for (int j = 0; j < f; j++) {
                    row[j + 1] = (double) values[i * f + j];
                }
                out.add(RowFactory.create(row));
            }
        } else {
            Dataset images = (Dataset) batch;
            ImageShape shape = images.shape();
            for (int i = 0; i < labels.length; i++) {
                byte[] png = ImageCodec.png(images.pixels(), i * shape.size(), shape);
                out.add(RowFactory.create(names.get(labels[i]), png));
            }
        }
    }
}
