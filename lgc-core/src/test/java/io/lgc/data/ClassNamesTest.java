package io.lgc.data;

import static io.lgc.data.IdxFixtures.imagesFile;
import static io.lgc.data.IdxFixtures.labelsFile;
import static io.lgc.data.IdxFixtures.pixels;
import static io.lgc.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classes.txt format: UTF-8, one name per line, line n naming label n-1. */
class ClassNamesTest {
    @TempDir
    Path dir;

    private Path classes(String text) {
        return write(dir.resolve("classes.txt"), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOneNamePerLineInUtf8() {
        assertThat(ClassNames.read(classes("Zürich\nT-shirt/top\nAnkle boot\n")))
                .containsExactly("Zürich", "T-shirt/top", "Ankle boot");
    }

    @Test
    void acceptsWindowsLineEndsAByteOrderMarkAndNoFinalNewline() {
        assertThat(ClassNames.read(classes("\uFEFFa\r\nb\r\nc"))).containsExactly("a", "b", "c");
    }

    @Test
    void trimsSpacesAroundNames() {
        assertThat(ClassNames.read(classes("  a \nb\t\n"))).containsExactly("a", "b");
    }

    @Test
    void refusesAnEmptyLine() {
        Path file = classes("a\n\nc\n");

        assertThatThrownBy(() -> ClassNames.read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": line 2 is empty; every line names a class");
    }

    @Test
    void refusesAnEmptyFile() {
        Path file = classes("");

        assertThatThrownBy(() -> ClassNames.read(file)).hasMessage(file + ": no class names");
    }

    @Test
    void refusesARepeatedName() {
        Path file = classes("a\nb\na\n");

        assertThatThrownBy(() -> ClassNames.read(file))
                .hasMessage(file + ": line 3 repeats class name 'a' of line 1");
    }

    @Test
    void refusesInvalidUtf8() {
        Path file = write(dir.resolve("classes.txt"), new byte[] {'a', '\n', (byte) 0xC3, '\n'});

        assertThatThrownBy(() -> ClassNames.read(file)).hasMessage(file + ": not valid UTF-8");
    }

    @Test
    void mustNameEveryLabelInUse() {
        Path file = classes("a\nb\n");
        Path labels = write(dir.resolve("x-labels-idx1-ubyte"), labelsFile(0, 2));
        Path images = write(dir.resolve("x-images-idx3-ubyte"),
                imagesFile(2, 1, 1, pixels(2, new ImageShape(1, 1, 1))));

        assertThatThrownBy(() -> IdxReader.read(images))
                .hasMessage(file + ": 2 class names, but " + labels + " uses label 2, which needs at least 3");
    }

    @Test
    void numberedNamesAreTheLabelsAsText() {
        assertThat(ClassNames.numbered(3)).containsExactly("0", "1", "2");
    }

    @Test
    void formatReadsBackAsWritten() {
        var names = ClassNames.FASHION_MNIST;

        assertThat(ClassNames.read(classes(ClassNames.format(names)))).isEqualTo(names);
    }

    @Test
    void formatRefusesNamesThatWouldNotReadBack() {
        assertThatThrownBy(() -> ClassNames.format(java.util.List.of("a", " b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClassNames.format(java.util.List.of("a\nb")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
