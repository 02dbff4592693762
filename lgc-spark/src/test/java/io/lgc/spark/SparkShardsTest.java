package io.lgc.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.LabelledData;
import io.lgc.data.OutputFormat;
import io.lgc.data.ReadOptions;
import io.lgc.data.Table;
import io.lgc.gmm.CovarianceType;
import io.lgc.synth.SamplingPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reconstruction into shards that are datasets lgc reads, laid out by the sample count and shard size alone. */
class SparkShardsTest {
    /** 3 classes × 120 in shards of 150: 150, 150 and 60 samples, cut inside one block of 1,000 and across classes. */
    private static final SamplingPlan PLAN = SamplingPlan.uniform(3, 120, 5, SamplingPlan.DEFAULT_SPREAD);
    private static SparkSession spark;
    private static Path images;
    private static Path table;

    @TempDir
    static Path dir;

    @BeforeAll
    static void artifacts() {
        spark = LocalSpark.start();
        images = dir.resolve("tiny.lgc");
        ArtifactFile.write(images, TinyArtifacts.tiny(), Precision.FP32);
        table = dir.resolve("table.lgc");
        ArtifactFile.write(table, TinyArtifacts.table(CovarianceType.DIAG, 3), Precision.FP32);
    }

    @Test
    void idxShardsAreTheSameBytesForOneAndThreePartitions() throws IOException {
        String one = dir.resolve("idx-1").toString();
        String three = dir.resolve("idx-3").toString();
        assertThat(LgcSpark.reconstructShards(spark, images, PLAN, OutputFormat.IDX, 150, 1, one)).isEqualTo(3);
        assertThat(LgcSpark.reconstructShards(spark, images, PLAN, OutputFormat.IDX, 150, 3, three)).isEqualTo(3);
        Map<String, byte[]> a = files(Path.of(one));
        Map<String, byte[]> b = files(Path.of(three));
        assertThat(a.keySet()).containsExactly("shard-00000/classes.txt", "shard-00000/train-images-idx4-ubyte.gz",
                "shard-00000/train-labels-idx1-ubyte.gz", "shard-00001/classes.txt",
                "shard-00001/train-images-idx4-ubyte.gz", "shard-00001/train-labels-idx1-ubyte.gz",
                "shard-00002/classes.txt", "shard-00002/train-images-idx4-ubyte.gz",
                "shard-00002/train-labels-idx1-ubyte.gz");
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    }

    /**
     * Read back by lgc's own reader, one after the other the shards are the plan's samples in its
     * order (class by class), and npz shards hold the same samples as idx ones.
     */
    @Test
    void eachShardIsADatasetLgcReadsAndTogetherTheyFollowThePlan() throws IOException {
        String idx = dir.resolve("idx-2").toString();
        String npz = dir.resolve("npz").toString();
        LgcSpark.reconstructShards(spark, images, PLAN, OutputFormat.IDX, 150, 2, idx);
        LgcSpark.reconstructShards(spark, images, PLAN, OutputFormat.NPZ, 150, 2, npz);
        int next = 0;
        int[] sizes = {150, 150, 60};
        for (int s = 0; s < sizes.length; s++) {
            Dataset fromIdx = DatasetResolver.resolve(idx + "/shard-0000" + s, null);
            Dataset fromNpz = DatasetResolver.resolve(npz + "/shard-0000" + s, null);
            assertThat(fromIdx.size()).isEqualTo(sizes[s]);
            assertThat(fromIdx.classNames()).isEqualTo(TinyArtifacts.CLASSES);
            assertThat(fromIdx.shape()).isEqualTo(TinyArtifacts.IMAGE);
            assertThat(fromNpz.pixels()).isEqualTo(fromIdx.pixels());
            assertThat(fromNpz.labels()).isEqualTo(fromIdx.labels());
            for (int label : fromIdx.labels()) {
                assertThat(label).isEqualTo(next++ / 120);
            }
        }
        assertThat(next).isEqualTo(360);
    }

    @Test
    void aTableIsWrittenAsCsvShards() throws IOException {
        String out = dir.resolve("csv").toString();
        assertThat(LgcSpark.reconstructShards(spark, table, SamplingPlan.uniform(3, 4, 1, 1.0), OutputFormat.CSV, 5, 2,
                out)).isEqualTo(3);
        LabelledData last = DatasetResolver.resolveWith(out + "/shard-00002",
                ReadOptions.builder().labelColumn("species").build()).data();
        assertThat(last).isInstanceOf(Table.class);
        assertThat(last.size()).isEqualTo(2);
        assertThat(((Table) last).columns().features()).isEqualTo(TinyArtifacts.TABLE.features());
    }

    @Test
    void aFormatThatCannotHoldTheDataIsRefusedBeforeAnythingIsWritten() {
        Path out = dir.resolve("png-table");
        assertThatThrownBy(() -> LgcSpark.reconstructShards(spark, table, PLAN, OutputFormat.PNG, 100, 1,
                out.toString())).isInstanceOf(InputException.class).hasMessageContaining("table.lgc");
        assertThat(out).doesNotExist();
    }

    @Test
    void imagesPngCannotHoldAreRefusedAsParquetRowsNamingTheArtifact() {
        assertThatThrownBy(() -> LgcSpark.reconstruct(spark, images, PLAN, 1)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(images + ": images of 2 channels");
    }

    /** Every file under {@code root} by its relative path, in order. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
