package io.lgc.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.DatasetResolver;
import io.lgc.gmm.CovarianceType;
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
        Path lgc = dir.resolve("blobs.lgc");
        Result c = compressBlobs(lgc, "--sample-per-class", "20");
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
        assertThat(again.err).contains("exists (an earlier lgc-spark output); pass --force to replace it");
    }

    @Test
    void anInt4DecoderIsTrainedForItsGridAsLgcCompressDoes() throws Exception {
        Path int4 = dir.resolve("int4.lgc");
        Result c = compressBlobs(int4, "--precision", "int4");
        var record = config(int4).getAsJsonObject("rounding_tuning");
        assertThat(record.get("steps").getAsInt()).isEqualTo(300);
        assertThat(c.out).contains("tune for rounding");
        assertThat(record.get("schedule").getAsString()).isEqualTo("constant");
        Path int8 = dir.resolve("int8.lgc");
        compressBlobs(int8);
        assertThat(ArtifactFile.readVerified(int8).dataset().metadata().provenance().toString())
                .doesNotContain("rounding_tuning");
    }

    @Test
    void int8LayersKeepTheirGridInAnInt4DecoderAndAWrongOneIsRefusedInOneLine() throws Exception {
        Path mixed = dir.resolve("mixed.lgc");
        compressBlobs(mixed, "--precision", "int4", "--int8-layers", "0");
        var read = ArtifactFile.readVerified(mixed);
        assertThat(read.header().getAsJsonObject("precision").get("decoder").getAsString()).isEqualTo("int8");
        var record = config(mixed).getAsJsonObject("rounding_tuning");
        assertThat(record.get("precision").getAsString()).isEqualTo("int4");
        assertThat(record.getAsJsonArray("int8_layers").toString()).isEqualTo("[0]");

        Path none = dir.resolve("none.lgc");
        Result relu = run("compress", blobsCsv().toString(), "-o", none.toString(), "--epochs", "2", "--precision",
                "int4", "--int8-layers", "1");
        assertThat(relu.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(relu.err.strip()).doesNotContain("\n").startsWith("lgc-spark: --int8-layers: layer 1 has no"
                + " weights to keep at int8; this decoder's layers with weights are 0 (linear), ");
        Result int8 = run("compress", blobsCsv().toString(), "-o", none.toString(), "--int8-layers", "0");
        assertThat(int8.err.strip()).isEqualTo("lgc-spark: --int8-layers keeps some layers of an int4 decoder at int8;"
                + " --precision is int8 (use --precision int4)");
        assertThat(none).doesNotExist();
    }

    @Test
    void theRoundingStepsRateIsDecayedWhenAskedAndRefusedWhereNothingIsRounded() throws Exception {
        Path cosine = dir.resolve("cosine.lgc");
        compressBlobs(cosine, "--precision", "int4", "--rounding-schedule", "cosine");
        var record = config(cosine).getAsJsonObject("rounding_tuning");
        assertThat(record.get("schedule").getAsString()).isEqualTo("cosine");
        assertThat(record.get("steps").getAsInt()).isEqualTo(300);

        Path none = dir.resolve("none.lgc");
        Result int8 = run("compress", blobsCsv().toString(), "-o", none.toString(), "--rounding-schedule", "cosine");
        assertThat(int8.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(int8.err.strip()).isEqualTo("lgc-spark: --rounding-schedule sets the rounding steps' learning rate;"
                + " there are none here (they run for --precision int4)");
        Result unknown = run("compress", blobsCsv().toString(), "-o", none.toString(), "--precision", "int4",
                "--rounding-schedule", "linear");
        assertThat(unknown.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(unknown.err.strip()).isEqualTo("lgc-spark: --rounding-schedule must be constant or cosine, got"
                + " 'linear'");
        assertThat(none).doesNotExist();
    }

    @Test
    void roundingCandidatesAreJudgedOnTheSampledImagesAndRefusedWhereNothingIsRounded() throws Exception {
        Path two = dir.resolve("two.lgc");
        Result c = run("compress", parquetOfStripes().toString(), "-o", two.toString(), "--epochs", "1",
                "--components", "1", "--n-init", "1", "--precision", "int4", "--rounding-candidates", "2");
        assertThat(c.code).as(c.err).isEqualTo(SparkMain.OK);
        assertThat(c.out).containsPattern("rounding candidate 1/2: classifiers trained on its draws score [0-9.]+ % on"
                + " the images sampled").contains("rounding candidate 2/2: ").containsPattern("rounding: kept candidate [12] of 2");
        var record = config(two).getAsJsonObject("rounding_tuning");
        assertThat(record.get("candidates").getAsInt()).isEqualTo(2);
        assertThat(record.get("chosen").getAsInt()).isBetween(0, 1);

        Path none = dir.resolve("none.lgc");
        Result int8 = run("compress", parquetOfStripes().toString(), "-o", none.toString(), "--rounding-candidates", "2");
        assertThat(int8.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(int8.err.strip()).doesNotContain("\n").endsWith("--rounding-candidates chooses among the paths of"
                + " the rounding steps, and there are none here (they run for --precision int4)");
        Result zero = run("compress", parquetOfStripes().toString(), "-o", none.toString(), "--precision", "int4",
                "--rounding-candidates", "0");
        assertThat(zero.err.strip()).isEqualTo("lgc-spark: --rounding-candidates must be between 1 and 16, got 0");
        Result table = run("compress", blobsCsv().toString(), "-o", none.toString(), "--precision", "int4",
                "--rounding-candidates", "2");
        assertThat(table.err.strip()).doesNotContain("\n").endsWith("blobs.csv: a table; --rounding-candidates judges"
                + " files by classifiers trained on their decoded images, so it applies to images only");
        assertThat(none).doesNotExist();
    }

    @Test
    void theCovarianceRankAndTheSpreadAreStoredAsLgcCompressStoresThem() throws Exception {
        Path plain = dir.resolve("plain.lgc");
        compressBlobs(plain, "--precision", "int4");
        var whole = ArtifactFile.readVerified(plain).dataset().metadata();
        assertThat(whole.covarianceRank()).isZero();
        assertThat(whole.drawSpread()).isEmpty();

        Path ranked = dir.resolve("ranked.lgc");
        Result c = compressBlobs(ranked, "--precision", "int4", "--covariance-rank", "1", "--spread", "1.5");
        assertThat(c.out).contains("covariances stored as 1 loading vectors plus a diagonal");
        var metadata = ArtifactFile.readVerified(ranked).dataset().metadata();
        assertThat(metadata.covarianceRank()).isEqualTo(1); // through int4's rounding steps, which rebuild the header
        assertThat(metadata.drawSpread()).hasValue(1.5);
        assertThat(Files.size(ranked)).isNotEqualTo(Files.size(plain));
    }

    @Test
    void anExistingFileOrTheInputIsNeverWrittenOverWithoutForce() throws Exception {
        Path csv = blobsCsv();
        String before = Files.readString(csv);
        Result onInput = run("compress", csv.toString(), "-o", csv.toString(), "--force");
        assertThat(onInput.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(onInput.err.strip()).isEqualTo("lgc-spark: " + csv + ": is the input " + csv
                + "; write the output elsewhere");
        assertThat(Files.readString(csv)).isEqualTo(before);

        Path kept = dir.resolve("kept.lgc");
        Files.writeString(kept, "mine");
        Result refused = run("compress", csv.toString(), "-o", kept.toString());
        assertThat(refused.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(refused.err.strip()).isEqualTo("lgc-spark: " + kept + ": exists; pass --force to replace it");
        assertThat(Files.readString(kept)).isEqualTo("mine");

        compressBlobs(kept, "--force");
        assertThat(ArtifactFile.readVerified(kept).dataset().metadata().classCounts()).containsExactly(30, 30);
    }

    @Test
    void sharpenEndsAnImageDecoderInAFrequencyGainAndIsRefusedForATable() throws Exception {
        Path sharp = dir.resolve("sharp.lgc");
        Result c = run("compress", parquetOfStripes().toString(), "-o", sharp.toString(), "--epochs", "1",
                "--components", "1", "--n-init", "1", "--sharpen");
        assertThat(c.code).as(c.err).isEqualTo(SparkMain.OK);
        assertThat(c.out).contains("sharpen: gain by ring of frequency");
        var decoder = ArtifactFile.readVerified(sharp).dataset().metadata().decoder();
        assertThat(decoder.layers().get(decoder.layers().size() - 1)).isInstanceOf(io.lgc.network.Layer.FrequencyGain.class);

        Path out = dir.resolve("table.lgc");
        List<String> args = new java.util.ArrayList<>(List.of("compress", blobsCsv().toString(), "-o", out.toString(),
                "--sharpen"));
        Result table = run(args.toArray(String[]::new));
        assertThat(table.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(table.err.strip()).doesNotContain("\n").endsWith("blobs.csv: a table; --sharpen boosts the fine"
                + " detail of images");
        assertThat(out).doesNotExist();
    }

    @Test
    void theNetworkIsShapedAndItsMixturesStoredAsLgcCompressDoesIt() throws Exception {
        Path shaped = dir.resolve("shaped.lgc");
        Result c = run("compress", parquetOfStripes().toString(), "-o", shaped.toString(), "--epochs", "2",
                "--components", "1", "--n-init", "1", "--width", "16", "--stem", "4", "--feature-epochs", "1",
                "--mixture-precision", "int8");
        assertThat(c.code).as(c.err).isEqualTo(SparkMain.OK);
        assertThat(c.out).containsPattern("mixtures stored in int8 as asked, which moves a class by at most ");
        var read = ArtifactFile.readVerified(shaped);
        var config = config(shaped);
        assertThat(config.get("width").getAsInt()).isEqualTo(16);
        assertThat(config.get("stem").getAsInt()).isEqualTo(4);
        assertThat(config.get("feature_epochs").getAsInt()).isEqualTo(1);
        assertThat(read.header().getAsJsonObject("precision").get("mixtures").getAsString()).isEqualTo("int8");
        // the stem's linear layer fills 4 channels at a quarter of the 8 x 8 images' sides: 4 x 2 x 2 values
        var first = (io.lgc.network.Layer.Linear) read.dataset().metadata().decoder().layers().get(0);
        assertThat(first.out()).isEqualTo(4 * 2 * 2);
    }

    @Test
    void networkOptionsOutOfRangeOrForATableAreRefusedInOneLineBeforeSparkWorks() throws Exception {
        Path out = dir.resolve("refused.lgc");
        String images = parquetOfStripes().toString();
        String[][] cases = {
            {images, "--width", "24"}, {images, "--width", "0"}, {images, "--stem", "0"},
            {images, "--feature-epochs", "-1"}, {images, "--epochs", "2", "--feature-epochs", "3"},
            {images, "--feature-epochs", "9"}, {images, "--mixture-precision", "int4"},
            {blobsCsv().toString(), "--stem", "4"}, {blobsCsv().toString(), "--width", "16"},
            {blobsCsv().toString(), "--feature-epochs", "1"}};
        String[] expected = {
            "--width must be a positive multiple of 16, got 24", "--width must be a positive multiple of 16, got 0",
            "--stem must be 1 to 4096, got 0", "--feature-epochs must be >= 0, got -1",
            "--feature-epochs (3) cannot exceed --epochs (2)", "--feature-epochs (9) cannot exceed --epochs (8, the"
                + " default)", "--mixture-precision must be auto, fp16, int8 or fp32, got 'int4'",
            "blobs.csv: a table; --stem shapes the convolutional autoencoder and applies to images only",
            "blobs.csv: a table; --width shapes the convolutional autoencoder and applies to images only",
            "blobs.csv: a table; feature matching (--feature-epochs) compares a CNN's features of images and applies"
                + " to images only"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("compress", cases[i][0], "-o", out.toString()));
            args.addAll(List.of(cases[i]).subList(1, cases[i].length));
            Result r = run(args.toArray(String[]::new));
            assertThat(r.code).as(String.join(" ", cases[i])).isEqualTo(SparkMain.BAD_INPUT);
            assertThat(r.err.strip()).doesNotContain("\n").startsWith("lgc-spark: ").endsWith(expected[i]);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void aBadSpreadOrCovarianceRankIsRefusedInOneLineAndNothingIsWritten() throws Exception {
        Path csv = blobsCsv();
        Path out = dir.resolve("x.lgc");
        String[][] cases = {
            {"--spread", "0"}, {"--spread", "100.5"}, {"--spread", "NaN"}, {"--covariance-rank", "-1"},
            {"--covariance", "diag", "--covariance-rank", "1"}, {"--latent-dim", "2", "--covariance-rank", "2"}};
        String[] expected = {
            "--spread must be above 0 and at most 100, got 0", "--spread must be above 0 and at most 100, got 100.5",
            "--spread must be above 0 and at most 100, got NaN", "--covariance-rank must be at least 0, got -1",
            "--covariance-rank stores full covariances; --covariance diag has no rank to cut",
            "--covariance-rank must be below the latent dimension (2), got 2"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("compress", csv.toString(), "-o", out.toString()));
            args.addAll(List.of(cases[i]));
            Result r = run(args.toArray(String[]::new));
            assertThat(r.code).as(String.join(" ", cases[i])).isEqualTo(SparkMain.BAD_INPUT);
            assertThat(r.err.strip()).doesNotContain("\n").endsWith(expected[i]);
            assertThat(out).doesNotExist();
        }
    }

    /** The settings {@code file}'s provenance records: under {@code config}, or at its top in older files. */
    private static com.google.gson.JsonObject config(Path file) {
        var provenance = ArtifactFile.readVerified(file).dataset().metadata().provenance();
        return provenance.has("config") ? provenance.getAsJsonObject("config") : provenance;
    }

    /** {@link #blobsCsv} compressed to {@code out} (2 epochs, latent 2, one component) with {@code more}; succeeds. */
    private Result compressBlobs(Path out, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("compress", blobsCsv().toString(), "-o", out.toString(),
                "--epochs", "2", "--latent-dim", "2", "--components", "1", "--n-init", "1"));
        args.addAll(List.of(more));
        Result c = run(args.toArray(String[]::new));
        assertThat(c.code).as(c.err).isEqualTo(SparkMain.OK);
        return c;
    }

    /** Two Gaussian blobs of 30 records each in a CSV table: x, y and a label, left or right. */
    private Path blobsCsv() throws java.io.IOException {
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
        return csv;
    }

    @Test
    void reconstructWritesShardsThatLgcReads() throws Exception {
        Path lgc = tinyArtifact();
        Path out = dir.resolve("shards");
        Result r = run("reconstruct", lgc.toString(), "-o", out.toString(), "--format", "idx", "--per-class", "50",
                "--shard-size", "100", "--partitions", "2");
        assertThat(r.code).as(r.err).isEqualTo(SparkMain.OK);
        assertThat(r.out).contains("as 2 idx shards of up to 100 samples");
        try (var entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString()).sorted()).containsExactly("shard-00000",
                    "shard-00001");
        }
        assertThat(DatasetResolver.resolve(out.resolve("shard-00001").toString(), null).size()).isEqualTo(50);
        assertThat(run("reconstruct", lgc.toString(), "-o", out.toString(), "--format", "idx").err.strip())
                .isEqualTo("lgc-spark: " + out + ": exists (an earlier lgc-spark output); pass --force to replace it");
        Result again = run("reconstruct", lgc.toString(), "-o", out.toString(), "--format", "npz", "--per-class", "3",
                "--force");
        assertThat(again.code).as(again.err).isEqualTo(SparkMain.OK);
        try (var entries = Files.list(out.resolve("shard-00000"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("train.npz");
        }
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void aFormatTheDataDoesNotFitIsOneLineNamingTheFlag() throws Exception {
        Path lgc = dir.resolve("table.lgc");
        ArtifactFile.write(lgc, TinyArtifacts.table(CovarianceType.DIAG, 1), Precision.FP32);
        Result r = run("reconstruct", lgc.toString(), "-o", dir.resolve("out").toString(), "--format", "png");
        assertThat(r.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(r.err).isEqualTo("lgc-spark: --format png holds images, but " + lgc + " holds a table; give"
                + " parquet, csv or npz" + System.lineSeparator());
        Result size = run("reconstruct", lgc.toString(), "-o", dir.resolve("out").toString(), "--shard-size", "5");
        assertThat(size.err.strip()).isEqualTo("lgc-spark: --shard-size applies to sharded output (--format idx, npz,"
                + " png or csv), not to parquet");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutputThatIsOrHoldsTheArtifactIsRefusedEvenWithForce() throws Exception {
        Path lgc = tinyArtifact();
        Result same = run("reconstruct", lgc.toString(), "-o", lgc.toString(), "--format", "idx", "--force");
        assertThat(same.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(same.err.strip()).isEqualTo("lgc-spark: " + lgc + ": is the input " + lgc
                + "; write the output elsewhere");
        Result holds = run("reconstruct", lgc.toString(), "-o", dir.toString(), "--force");
        assertThat(holds.err.strip()).isEqualTo("lgc-spark: " + dir + ": holds the input " + lgc
                + "; write the output elsewhere");
        assertThat(lgc).isRegularFile();
    }

    /** --force replaces lgc-spark's own output only: a user's directory or file stays, whatever the flags. */
    @Test
    void forceNeverReplacesWhatLgcSparkDidNotWrite() throws Exception {
        Path lgc = tinyArtifact();
        Path mine = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        for (String format : List.of("parquet", "idx")) {
            Result r = run("reconstruct", lgc.toString(), "-o", mine.toString(), "--format", format, "--force");
            assertThat(r.code).isEqualTo(SparkMain.BAD_INPUT);
            assertThat(r.err.strip()).isEqualTo("lgc-spark: " + mine + ": exists and holds notes.txt, so it is not"
                    + " lgc-spark's output; refusing to replace it; give a new or empty directory");
        }
        assertThat(run("reconstruct", lgc.toString(), "-o", mine.toString()).err)
                .contains("(--force replaces only lgc-spark's own output)");
        assertThat(Files.readString(mine.resolve("notes.txt"))).isEqualTo("keep me");
        Path file = Files.writeString(dir.resolve("file.txt"), "keep me too");
        Result onFile = run("reconstruct", lgc.toString(), "-o", file.toString(), "--force");
        assertThat(onFile.err.strip()).isEqualTo("lgc-spark: " + file + ": exists and is not a directory; the output"
                + " is a directory, give another path");
        assertThat(Files.readString(file)).isEqualTo("keep me too");
    }

    @Test
    void anEmptyDirectoryIsFilledAndAnEarlierParquetOutputReplacedWithForce() throws Exception {
        Path lgc = dir.resolve("table.lgc");
        ArtifactFile.write(lgc, TinyArtifacts.table(CovarianceType.DIAG, 1), Precision.FP32);
        int classes = TinyArtifacts.table(CovarianceType.DIAG, 1).metadata().numClasses();
        Path out = Files.createDirectory(dir.resolve("empty"));
        assertThat(run("reconstruct", lgc.toString(), "-o", out.toString(), "--per-class", "4").code)
                .isEqualTo(SparkMain.OK);
        assertThat(spark.read().parquet(out.toString()).count()).isEqualTo(4L * classes);
        Result again = run("reconstruct", lgc.toString(), "-o", out.toString(), "--per-class", "2", "--force");
        assertThat(again.code).as(again.err).isEqualTo(SparkMain.OK);
        assertThat(spark.read().parquet(out.toString()).count()).isEqualTo(2L * classes);
    }

    /** The library's errors name lgc-spark's flags, not the Java parameters behind them. */
    @Test
    void libraryErrorsNameTheFlags() throws Exception {
        Result spread = run("reconstruct", tinyArtifact().toString(), "-o", dir.resolve("out").toString(), "--spread",
                "0");
        assertThat(spread.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(spread.err).isEqualTo("lgc-spark: --spread must be a positive number, got 0.0"
                + System.lineSeparator());
        // checked before the input is even looked at
        Result weight = run("compress", dir.resolve("in.parquet").toString(), "-o", dir.resolve("x.lgc").toString(),
                "--feature-weight", "-1");
        assertThat(weight.code).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(weight.err).isEqualTo("lgc-spark: --feature-weight must be 0 or more, got -1"
                + System.lineSeparator());
    }

    private Path tinyArtifact() {
        Path lgc = dir.resolve("tiny.lgc");
        ArtifactFile.write(lgc, TinyArtifacts.tiny(), Precision.FP32);
        return lgc;
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
