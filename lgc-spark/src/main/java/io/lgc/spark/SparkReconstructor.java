package io.lgc.spark;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.Decoder;
import io.lgc.synth.SamplingPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
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
 * Reconstruction on a cluster. The plan's samples are numbered class by class (class 0's first) and
 * cut into blocks of {@link #BLOCK} samples; block b draws its latents from a generator seeded by
 * (seed, b) alone, so the rows do not depend on how many partitions share the blocks. Executors
 * load the artifact once per partition, draw, decode and turn the samples into rows: the label and
 * PNG bytes for images, the label and the feature columns (in the source's units) for tables.
 */
final class SparkReconstructor {
    /** Samples per block: one decoder call. */
    static final int BLOCK = 1000;
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(artifact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> shared = context.broadcast(bytes);
        long blocks = (plan.total() + BLOCK - 1) / BLOCK;
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
        CompressedDataset data = load(artifact);
        ArtifactMetadata meta = data.metadata();
        List<GaussianMixture> mixtures = new ArrayList<>();
        for (GaussianMixture m : data.mixtures()) {
            mixtures.add(spread == 1.0 ? m : m.withCovarianceScale(spread));
        }
        return new Iterator<>() {
            private Decoder decoder;
            private Iterator<Row> block = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                while (!block.hasNext() && blocks.hasNext()) {
                    if (decoder == null) {
                        decoder = Decoder.load(meta.decoder(), data.decoderWeights());
                    }
                    LatentDraw draw = LatentDraw.of(mixtures, perClass, blocks.next(), seed, meta.latentDim());
                    float[] outputs = decoder.decode(draw.latents(), draw.labels().length);
                    List<Row> rows = new ArrayList<>(draw.labels().length);
                    toRows(meta.samples().samples(outputs, draw.labels(), meta.classNames()), rows);
                    block = rows.iterator();
                }
                if (!block.hasNext() && decoder != null) {
                    decoder.close();
                    decoder = null;
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

    private static CompressedDataset load(byte[] artifact) throws IOException {
        Path file = Files.createTempFile("lgc-spark-", ".lgc");
        try {
            Files.write(file, artifact);
            return ArtifactFile.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
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

    /** The latents of one block, row-major, and their classes. */
    record LatentDraw(float[] latents, int[] labels) {
        static LatentDraw of(List<GaussianMixture> mixtures, int[] perClass, long block, long seed, int dim) {
            long from = block * BLOCK;
            long total = 0;
            for (int n : perClass) {
                total += n;
            }
            long to = Math.min(total, from + BLOCK);
            int n = (int) (to - from);
            float[] latents = new float[n * dim];
            int[] labels = new int[n];
            SplittableRandom random = new SplittableRandom(blockSeed(seed, block));
            int row = 0;
            long classStart = 0;
            for (int c = 0; c < perClass.length; c++) {
                long classEnd = classStart + perClass[c];
                int take = (int) Math.max(0, Math.min(classEnd, to) - Math.max(classStart, from));
                if (take > 0) {
                    for (double[] z : mixtures.get(c).sample(take, random).x()) {
                        for (int j = 0; j < dim; j++) {
                            latents[row * dim + j] = (float) z[j];
                        }
                        labels[row++] = c;
                    }
                }
                classStart = classEnd;
            }
            return new LatentDraw(latents, labels);
        }

        /** A seed for block b of a run seeded with {@code seed}: distinct blocks, unrelated streams. */
        static long blockSeed(long seed, long block) {
            return new SplittableRandom(seed).split().nextLong() ^ new SplittableRandom(block).nextLong();
        }
    }
}
