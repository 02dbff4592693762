package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TinyArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A full disk, made with a small tmpfs (skipped where mounting is not allowed): one line naming the
 * output, and nothing left on the device.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    private Path full;
    private Path artifact;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        artifact = dir.resolve("gray.lgc");
        ArtifactFile.write(artifact, TinyArtifacts.fashionSized(3), Precision.FP32);
        full = Files.createDirectory(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", full.toString()),
                "cannot mount a tmpfs here");
        // The test is about a full disk, so it makes sure it has one.
        long total = Files.getFileStore(full).getTotalSpace();
        assumeTrue(total > 0 && total <= 1 << 20, "the small tmpfs is not in effect (" + total + " bytes)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (full != null && !run("umount", full.toString())) {
            run("umount", "-l", full.toString()); // a file left open keeps it busy: detach it all the same
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"idx", "npz", "png"})
    void reconstructNamesTheOutputAndLeavesNothing(String format) throws IOException {
        Path out = full.resolve("out");
        CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", out.toString(), "--format", format,
                "--per-class", "300", "-q");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("lgc: " + out + ": no space left").doesNotContain(".tmp");
        assertThat(entries(full)).isZero();
    }

    @Test
    void reportNamesTheOutputAndLeavesNothing() throws IOException {
        Path out = full.resolve("report");
        CliRun run = CliRun.of("report", artifact.toString(), "-o", out.toString(), "-q");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("lgc: " + out + ": no space left").doesNotContain(".tmp");
        assertThat(entries(full)).isZero();
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
