package io.lgc.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TableFormat;
import io.lgc.data.Dataset;
import io.lgc.eval.SyntheticImages;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.pipeline.MixtureSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compression of Spark tables (PNG images, numeric features) and distributed reconstruction. */
class SparkCompressTest {
    private static final int PER_CLASS = 30;
    private static SparkSession spark;
    private static SparkCompression images;

    @TempDir
    static Path dir;

    /** One component per class: EM then converges in two passes (DistributedEmTest covers the iterations). */
    @BeforeAll
    static void compressImages() {
        spark = LocalSpark.start();
        CompressionConfig settings = new CompressionConfig(new AutoencoderConfig(3, 16, new FitConfig(3, 16, 3e-3, 3),
                0.1, FeatureMatching.OFF), MixtureSettings.fixed(1, CovarianceType.FULL, 1), 3);
        SparkCompressConfig config = SparkCompressConfig.defaults(InputColumns.images("label", "image"))
                .withSamplePerClass(20).withSourceName("stripes").withCompression(settings);
        images = LgcSpark.compress(pngTable(SyntheticImages.stripes(PER_CLASS, 7)), config);
    }

    @Test
    void artifactDescribesAllRecordsThoughTheAutoencoderSawASample() {
        CompressedDataset artifact = images.dataset();
        assertThat(images.records()).isEqualTo(3L * PER_CLASS);
        assertThat(images.sampleRecords()).isLessThan(3 * PER_CLASS).isGreaterThan(3 * 2);
        assertThat(artifact.metadata().classNames()).containsExactly("diagonal", "horizontal", "vertical");
        assertThat(artifact.metadata().classCounts()).containsExactly(PER_CLASS, PER_CLASS, PER_CLASS);
        assertThat(artifact.mixtures()).hasSize(3).allSatisfy(m -> {
            assertThat(m.dimension()).isEqualTo(3);
            assertThat(m.components()).isEqualTo(1);
        });
        assertThat(artifact.metadata().mixtureReport().getAsJsonArray("classes").get(0).getAsJsonObject()
                .get("samples").getAsInt()).isEqualTo(PER_CLASS);
        assertThat(images.times().seconds()).containsKeys("sample", "train autoencoder", "encode", "fit mixtures");
    }

    @Test
    void writesTheFileTheCliWrites() {
        Path file = dir.resolve("stripes.lgc");
        ArtifactFile.write(file, images.dataset(), Precision.INT8);
        CompressedDataset back = ArtifactFile.readVerified(file).dataset();
        assertThat(back.metadata().classNames()).isEqualTo(images.dataset().metadata().classNames());
        assertThat(back.metadata().provenance().getAsJsonObject("source").get("name").getAsString())
                .isEqualTo("stripes");
    }

    @Test
    void reconstructionIsTheSameForAnyPartitionCount() {
        Path file = dir.resolve("partitions.lgc");
        ArtifactFile.write(file, images.dataset(), Precision.FP32);
        // 1,200 samples: two blocks, one of them cut between two classes
        List<Row> one = LgcSpark.reconstruct(spark, file, 400, 9, 1).collectAsList();
        List<Row> three = LgcSpark.reconstruct(spark, file, 400, 9, 3).collectAsList();
        assertThat(one).hasSize(1200);
        assertThat(three).hasSize(1200);
        for (int i = 0; i < one.size(); i++) {
            assertThat(three.get(i).getString(0)).isEqualTo(one.get(i).getString(0));
            assertThat((byte[]) three.get(i).get(1)).isEqualTo((byte[]) one.get(i).get(1));
        }
        assertThat(one.stream().filter(r -> r.getString(0).equals("vertical")).count()).isEqualTo(400);
        List<Row> otherSeed = LgcSpark.reconstruct(spark, file, 400, 10, 1).collectAsList();
        assertThat((byte[]) otherSeed.get(0).get(1)).isNotEqualTo((byte[]) one.get(0).get(1));
    }

    @Test
    void reconstructionRoundTripsThroughParquet() {
        Path file = dir.resolve("parquet.lgc");
        ArtifactFile.write(file, images.dataset(), Precision.FP32);
        org.apache.spark.sql.Dataset<Row> rows = LgcSpark.reconstruct(spark, file, 7, 2, 2);
        String out = dir.resolve("samples.parquet").toString();
        rows.write().parquet(out);
        List<Row> written = rows.collectAsList();
        List<Row> read = spark.read().parquet(out).orderBy("label").collectAsList();
        assertThat(read).hasSize(21);
        List<String> expected = new ArrayList<>();
        written.forEach(r -> expected.add(r.getString(0) + ":" + java.util.Arrays.toString((byte[]) r.get(1))));
        List<String> actual = new ArrayList<>();
        read.forEach(r -> actual.add(r.getString(0) + ":" + java.util.Arrays.toString((byte[]) r.get(1))));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        // PNG bytes, 8x8 gray: what the image reader takes back
        assertThat(ImageCodec.shapeOf(ImageCodec.read((byte[]) read.get(0).get(1), "row")).size()).isEqualTo(64);
    }

    @Test
    void compressesATableOfFeatures() {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("class", DataTypes.IntegerType, false),
                DataTypes.createStructField("x", DataTypes.DoubleType, false),
                DataTypes.createStructField("y", DataTypes.FloatType, false),
                DataTypes.createStructField("z", DataTypes.LongType, false)));
        Random random = new Random(4);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            int label = i % 2 == 0 ? 10 : 2;
            rows.add(RowFactory.create(label, label + random.nextGaussian(), (float) (label * random.nextGaussian()),
                    (long) random.nextInt(5)));
        }
        CompressionConfig settings = new CompressionConfig(new AutoencoderConfig(2, 16, new FitConfig(2, 32, 3e-3, 1),
                0.1, FeatureMatching.OFF), MixtureSettings.fixed(1, CovarianceType.DIAG, 1), 1);
        SparkCompression table = LgcSpark.compress(spark.createDataFrame(rows, schema).repartition(3),
                SparkCompressConfig.defaults(InputColumns.features("class", List.of())).withCompression(settings));
        assertThat(table.dataset().metadata().classNames()).containsExactly("2", "10");
        assertThat(table.dataset().metadata().classCounts()).containsExactly(120, 120);
        TableFormat format = (TableFormat) table.dataset().metadata().samples();
        assertThat(format.columns().features()).containsExactly("x", "y", "z");
    }

    @Test
    void aMissingColumnIsAnErrorNamingIt() {
        org.apache.spark.sql.Dataset<Row> table = pngTable(SyntheticImages.stripes(2, 1));
        assertThatThrownBy(() -> LgcSpark.compress(table,
                SparkCompressConfig.defaults(InputColumns.images("label", "picture")).withSourceName("in.parquet")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("in.parquet").hasMessageContaining("'picture'");
    }

    /** The images as a Spark table of (label, PNG bytes) in four partitions. */
    private static org.apache.spark.sql.Dataset<Row> pngTable(Dataset data) {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("label", DataTypes.StringType, false),
                DataTypes.createStructField("image", DataTypes.BinaryType, false)));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            rows.add(RowFactory.create(data.classNames().get(data.labels()[i]),
                    ImageCodec.png(data.pixels(), i * data.shape().size(), data.shape())));
        }
        return spark.createDataFrame(rows, schema).repartition(4);
    }
}
