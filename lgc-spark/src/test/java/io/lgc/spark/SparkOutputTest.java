package io.lgc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.OutputFormat;
import io.lgc.gmm.CovarianceType;
import io.lgc.synth.SamplingPlan;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What lgc-spark recognises as its own output (and so may replace with --force), and how a shard is
 * put in place when two attempts at one task race.
 */
class SparkOutputTest {
    private static final SamplingPlan PLAN = SamplingPlan.uniform(3, 20, 5, SamplingPlan.DEFAULT_SPREAD);
    private static SparkSession spark;
    private static Path images;
    private static Path gray;
    private static Path table;
    private static FileSystem local;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void artifact() throws IOException {
        spark = LocalSpark.start();
        images = shared.resolve("tiny.lgc");
        ArtifactFile.write(images, TinyArtifacts.tiny(), Precision.FP32);
        gray = shared.resolve("gray.lgc");
        ArtifactFile.write(gray, TinyArtifacts.fashionSized(1), Precision.FP32);
        table = shared.resolve("table.lgc");
        ArtifactFile.write(table, TinyArtifacts.table(CovarianceType.DIAG, 3), Precision.FP32);
        local = FileSystem.getLocal(new Configuration());
    }

    @Test
    void shardsItWroteAreItsOwnUntilAnythingElseIsAddedBesideOrInsideThem() throws IOException {
        Path out = dir.resolve("shards");
        LgcSpark.reconstructShards(spark, images, PLAN, OutputFormat.IDX, 25, 2, out.toString());
        assertThat(SparkOutput.foreign(local, hadoop(out))).isEmpty();
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThat(SparkOutput.foreign(local, hadoop(out))).contains("holds notes.txt");
        Files.delete(out.resolve("notes.txt"));
        Files.writeString(out.resolve("shard-00001").resolve("notes.txt"), "mine");
        assertThat(SparkOutput.foreign(local, hadoop(out))).contains("holds shard-00001");
    }

    @Test
    void parquetItWroteIsItsOwnButNotBesideAnotherDirectory() throws IOException {
        Path out = dir.resolve("parquet");
        LgcSpark.reconstruct(spark, table, PLAN, 2).write().parquet(out.toString());
        assertThat(SparkOutput.foreign(local, hadoop(out))).isEmpty();
        Files.createDirectory(out.resolve(".git"));
        assertThat(SparkOutput.foreign(local, hadoop(out))).contains("holds .git");
    }

    @Test
    void aDirectoryOfOtherFilesOrNoneIsNotItsOutput() throws IOException {
        assertThat(SparkOutput.foreign(local, hadoop(dir))).contains("holds none of the files lgc-spark writes");
        Files.writeString(dir.resolve("part-00000-mine.parquet"), "not spark's");
        Files.createDirectory(dir.resolve("shard-00000"));
        assertThat(SparkOutput.foreign(local, hadoop(dir))).isPresent();
    }

    /** On a file system other than the local one, a shard is judged by the names of what it holds. */
    @Test
    void onAnotherFileSystemAShardIsJudgedByItsFileNames() throws IOException {
        Path out = dir.resolve("shards");
        LgcSpark.reconstructShards(spark, gray, SamplingPlan.uniform(10, 3, 5, SamplingPlan.DEFAULT_SPREAD),
                OutputFormat.PNG, 25, 1, out.toString());
        FileSystem remote = new RawLocalFileSystem() {
            @Override
            public URI getUri() {
                return URI.create("remote:///");
            }
        };
        remote.initialize(URI.create("remote:///"), new Configuration());
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path("remote://" + out.toAbsolutePath());
        assertThat(SparkOutput.foreign(remote, root)).isEmpty();
        Path classFolder;
        try (Stream<Path> entries = Files.list(out.resolve("shard-00000"))) {
            classFolder = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Files.writeString(classFolder.resolve("mine.jpg"), "x");
        assertThat(SparkOutput.foreign(remote, root)).contains("holds shard-00000");
    }

    @Test
    void theFirstAttemptToFinishAShardKeepsItAndALaterOneRemovesItsCopy() throws IOException {
        org.apache.hadoop.fs.Path target = hadoop(dir.resolve("shard-00000"));
        ShardedExport.publishShard(local, attempt("first", 1), target);
        ShardedExport.publishShard(local, attempt("second", 2), target);
        assertThat(Files.readString(dir.resolve("shard-00000").resolve("classes.txt"))).isEqualTo("first");
        assertThat(names(dir)).containsExactly("shard-00000");
        assertThat(names(dir.resolve("shard-00000"))).containsExactly("classes.txt");
    }

    /**
     * When the other attempt's shard appears between the check and the rename, file systems that move
     * into an existing directory put the copy inside it: that copy is removed again.
     */
    @Test
    void aCopyMovedIntoAShardThatAppearedMeanwhileIsRemoved() throws IOException {
        org.apache.hadoop.fs.Path target = hadoop(dir.resolve("shard-00000"));
        ShardedExport.publishShard(local, attempt("first", 1), target);
        RawLocalFileSystem late = new RawLocalFileSystem() {
            @Override
            public boolean exists(org.apache.hadoop.fs.Path path) throws IOException {
                return !path.equals(target) && super.exists(path); // the other attempt is not seen yet
            }
        };
        late.initialize(URI.create("file:///"), new Configuration());
        ShardedExport.publishShard(late, attempt("second", 2), target);
        assertThat(Files.readString(dir.resolve("shard-00000").resolve("classes.txt"))).isEqualTo("first");
        assertThat(names(dir)).containsExactly("shard-00000");
        assertThat(names(dir.resolve("shard-00000"))).containsExactly("classes.txt");
    }

    private org.apache.hadoop.fs.Path attempt(String content, int id) throws IOException {
        Path attempt = dir.resolve(".shard-00000.attempt-" + id);
        Files.createDirectory(attempt);
        Files.writeString(attempt.resolve("classes.txt"), content, StandardCharsets.UTF_8);
        return hadoop(attempt);
    }

    private static org.apache.hadoop.fs.Path hadoop(Path path) {
        return new org.apache.hadoop.fs.Path("file://" + path.toAbsolutePath());
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
