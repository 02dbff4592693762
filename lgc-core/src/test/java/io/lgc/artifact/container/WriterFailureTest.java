package io.lgc.artifact.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer either produces the complete file or leaves the directory exactly as it was. */
class WriterFailureTest {
    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** Fails at the very end: the temporary file is complete and synced when the rename is refused. */
    @Test
    void failedRenameLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.lgc");
        Files.createDirectory(target);
        Files.writeString(target.resolve("occupant"), "x");

        assertThatThrownBy(() -> ContainerWriter.write(target, Fixtures.sample(), Codec.AUTO))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cannot write " + target);

        assertThat(listing()).containsExactly(target);
        assertThat(Files.readString(target.resolve("occupant"))).isEqualTo("x");
    }

    @Test
    void missingDirectoryLeavesNothing() throws IOException {
        Path target = dir.resolve("absent").resolve("model.lgc");
        assertThatThrownBy(() -> ContainerWriter.write(target, Fixtures.sample(), Codec.NONE))
                .isInstanceOf(IOException.class).hasMessageContaining(target.toString());
        assertThat(listing()).isEmpty();
    }

    @Test
    void unwritableDirectoryKeepsTheOldFile() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root ignores directory permissions");
        Path target = dir.resolve("model.lgc");
        Files.write(target, new byte[] {42});
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            assertThatThrownBy(() -> ContainerWriter.write(target, Fixtures.sample(), Codec.NONE))
                    .isInstanceOf(IOException.class);
        } finally {
            Files.setPosixFilePermissions(dir, before);
        }
        assertThat(listing()).containsExactly(target);
        assertThat(Files.readAllBytes(target)).containsExactly(42);
    }

    @Test
    void successLeavesOnlyTheTargetWithUsualPermissions() throws IOException {
        Path target = dir.resolve("model.lgc");
        ContainerWriter.write(target, Fixtures.sample(), Codec.AUTO);
        Path reference = Files.createFile(dir.resolve("reference"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(reference));
        Files.delete(reference);
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void relativePathsWork() throws IOException {
        Path relative = Path.of("target", "artifact-relative-" + ProcessHandle.current().pid() + ".lgc");
        try {
            ContainerWriter.write(relative, Fixtures.sample(), Codec.AUTO);
            assertThat(ContainerReader.read(relative)).isEqualTo(Fixtures.sample());
        } finally {
            Files.deleteIfExists(relative);
        }
    }

    @Test
    void unreadableFilesAreInputErrorsNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.lgc");
        assertThatThrownBy(() -> ContainerReader.read(missing)).isExactlyInstanceOf(io.lgc.InputException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> ContainerReader.verify(dir)).isInstanceOf(io.lgc.InputException.class)
                .hasMessageStartingWith(dir + ": ");
    }
}
