package io.lgc.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point: exit codes, one-line errors, and a compress-reconstruct run. */
class SparkMainTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = io.lgc.spark.LocalSpark.start();
    }

    @Test
    void aMissingInputIsOneLineNamingItAndExitTwo() {
        Result r = run("compress", dir.resolve("nope.parquet").toString(), "-o", dir.resolve("x.lgc").toString());
        assertThat(r.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(r.err.strip()).doesNotContain("\n").contains("nope.parquet").contains("no such file");
        assertThat(dir.resolve("x.lgc")).doesNotExist();
    }

    @Test
    void aMissingArtifactIsBadInput() {
        Result r = run("reconstruct", dir.resolve("none.lgc").toString(), "-o", dir.resolve("out").toString());
        assertThat(r.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(r.err.strip()).doesNotContain("\n").contains("none.lgc");
    }

    @Test
    void anUnknownOptionIsBadInput() {
        assertThat(run("compress", "--no-such-option").code).isEqualTo(SparkMain.BAD_INPUT);
    }

    @Test
    void aWrongColumnIsBadInputNamingIt() throws Exception {
        Path table = parquetOfStripes();
        Result r = run("compress", table.toString(), "--image", "picture", "-o", dir.resolve("x.lgc").toString());
        assertThat(r.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(r.err.strip()).doesNotContain("\n").contains("'picture'");
    }

    /** A CSV table (read on the driver, as lgc compress reads it): a small MLP, no feature matching. */
    @Test
    void compressesATableAndReconstructsItAsParquet() throws Exception {
        Path csv = dir.resolve("blobs.csv");
        StringBuilder text = new StringBuilder("x,y,label\n");
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 60; i++) {
            String label = i % 2 == 0 ? "left" : "right";
            double shift = i % 2 == 0 ? -3 : 3;
            text.append(shift + random.nextGaussian()).append(',').append(random.nextGaussian()).append(',')
                    .append(label).append('\n');
        }
        Files.writeString(csv, text);
        Path lgc = dir.resolve("blobs.lgc");
        Result c = run("compress", csv.toString(), "-o", lgc.toString(), "--epochs", "2", "--latent-dim", "2",
                "--components", "1", "--n-init", "1", "--sample-per-class", "20");
        assertThat(c.code).as(c.err).isEqualTo(SparkMain.OK);
        assertThat(c.out).contains("wrote").contains("encode");
        CompressedDataset artifact = ArtifactFile.readVerified(lgc).dataset();
        assertThat(artifact.metadata().classCounts()).containsExactly(30, 30);

        Path out = dir.resolve("samples");
        Result r = run("reconstruct", lgc.toString(), "-o", out.toString(), "--per-class", "5", "--partitions", "2");
        assertThat(r.code).as(r.err).isEqualTo(SparkMain.OK);
        org.apache.spark.sql.Dataset<Row> rows = spark.read().parquet(out.toString());
        assertThat(rows.columns()).containsExactly("label", "x", "y");
        assertThat(rows.filter("label = 'right'").count()).isEqualTo(5);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("pending"));

        Result again = run("reconstruct", lgc.toString(), "-o", out.toString());
        assertThat(again.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(again.err).contains("already exists");
    }

    /** The stripes as IDX files read by the convenience reader, written back as Parquet. */
    private Path parquetOfStripes() throws Exception {
        Dataset data = SyntheticImages.stripes(12, 3);
        Path idx = dir.resolve("idx");
        Files.createDirectories(idx);
        List<Path> files = IdxWriter.write(data, idx, "train");
        var input = io.lgc.spark.TableReader.read(spark, files.get(0).toString(), null);
        Path parquet = dir.resolve("stripes.parquet");
        if (!Files.exists(parquet)) {
            input.table().write().parquet(parquet.toString());
        }
        return parquet;
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }
}
