package io.lgc.data;

import static io.lgc.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the labels file and classes.txt are found beside an images file. */
class LabelsDiscoveryTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte",
        "train-images.idx3-ubyte, train-labels.idx1-ubyte",
        "emnist-letters-train-images-idx3-ubyte.gz, emnist-letters-train-labels-idx1-ubyte.gz",
        "cifar-images-idx4-ubyte.gz, cifar-labels-idx1-ubyte.gz",
    })
    void theLabelsFileFollowsTheImagesName(String imagesName, String labelsName) {
        Path labels = write(dir.resolve(labelsName), new byte[1]);
        Path images = write(dir.resolve(imagesName), new byte[1]);

        assertThat(IdxFiles.beside(images, null).labels()).isEqualTo(labels);
    }

    @Test
    void gzipdImagesMayHavePlainLabelsBesideThem() {
        Path labels = write(dir.resolve("train-labels-idx1-ubyte"), new byte[1]);
        Path images = write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[1]);

        assertThat(IdxFiles.beside(images, null).labels()).isEqualTo(labels);
    }

    @Test
    void theSameCompressionIsPreferredWhenBothExist() {
        write(dir.resolve("train-labels-idx1-ubyte"), new byte[1]);
        Path gzLabels = write(dir.resolve("train-labels-idx1-ubyte.gz"), new byte[1]);
        Path images = write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[1]);

        assertThat(IdxFiles.beside(images, null).labels()).isEqualTo(gzLabels);
    }

    @Test
    void aMissingLabelsFileIsNamedWithTheHintToUseLabelsOption() {
        Path images = write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[1]);

        assertThatThrownBy(() -> IdxFiles.beside(images, null))
                .isInstanceOf(InputException.class)
                .hasMessage(images + ": labels file " + dir.resolve("train-labels-idx1-ubyte.gz")
                        + " not found beside it; name the labels file with ReadOptions.labels");
    }

    @Test
    void anUnconventionalNameNeedsAnExplicitLabelsFile() {
        Path images = write(dir.resolve("pictures.bin"), new byte[1]);

        assertThatThrownBy(() -> IdxFiles.beside(images, null))
                .hasMessageStartingWith(images + ": cannot tell the labels file from this name")
                .hasMessageEndingWith("name the labels file with ReadOptions.labels");
    }

    @Test
    void anExplicitLabelsFileMustExist() {
        Path images = write(dir.resolve("pictures.bin"), new byte[1]);
        Path labels = dir.resolve("labels.bin");

        assertThatThrownBy(() -> IdxFiles.beside(images, labels))
                .hasMessage(labels + ": labels file not found");
    }

    @Test
    void theImagesFileMustExist() {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");

        assertThatThrownBy(() -> IdxFiles.beside(images, null)).hasMessage(images + ": not found");
    }

    @Test
    void classesTxtIsPickedUpOnlyWhenPresent() {
        write(dir.resolve("a-labels-idx1-ubyte"), new byte[1]);
        Path images = write(dir.resolve("a-images-idx3-ubyte"), new byte[1]);
        assertThat(IdxFiles.beside(images, null).classNames()).isNull();
        assertThat(IdxFiles.beside(images, null).all()).hasSize(2);

        Path classes = write(dir.resolve("classes.txt"), "a\n".getBytes());
        assertThat(IdxFiles.beside(images, null).classNames()).isEqualTo(classes);
        assertThat(IdxFiles.beside(images, null).all()).endsWith(classes);
    }

    @Test
    void writerTemporariesAreNotImagesFiles() {
        assertThat(IdxFileNames.isImagesFileName("train-images-idx3-ubyte.gz")).isTrue();
        assertThat(IdxFileNames.isImagesFileName(".train-images-idx3-ubyte.gz.1f2e.tmp")).isFalse();
        assertThat(IdxFileNames.isImagesFileName("train-labels-idx1-ubyte.gz")).isFalse();
    }
}
