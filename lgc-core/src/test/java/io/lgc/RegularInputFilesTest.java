package io.lgc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one helper every reader opens its inputs with. */
class RegularInputFilesTest {
    @TempDir
    Path dir;

    @Test
    void aRegularFileIsReadWhole() throws Exception {
        Path file = Files.write(dir.resolve("a.txt"), new byte[] {1, 2, 3});
        assertThat(InputFiles.readAll(file, 3, "a test file")).containsExactly(1, 2, 3);
        assertThat(InputFiles.problem(file)).isNull();
    }

    @Test
    void aFileAboveTheLimitIsRefusedBeforeReading() throws Exception {
        Path file = Files.write(dir.resolve("a.txt"), new byte[10]);
        assertThatThrownBy(() -> InputFiles.readAll(file, 9, "a test file")).isInstanceOf(InputException.class)
                .hasMessage(file + ": 10 bytes; a test file may take at most 9");
    }

    @Test
    void whatIsNotARegularFileIsNamed() throws Exception {
        assertThatThrownBy(() -> InputFiles.open(dir)).isInstanceOf(InputException.class)
                .hasMessage(dir + ": a directory, not a regular file");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> InputFiles.open(missing)).hasMessage(missing + ": no such file");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), Path.of("nowhere"));
        assertThat(InputFiles.problem(dangling)).isEqualTo("dangling symbolic link (its target nowhere does not exist)");
        assertThat(InputFiles.isPresent(dangling)).isTrue();
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));
        assertThat(InputFiles.problem(loop)).isEqualTo("symbolic link loop (the links never reach a file)");
    }
}
