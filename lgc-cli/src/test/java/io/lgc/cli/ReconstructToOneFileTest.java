package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TinyArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code lgc reconstruct -o NAME.npz} writes that one file, as a user naming a file expects, not a
 * directory of that name; a name that looks like any other file is refused before any work.
 */
class ReconstructToOneFileTest {
    @TempDir
    Path dir;

    private Path artifact;

    @BeforeEach
    void artifact() {
        artifact = dir.resolve("gray.lgc");
        ArtifactFile.write(artifact, TinyArtifacts.fashionSized(3), Precision.FP32);
    }

    @Test
    void aNameEndingInNpzIsOneNpzFileWithTheBytesOfTheDirectoryForm() throws IOException {
        Path file = dir.resolve("recon.npz");
        Path folder = dir.resolve("folder");

        CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", file.toString(), "--per-class", "2");
        CliRun asDirectory = CliRun.of("reconstruct", artifact.toString(), "-o", folder.toString(), "--format", "npz",
                "--per-class", "2", "-q");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(asDirectory.exitCode()).as(asDirectory.err()).isZero();
        assertThat(run.out()).contains("as npz to " + file);
        assertThat(file).isRegularFile().hasSameBinaryContentAs(folder.resolve("train.npz"));
        CliRun inspect = CliRun.of("evaluate", "--train", file.toString(), "--test", file.toString(), "--protocol",
                "fast", "--epochs", "1", "-q");
        assertThat(inspect.exitCode()).as("the file is a dataset argument: " + inspect.err()).isZero();
        assertThat(entries()).containsExactlyInAnyOrder("gray.lgc", "recon.npz", "folder");
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws IOException {
        Path file = Files.writeString(dir.resolve("recon.npz"), "an earlier file");

        CliRun refused = CliRun.of("reconstruct", artifact.toString(), "-o", file.toString(), "--per-class", "1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).contains(file + ": exists; pass --force to replace it");
        assertThat(file).hasContent("an earlier file");

        CliRun forced = CliRun.of("reconstruct", artifact.toString(), "-o", file.toString(), "--per-class", "1",
                "--force", "-q");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(file)).startsWith('P', 'K');
        assertThat(entries()).containsExactlyInAnyOrder("gray.lgc", "recon.npz");
    }

    @Test
    void aFormatThatDisagreesWithTheNameIsRefusedBeforeAnyWork() throws IOException {
        Path file = dir.resolve("recon.npz");

        CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", file.toString(), "--format", "idx");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(file + ": a name ending in .npz is written as one npz file, but --format is idx")
                .doesNotContain("Exception");
        assertThat(entries()).containsExactly("gray.lgc");
    }

    @Test
    void imagesNamedAsACsvFileAreRefusedNamingTheOutput() throws IOException {
        Path file = dir.resolve("recon.csv");

        CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(file + ": csv output holds tables, but the data is images");
        assertThat(entries()).containsExactly("gray.lgc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"recon.png", "train-images-idx3-ubyte.gz", "recon.NPY", "samples.zip", "again.lgc"})
    void aNameThatLooksLikeAnotherFileIsRefusedRatherThanMadeADirectory(String name) throws IOException {
        Path file = dir.resolve(name);

        CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", file.toString(), "--per-class", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(file + ": looks like a file, but reconstruct writes this output as a "
                + "directory");
        assertThat(entries()).containsExactly("gray.lgc");
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
