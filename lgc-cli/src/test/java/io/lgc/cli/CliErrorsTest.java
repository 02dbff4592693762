package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit codes and one-line errors: 0 success, 2 bad usage or input, 1 anything else. */
class CliErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"compress", "reconstruct", "evaluate", "inspect", "demo", "baseline", "report"})
    void everySubcommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: lgc " + command);
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("inspect", "--frobnicate", "x.lgc");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("lgc: ").contains("--frobnicate");
    }

    @Test
    void missingDatasetNamesTheFile() {
        Path missing = dir.resolve("nothing-images-idx3-ubyte.gz");
        CliRun run = CliRun.of("compress", missing.toString(), "-o", dir.resolve("a.lgc").toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("nothing-images-idx3-ubyte.gz");
        assertThat(dir.resolve("a.lgc")).doesNotExist();
    }

    @Test
    void invalidOptionValueIsExitTwo() {
        CliRun run = CliRun.of("compress", "fashion-mnist/train", "-o", dir.resolve("a.lgc").toString(),
                "--components", "many");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--components").doesNotContain("Exception");
    }

    @Test
    void damagedArtifactIsRefusedInOneLineWithoutStackTrace() throws Exception {
        Path file = dir.resolve("junk.lgc");
        Files.write(file, "this is not an artifact at all, just text".getBytes());
        CliRun run = CliRun.of("inspect", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("junk.lgc").doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        Path file = dir.resolve("junk.lgc");
        Files.write(file, new byte[] {1, 2, 3});
        CliRun run = CliRun.of("inspect", "--verbose", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void missingArtifactIsExitTwo() {
        CliRun run = CliRun.of("reconstruct", dir.resolve("none.lgc").toString(), "-o", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("none.lgc");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void moreFeatureEpochsThanEpochsIsRefusedBeforeAnyWork() {
        CliRun run = CliRun.of("compress", dir.resolve("absent-images-idx3-ubyte").toString(), "-o",
                dir.resolve("a.lgc").toString(), "--epochs", "2", "--feature-epochs", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--feature-epochs");
    }

    @Test
    void unknownPrecisionIsRefused() {
        CliRun run = CliRun.of("compress", dir.resolve("absent-images-idx3-ubyte").toString(), "-o",
                dir.resolve("a.lgc").toString(), "--precision", "fp8");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("fp8");
    }
}
