package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad option values are one line, exit 2, under the option the user typed and with the value
 * given; so are options that contradict each other, test classes the training set does not name,
 * and a learning rate that makes training diverge.
 */
class OptionValuesTest {
    @TempDir
    Path dir;

    /** The command line (DIR stands for the temporary folder) and the exact message it must give. */
    static Stream<Arguments> badValues() {
        return Stream.of(
                compress("--epochs", "-1", "--epochs must be at least 1, got -1"),
                compress("--epochs", "0", "--epochs must be at least 1, got 0"),
                compress("--batch-size", "0", "--batch-size must be at least 1, got 0"),
                compress("--lr", "-1", "--lr must be a positive number, got -1"),
                compress("--lr", "0", "--lr must be a positive number, got 0"),
                compress("--latent-dim", "0", "--latent-dim must be at least 1, got 0"),
                compress("--n-init", "0", "--n-init must be at least 1, got 0"),
                compress("--components", "0", "--components must be at least 1, got 0"),
                compress("--components", "-2", "--components must be at least 1, got -2"),
                compress("--components", "auto:0-3", "--components auto:0-3 needs 1 <= MIN <= MAX"),
                compress("--feature-weight", "-0.5", "--feature-weight must be 0 or more, got -0.5"),
                compress("--feature-epochs", "-1", "--feature-epochs must be at least 0, got -1"),
                compress("--teacher-epochs", "0", "--teacher-epochs must be at least 1, got 0"),
                compress("--teacher-width", "0", "--teacher-width must be a multiple of 16 from 16 to 512, got 0"),
                compress("--teacher-width", "24", "--teacher-width must be a multiple of 16 from 16 to 512, got 24"),
                compress("--teacher-width", "528", "--teacher-width must be a multiple of 16 from 16 to 512, got 528"),
                compress("--size", "0x4", "--size must be WIDTHxHEIGHT with positive numbers, like 32x32, got '0x4'"),
                compress("--channels", "2", "--channels must be 1 (grayscale) or 3 (RGB), got 2"),
                compress("--provenance", "all", "--provenance must be minimal or full, got 'all'"),
                reconstruct("--per-class", "0", "--per-class must be at least 1, got 0"),
                reconstruct("--per-class", "-3", "--per-class must be at least 1, got -3"),
                reconstruct("--count", "0", "--count must be at least 1, got 0"),
                reconstruct("--count", "-5", "--count must be at least 1, got -5"),
                reconstruct("--spread", "0", "--spread must be a positive number, got 0"),
                reconstruct("--spread", "-1.5", "--spread must be a positive number, got -1.5"),
                args("--count 10 and --per-class 5 both say how many samples to write; give one of them",
                        "reconstruct", "DIR/none.lgc", "-o", "DIR/out", "--count", "10", "--per-class", "5"),
                args("--epochs must be positive, got -1",
                        "evaluate", "--train", "DIR/none", "--test", "DIR/none", "--epochs", "-1"),
                args("--repeats must be positive, got 0",
                        "evaluate", "--train", "DIR/none", "--test", "DIR/none", "--repeats", "0"),
                sweep("--epochs", "-1", "--epochs must be 0 (the protocol's default) or more, got -1"),
                sweep("--ae-epochs", "0", "--ae-epochs must be positive, got 0"),
                sweep("--per-class", "0", "--per-class must be positive, got 0"),
                sweep("--latent-dims", "0", "--latent-dims must be positive, got 0"),
                sweep("--budgets", "-5", "--budgets must be positive, got -5"),
                args("--per-class must be at least 1, got 0",
                        "demo", "--train", "DIR/none", "--out", "DIR/demo", "--per-class", "0"),
                args("--per-class must be between 1 and 64, got 0",
                        "report", "DIR/none.lgc", "-o", "DIR/report", "--per-class", "0"),
                args("--bytes must be positive, got -1",
                        "baseline", "random-subset", "DIR/none", "--bytes", "-1", "-o", "DIR/out"));
    }

    private static Arguments compress(String option, String value, String message) {
        return args(message, "compress", "DIR/none", "-o", "DIR/a.lgc", option, value);
    }

    private static Arguments reconstruct(String option, String value, String message) {
        return args(message, "reconstruct", "DIR/none.lgc", "-o", "DIR/out", option, value);
    }

    private static Arguments sweep(String option, String value, String message) {
        return args(message, "sweep", "DIR/none", "--test", "DIR/none", "-o", "DIR/sweep", option, value);
    }

