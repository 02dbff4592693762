package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TinyArtifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A successful quiet run leaves stderr empty, native libraries included. libtorch prints its
 * warnings once per process straight to file descriptor 2, where an in-process run cannot see
 * them, so this runs the command line as ./lgc does, in a JVM of its own.
 */
class QuietDecodeTest {
    @TempDir
    Path dir;

    @Test
    void aQuietReconstructionWritesNothingOnStderr() throws IOException, InterruptedException {
        Path artifact = dir.resolve("tiny.lgc");
        ArtifactFile.write(artifact, TinyArtifacts.tiny(), Precision.INT8);
        Path stderr = dir.resolve("stderr.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Djava.awt.headless=true",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "reconstruct", artifact.toString(), "-o", dir.resolve("out").toString(), "--per-class", "3",
                "--format", "npz", "--quiet"))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
        assertThat(Files.readString(dir.resolve("stdout.txt"))).startsWith("wrote 9 samples");
        assertThat(Files.readString(stderr, StandardCharsets.UTF_8)).isEmpty();
    }
}
