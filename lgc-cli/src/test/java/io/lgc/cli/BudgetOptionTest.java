package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.data.IdxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** compress --budget: the file fits, the choice is said and recorded, and what cannot fit is refused. */
class BudgetOptionTest extends QuickCompressFixture {
    @Test
    void theFileFitsItsBudgetAndRecordsTheChosenSetting() throws IOException {
        Path out = dir.resolve("budget.lgc");
        CliRun run = quick.to(out, "--budget", "6KB");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.size(out)).isLessThanOrEqualTo(6_000);
        assertThat(run.out()).containsPattern("budget 6,000 B: pca, latent (\\d+), (\\d+) components? per class, int8,"
                + " predicted at most [\\d,]+ B with fp16 mixtures \\(\\d+\\.\\d\\d % on Fashion-MNIST");
        JsonObject config = ArtifactFile.read(out).metadata().provenance().getAsJsonObject("config");
        String said = run.out().substring(run.out().indexOf("budget 6,000 B: "));
        assertThat(said).startsWith("budget 6,000 B: " + config.get("decoder").getAsString() + ", latent "
                + config.get("latent_dim").getAsInt() + ", " + config.get("components").getAsString() + " component");
    }

    @Test
    void aLargerBudgetBuysALargerFile() throws IOException {
        Path small = dir.resolve("small.lgc");
        Path large = dir.resolve("large.lgc");
        assertThat(quick.to(small, "--budget", "6000", "-q").exitCode()).isZero();
        CliRun run = quick.to(large, "--budget", "1MB");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("the best measured PCA setting predicted to fit; the basis decodes fewer than"
                + " 2,000 images better)");
        assertThat(Files.size(large)).isGreaterThan(Files.size(small));
        // sixty images: the basis's settings only, as --decoder auto would choose
        JsonObject config = ArtifactFile.read(large).metadata().provenance().getAsJsonObject("config");
        assertThat(config.get("decoder").getAsString()).isEqualTo("pca");
        assertThat(config.get("latent_dim").getAsInt()).isEqualTo(32);
    }

    @Test
    void aFileThatComesOutLargerThanPredictedGivesWayToTheNextSettingThatFits() throws IOException {
        // three classes of near-constant images: their latents vary so little within a class that fp16
        // would move the mixtures too far, so they stay fp32, beyond the prediction of the first choice
        Path data = dir.resolve("flat");
        IdxWriter.write(io.lgc.eval.SyntheticImages.nearlyConstantClasses(), data, "train");
        Path out = dir.resolve("flat.lgc");
        CliRun run = CliRun.of("compress", data.toString(), "-o", out.toString(), "--budget", "30000", "--seed", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("budget 30,000 B \\(29.3 KiB\\): pca, latent 32, 5 components per class,"
                + "[^\\n]*the best measured PCA setting[^\\n]*\\nbudget: the file came out at [\\d,]+ B \\([\\d.]+"
                + " KiB\\), its mixtures stay fp32: fp16 would move a class by \\d\\.\\de[+-]\\d\\d nats; trying the next"
                + " setting\\nbudget 30,000 B \\(29.3 KiB\\): pca, latent 32, 1 component per class,[^\\n]*the next"
                + " measured PCA setting predicted to fit");
        assertThat(Files.size(out)).isLessThanOrEqualTo(30_000);
        JsonObject config = ArtifactFile.read(out).metadata().provenance().getAsJsonObject("config");
        assertThat(config.get("components").getAsString()).isEqualTo("1");
    }

    @Test
    void aMoreAccurateSettingOnTheSameNetworkPredictedOverTheBudgetIsTriedFirstAndWrittenWhenItFits()
            throws IOException {
        // 2,000 28x28 images: the stem network with five fp16 components a class is predicted at about 74,900 B,
        // with ten int8 ones at about 84,100 B, which comes out at about 71,400 B after one epoch (int8 mixtures
        // with fp16 scales take about what fp16 ones take, and the prediction counts nothing for compression):
        // the ten-component file is written, from one training
        Path data = dir.resolve("bands28");
        IdxWriter.write(io.lgc.eval.SyntheticImages.bands(200, 10, 28, 5), data, "train");
        Path out = dir.resolve("same-network.lgc");
        CliRun run = CliRun.of("compress", data.toString(), "-o", out.toString(), "--budget", "75400", "--epochs", "1",
                "--n-init", "1", "--seed", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("budget 75,400 B \\(73.6 KiB\\): autoencoder, latent 16, 10 components per"
                + " class, width 32, stem 16, int8, int8 mixtures, 24 epochs, predicted at most ([\\d,]+) B [^\\n]*the best"
                + " measured setting on a network predicted to fit\\); should its file come out larger, the same"
                + " trained network is finished as autoencoder, latent 16, 5 components per class, width 32, stem"
                + " 16, int8, 24 epochs \\(predicted at most [\\d,]+ B [^\\n]*\\nbudget: mixtures stored in int8 as the"
                + " setting was measured");
        assertThat(run.out()).doesNotContain("came out at");
        assertThat(run.err().split("autoencoder epoch 1/1: train loss", -1)).as("one training").hasSize(2);
        assertThat(Files.size(out)).isLessThanOrEqualTo(75_400);
        assertThat(config(out).get("components").getAsString()).isEqualTo("10");
        assertThat(config(out).get("stem").getAsInt()).isEqualTo(16);
    }

    @Test
    void anInt4ChoiceTrainsItsDecoderForTheGridAsItWasMeasured() throws IOException {
        // 2,000 images: the autoencoder's settings are offered; at 8x8 pixels (cheap to decode 300 steps
        // long) the stem's network at int4 is predicted at about 46 KB, the more accurate settings at 53 KB
        // and more, so 50,000 B takes it, and with it the rounding steps it was measured with
        Path out = dir.resolve("int4.lgc");
        CliRun run = compressBands(out, "--budget", "50000", "--epochs", "1", "--seed", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("budget 50,000 B (48.8 KiB): autoencoder, latent 16, 5 components per class,"
                + " width 32, stem 16, int4 (300 rounding steps), predicted at most ");
        assertThat(Files.size(out)).isLessThanOrEqualTo(50_000);
        assertThat(ArtifactFile.readVerified(out).precision().decoder()).isEqualTo(io.lgc.artifact.Precision.INT4);
        JsonObject rounding = config(out).getAsJsonObject("rounding_tuning");
        assertThat(rounding.get("precision").getAsString()).isEqualTo("int4");
        assertThat(rounding.get("steps").getAsInt()).isEqualTo(300);
    }

    @Test
    void aChoiceMeasuredAtAnotherSpreadAndSharpenedIsWrittenSoUnlessSpreadIsGiven() throws IOException {
        // at 8x8 pixels the latent-32 int4 setting, measured drawn at spread 1.4, is predicted at about 68,700 B; the
        // same setting with its stem's convolution kept at int8 and a stronger teacher (measured so too) at about
        // 72,200 B, and so tried first, its network finished all at int4 to fall back on: its file fits
        Path out = dir.resolve("wide.lgc");
        CliRun run = compressBands(out, "--budget", "70000", "--epochs", "1", "--n-init", "1", "--seed", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("budget 70,000 B (68.4 KiB): autoencoder, latent 32, 5 components per class,"
                + " width 32, stem 16, int4 with layer 3 at int8 (300 rounding steps, cosine rate), int8 mixtures, 24"
                + " epochs, teacher of width 32 trained 6 epochs, drawn at spread 1.4, sharpened,");
        assertThat(run.out()).contains("should its file come out larger, the same trained network is finished as"
                + " autoencoder, latent 32, 5 components per class, width 32, stem 16, int4 (300 rounding steps, cosine"
                + " rate), int8 mixtures, 24 epochs, teacher of width 32 trained 6 epochs, drawn at spread 1.4, sharpened"
                + " (predicted at most ");
        assertThat(run.out()).doesNotContain("teacher given");
        assertThat(run.out()).doesNotContain("came out at");
        assertThat(Files.size(out)).isLessThanOrEqualTo(70_000);
        // the grid and the rate it was measured with: an int8 file whose other layers lie on int4's 15 levels
        JsonObject rounding = config(out).getAsJsonObject("rounding_tuning");
        assertThat(rounding.getAsJsonArray("int8_layers")).containsExactly(new com.google.gson.JsonPrimitive(3));
        assertThat(rounding.get("schedule").getAsString()).isEqualTo("cosine");
        assertThat(ArtifactFile.readVerified(out).precision().decoder()).isEqualTo(io.lgc.artifact.Precision.INT8);
        assertThat(ArtifactFile.readVerified(out).header().get("spread").getAsDouble()).isEqualTo(1.4);
        // the teacher it was measured with, though the user gave the epochs
        assertThat(config(out).get("teacher_width").getAsInt()).isEqualTo(32);
        assertThat(config(out).get("teacher_epochs").getAsInt()).isEqualTo(6);
        // measured sharpened, so written sharpened, at the spread the file recommends
        var layers = ArtifactFile.read(out).metadata().decoder().layers();
        assertThat(layers.get(layers.size() - 1)).isInstanceOf(io.lgc.network.Layer.FrequencyGain.class);
        assertThat(config(out).getAsJsonObject("sharpening").get("spread").getAsDouble()).isEqualTo(1.4);
        Path given = dir.resolve("given.lgc");
        CliRun mine = compressBands(given, "--budget", "70000", "--epochs", "1", "--n-init", "1", "--seed", "1",
                "--spread", "1.1", "--teacher-width", "16");
        assertThat(mine.exitCode()).as(mine.err()).isZero();
        assertThat(ArtifactFile.readVerified(given).header().get("spread").getAsDouble()).isEqualTo(1.1);
        assertThat(mine.out()).contains("; it learns from the teacher given (width 16, 2 epochs), not the one it was"
                + " measured with");
        assertThat(config(given).get("teacher_width").getAsInt()).isEqualTo(16);
    }

    @Test
    void anInt8MixtureChoiceStoresItsMixturesAtInt8AsItWasMeasured() throws IOException {
        // at 8x8 pixels the latent-64 network is small, and its eleven int8 components per class take most of
        // a file predicted at about 300 KB: the most accurate measured setting, which 392,000 B takes
        Path out = dir.resolve("int8-mixtures.lgc");
        CliRun run = compressBands(out, "--budget", "392000", "--epochs", "1", "--n-init", "1", "--seed",
                "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("budget 392,000 B (382.8 KiB): autoencoder, latent 64, 11 components per class,"
                + " width 32, stem 16, int8, int8 mixtures, 24 epochs, predicted at most ")
                .contains(" with int8 mixtures (87.60 %")
                .contains("the best measured setting predicted to fit); it trains for the 1 epoch given, not the 24 it"
                        + " was measured with")
                .containsPattern("budget: mixtures stored in int8 as the setting was measured, which moves a class by"
                        + " at most [0-9.]+e[-+][0-9]+ nats");
        assertThat(Files.size(out)).isLessThanOrEqualTo(392_000);
        assertThat(ArtifactFile.readVerified(out).precision().mixtures()).isEqualTo(io.lgc.artifact.Precision.INT8);
        assertThat(config(out).get("components").getAsString()).isEqualTo("11");
        assertThat(config(out).get("epochs").getAsInt()).isEqualTo(1);
    }

    @Test
    void aChoiceMeasuredWithLongerTrainingTrainsAsLongWhenNoEpochsAreGiven() throws IOException {
        Path out = dir.resolve("long.lgc");
        CliRun run = compressBands(out, "--budget", "392000", "--n-init", "1", "--seed", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("int8 mixtures, 24 epochs, predicted at most ").doesNotContain("given");
        assertThat(config(out).get("epochs").getAsInt()).isEqualTo(24);
        assertThat(config(out).get("feature_epochs").getAsInt()).isEqualTo(9);
        assertThat(Files.size(out)).isLessThanOrEqualTo(392_000);
    }

    /**
     * {@code lgc compress} of 2,000 8x8 images of ten classes (enough for the autoencoder's settings; cheap to
     * train and decode) into {@code out} with {@code options}.
     */
    private CliRun compressBands(Path out, String... options) throws IOException {
        Path data = dir.resolve("bands");
        IdxWriter.write(io.lgc.eval.SyntheticImages.bands(200, 10, 8, 5), data, "train");
        return CliRun.of(QuickCompress.concat(new String[] {"compress", data.toString(), "-o", out.toString()},
                options));
    }

    @Test
    void aBudgetNothingFitsIsRefusedInOneLineBeforeTraining() {
        Path out = dir.resolve("tiny.lgc");
        CliRun run = quick.to(out, "--budget", "100");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).matches("lgc: --budget 100 B is too small for .*bands: the smallest measured"
                + " setting \\(pca, latent 8, 1 component per class, int8\\) needs [\\d,]+ B");
        assertThat(run.err()).doesNotContain("autoencoder epoch");
        assertThat(out).doesNotExist();
    }

    @Test
    void badBudgetsAndTheOptionsItChoosesAreRefusedBeforeReadingData() {
        for (String bad : new String[] {"12x", "0", "-5", "1.5", "0.0005KB", "", "78,4KB", "1,5MB", "7,84,00"}) {
            CliRun run = quick.to(dir.resolve("bad.lgc"), "--budget", bad);
            assertThat(run.exitCode()).as(bad).isEqualTo(2);
            assertThat(run.err().strip()).as(bad).isEqualTo("lgc: --budget must be a positive whole number of bytes,"
                    + " such as 78400, 78.4KB or 1MiB, got '" + bad + "'");
        }
        for (String[] chosen : new String[][] {{"--latent-dim", "4"}, {"--decoder", "pca"}, {"--precision", "fp16"},
                {"--components", "2"}, {"--width", "16"}, {"--stem", "16"}, {"--covariance", "diag"},
                {"--tune-steps", "5"}}) {
            CliRun run = quick.to(dir.resolve("bad.lgc"), "--budget", "50000", chosen[0], chosen[1]);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip()).isEqualTo("lgc: " + chosen[0] + " does not apply with --budget, which"
                    + " chooses the decoder, latent dimension, components, covariance, width and precision itself,"
                    + " as measured (untuned)");
        }
        CliRun privately = CliRun.of("compress", quick.data().toString(), "-o", dir.resolve("bad.lgc").toString(),
                "--budget", "50000", "--epsilon", "1");
        assertThat(privately.exitCode()).isEqualTo(2);
        assertThat(privately.err().strip()).startsWith("lgc: --epsilon does not apply with --budget");
        assertThat(dir.resolve("bad.lgc")).doesNotExist();
    }

    @Test
    void aTableIsRefused() throws IOException {
        Path csv = dir.resolve("table.csv");
        StringBuilder rows = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i % 7).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Files.writeString(csv, rows);
        CliRun run = CliRun.of("compress", csv.toString(), "-o", dir.resolve("t.lgc").toString(), "--budget", "9000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).endsWith("table.csv: a table; --budget chooses among settings measured on"
                + " images (a table takes --latent-dim and --components)");
    }

    @Test
    void budgetsAreReadAsUsersWriteThem() {
        assertThat(BudgetOption.parse("78400")).isEqualTo(78_400);
        assertThat(BudgetOption.parse("78,400")).isEqualTo(78_400);
        assertThat(BudgetOption.parse("1,048,576 B")).isEqualTo(1_048_576);
        assertThat(BudgetOption.parse("78.4KB")).isEqualTo(78_400);
        assertThat(BudgetOption.parse("392k")).isEqualTo(392_000);
        assertThat(BudgetOption.parse("1MiB")).isEqualTo(1_048_576);
        assertThat(BudgetOption.parse(" 2 MB ")).isEqualTo(2_000_000);
        assertThat(BudgetOption.parse("100B")).isEqualTo(100);
        assertThatThrownBy(() -> BudgetOption.parse("1.0001K")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> BudgetOption.parse("99999999999999999999")).isInstanceOf(InputException.class);
    }
}
