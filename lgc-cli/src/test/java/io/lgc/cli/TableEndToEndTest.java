package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's story with a table: a CSV of three Gaussian clusters (the label column in the middle,
 * one feature in thousands, one constant) is compressed, inspected, reconstructed as CSV and as
 * npz, and a classifier trained on the reconstruction is tested on real rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TableEndToEndTest {
    static final String HEADER = "f0,f1,f2,price,species,f4,f5,const,f7";
    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    @TempDir
    static Path dir;

    static Path train;
    static Path test;
    static Path artifact;
    static Path csvOut;

    @BeforeAll
    static void data() throws IOException {
        train = write("train.csv", 80, 1);
        test = write("test.csv", 50, 2);
        artifact = dir.resolve("table.lgc");
        csvOut = dir.resolve("recon");
    }

    /**
     * {@code perClass} rows of each class: feature j of class c is normal with mean 3·c + j and std
     * 1 (so classes are about 3 std apart in every feature), "price" the same in thousands, "const"
     * always 5.
     */
    static Path write(String name, int perClass, long seed) throws IOException {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 3 * perClass; i++) {
            int c = i % 3;
            List<String> cells = new ArrayList<>();
            for (int j = 0; j < 8; j++) {
                if (j == 4) {
                    cells.add(SPECIES.get(c));
                }
                double v = 3 * c + j + r.nextGaussian();
                cells.add(j == 3 ? String.format(Locale.ROOT, "%.2f", 1000 * v + 20000)
                        : j == 6 ? "5" : String.format(Locale.ROOT, "%.5f", v));
            }
            lines.add(String.join(",", cells));
        }
        return Files.write(dir.resolve(name), lines);
    }

    @Test
    @Order(1)
    void compressTrainsTheDenseAutoencoderOnTheStandardisedTable() {
        CliRun run = CliRun.of("compress", train.toString(), "--label-column", "species", "-o", artifact.toString(),
                "--epochs", "40", "--lr", "0.005", "--components", "2", "--seed", "3", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("of float32 features + labels").contains("mixtures").contains("time:");
    }

    @Test
    @Order(2)
    void inspectShowsTheColumnsAndTheirScaling() {
        CliRun run = CliRun.of("inspect", artifact.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("table: 8 feature columns + label column 'species'")
                .containsPattern("4 price +mean 2\\d{4}\\.\\d  std 2\\d{3}\\.\\d+")
                .containsPattern("5 species +label")
                .containsPattern("8 const +mean 5\\.00000  std 1\\.00000")
                .contains("setosa").contains("\"model\":\"dense\"")
                .contains("decoder: 2,920 parameters: linear -> relu -> linear -> relu -> linear")
                .doesNotContain("sample shape");
    }

    @Test
    @Order(3)
    void reconstructWritesTheOriginalColumnsInTheOriginalUnits() throws IOException {
        CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", csvOut.toString(), "--per-class", "100",
                "--seed", "4", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("as csv to");
        List<String> lines = Files.readAllLines(csvOut.resolve("train.csv"));
        assertThat(lines).hasSize(301);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        double price = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells).hasSize(9);
            assertThat(SPECIES).contains(cells[4]);
            price += Double.parseDouble(cells[3]);
            assertThat(Double.parseDouble(cells[7])).as("the constant column").isCloseTo(5, within(0.5));
        }
        // real mean price: 1000 · (mean of 3, 4, 5... the classes' means 3, 6, 9) + 20000 = 26000
        assertThat(price / 300).as("price back in thousands").isBetween(24000.0, 28000.0);

        Path again = dir.resolve("again");
        CliRun.of("reconstruct", artifact.toString(), "-o", again.toString(), "--per-class", "100", "--seed", "4",
                "-q");
        assertThat(Files.readAllBytes(again.resolve("train.csv"))).isEqualTo(Files.readAllBytes(
                csvOut.resolve("train.csv")));
    }

    @Test
    @Order(4)
    void aClassifierTrainedOnTheReconstructionBeatsChanceByFar() throws IOException {
        Path json = dir.resolve("eval.json");
        CliRun run = CliRun.of("evaluate", "--train", csvOut.toString(), "--test", test.toString(),
                "--label-column", "species", "--epochs", "30", "--json", json.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        double accuracy = JsonParser.parseString(Files.readString(json)).getAsJsonObject().get("accuracy")
                .getAsDouble();
        assertThat(accuracy).as("three classes: chance is 1/3").isGreaterThan(0.8);
        assertThat(run.out()).contains("accuracy:").contains("setosa");
    }

    @Test
    @Order(5)
    void theNpzOutputIsReadBackByEvaluateToo() {
        Path npz = dir.resolve("npz");
        CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", npz.toString(), "--format", "npz",
                "--per-class", "60", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(npz.resolve("train.npz")).exists();
        CliRun eval = CliRun.of("evaluate", "--train", npz.toString(), "--test", test.toString(),
                "--label-column", "species", "--epochs", "10", "-q");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("trained on 180 samples");
    }

    @Test
    @Order(6)
    void imageOnlyChoicesAreOneLineErrors() {
        Path out = dir.resolve("nope");
        assertOneLineError(CliRun.of("reconstruct", artifact.toString(), "-o", out.toString(), "--format", "png"),
                artifact + ": png output holds images, but the data is a table; write csv or npz");
        assertOneLineError(CliRun.of("reconstruct", artifact.toString(), "-o", out.toString(), "--format", "idx"),
                artifact + ": idx output holds images, but the data is a table; write csv or npz");
        assertThat(out).doesNotExist();
        assertOneLineError(CliRun.of("evaluate", "--train", train.toString(), "--test", test.toString(),
                "--label-column", "species", "--protocol", "convnet"), train + ": a table; --protocol convnet trains"
                + " a CNN on images; a table is evaluated with --protocol fast (an MLP on its standardised features)");
        assertOneLineError(CliRun.of("report", artifact.toString(), "-o", out.toString()), artifact + ": a table"
                + " artifact; the report draws decoded and real images, so it applies to image artifacts only (lgc"
                + " inspect shows a table's columns)");
        assertOneLineError(CliRun.of("baseline", "random-subset", train.toString(), "--bytes", "1000", "-o",
                out.toString()), train + ": a table (csv), but this needs images");
        assertThat(out).doesNotExist();
    }

    @Test
    @Order(7)
    void compressRefusesWhatDoesNotApplyToTables() {
        Path out = dir.resolve("refused.lgc");
        String featureMatching = train + ": a table; feature matching (--feature-weight, --feature-epochs,"
                + " --teacher-epochs, --teacher-width, --texture-weight) compares a CNN's features of images and applies"
                + " to images only";
        for (String[] option : new String[][] {{"--feature-weight", "0.1"}, {"--texture-weight", "1"},
                {"--teacher-width", "32"}}) {
            assertOneLineError(CliRun.of("compress", train.toString(), "--label-column", "species", "-o",
                    out.toString(), option[0], option[1]), featureMatching);
        }
        assertOneLineError(CliRun.of("compress", train.toString(), "--label-column", "species", "-o", out.toString(),
                "--model", "conv"), train + ": a table; --model conv needs images, a table trains the dense"
                + " autoencoder (--model auto or dense)");
        assertOneLineError(CliRun.of("compress", train.toString(), "--label-column", "species", "-o", out.toString(),
                "--stem", "16"), train + ": a table; --stem shapes the convolutional autoencoder and applies to images"
                + " only");
        assertOneLineError(CliRun.of("compress", train.toString(), "--label-column", "species", "-o", out.toString(),
                "--decoder", "pca"), train + ": a table; --decoder pca is a basis of image pixels, so it applies to"
                + " images only (a table trains the dense autoencoder)");
        assertOneLineError(CliRun.of("compress", train.toString(), "--label-column", "species", "-o", out.toString(),
                "--report", dir.resolve("report").toString()), train + ": a table; --report draws images and"
                + " latents of images, so it applies to images only");
        assertThat(out).doesNotExist();
    }

    @Test
    @Order(8)
    void damagedCsvIsOneLineExitTwoAndNothingWritten() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b,label\n1,2,x\n3,oops,y\n");
        Path out = dir.resolve("bad.lgc");
        assertOneLineError(CliRun.of("compress", bad.toString(), "-o", out.toString()),
                bad + ": row 3, column 'b': 'oops' is not a number");
        Path single = Files.writeString(dir.resolve("single.csv"), "a,b,label\n1,2,x\n3,4,x\n5,6,y\n");
        assertOneLineError(CliRun.of("compress", single.toString(), "-o", out.toString()),
                single + ": every class needs at least 2 samples, but 'y' (label 1) has 1");
        assertThat(out).doesNotExist();
    }

    private static void assertOneLineError(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("lgc: " + message);
        assertThat(run.out()).isEmpty();
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