    private static Arguments args(String message, String... command) {
        return Arguments.of(List.of(command), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueIsReportedUnderTheOptionTypedWithTheValueGiven(List<String> command, String message) {
        List<String> args = new ArrayList<>();
        command.forEach(a -> args.add(a.replace("DIR", dir.toString())));
        args.add("--quiet");

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("lgc: " + message);
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("demo")).doesNotExist();
    }

    @Test
    void testClassesThatTheTrainingSetDoesNotNameAreRefusedNotScoredByPosition() throws IOException {
        Path train = dir.resolve("train");
        IdxWriter.write(SyntheticImages.bands(10, 3, 8, 1).withClassNames(List.of("0", "1", "2")), train, "train");
        Path test = dir.resolve("test");
        IdxWriter.write(SyntheticImages.bands(5, 3, 8, 2).withClassNames(List.of("a", "b", "c")), test, "train");

        CliRun run = CliRun.of("evaluate", "--train", train.toString(), "--test", test.toString(), "--epochs", "1",
                "--quiet");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("lgc: train classes [0, 1, 2] differ from test classes [a, b, c]; classes are"
                + " matched by name");
        assertThat(run.out()).doesNotContain("accuracy");
    }

    @Test
    void aLearningRateThatMakesTheImageAutoencoderDivergeIsOneLineNamingTheEpochAndLr() throws IOException {
        Path data = dir.resolve("data");
        IdxWriter.write(SyntheticImages.bands(12, 3, 8, 1), data, "train");

        CliRun run = CliRun.of("compress", data.toString(), "-o", dir.resolve("a.lgc").toString(), "--lr", "1e6",
                "--epochs", "1", "--batch-size", "4", "--feature-epochs", "0", "--quiet");

        assertDiverged(run, "autoencoder", "1000000", "100000");
    }

    @Test
    void oneHugeStepThatLeavesWeightsBeyondTheStoragePrecisionIsOneLineNamingLr() throws IOException {
        Path data = dir.resolve("data");
        IdxWriter.write(SyntheticImages.bands(3, 3, 8, 1), data, "train");

        // Nine images: one batch, no validation set, so a single Adam step of 1e6 and no loss measured after it.
        CliRun run = CliRun.of("compress", data.toString(), "-o", dir.resolve("a.lgc").toString(), "--lr", "1e6",
                "--epochs", "1", "--feature-epochs", "0", "--quiet");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("lgc: decoder parameter ").contains("beyond fp16's range")
                .contains("training ran away: try a lower --lr, such as 100000");
        assertThat(dir.resolve("a.lgc")).doesNotExist();
    }

    @Test
    void aLearningRateThatMakesTheTeacherDivergeIsOneLine() throws IOException {
        Path data = dir.resolve("data");
        IdxWriter.write(SyntheticImages.bands(12, 3, 8, 1), data, "train");

        // Cross-entropy stays finite longer than a reconstruction loss: a rate that overflows float32.
        CliRun run = CliRun.of("compress", data.toString(), "-o", dir.resolve("a.lgc").toString(), "--lr", "1e20",
                "--epochs", "1", "--batch-size", "4", "--teacher-epochs", "1", "--quiet");

        assertDiverged(run, "teacher", "1.0E20", "1.0E19");
    }

    @Test
    void aLearningRateThatMakesTheTableAutoencoderDivergeIsOneLine() throws IOException {
        Random random = new Random(1);
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%s%n", random.nextGaussian(), random.nextGaussian(),
                    random.nextGaussian(), i % 2 == 0 ? "x" : "y"));
        }
        Path table = Files.writeString(dir.resolve("t.csv"), csv, StandardCharsets.UTF_8);

        CliRun run = CliRun.of("compress", table.toString(), "-o", dir.resolve("a.lgc").toString(), "--lr", "1e6",
                "--epochs", "1", "--batch-size", "4", "--quiet");

        assertDiverged(run, "autoencoder", "1000000", "100000");
    }

    private void assertDiverged(CliRun run, String network, String rate, String lower) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).matches("lgc: " + network + " training diverged in epoch 1 of 1: its loss became"
                + " (NaN|-?Infinity) at learning rate " + rate + "; try a lower --lr, such as " + lower + "\\s*");
        assertThat(dir.resolve("a.lgc")).doesNotExist();
    }
}
