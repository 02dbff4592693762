package io.lgc.data;

import static io.lgc.data.IdxFixtures.write;
import static io.lgc.data.ImageFixtures.constantGray;
import static io.lgc.data.NpzFixtures.bytes;
import static io.lgc.data.NpzFixtures.int64Array;
import static io.lgc.data.NpzFixtures.npz;
import static io.lgc.data.NpzFixtures.uint8Array;
import static io.lgc.data.NpzFixtures.unicodeArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one class-name rule ({@link ClassNames}), refused at every source that names classes, with the
 * name: names that are one class under case folding or Unicode normalisation, empty names, names
 * with line breaks or other control characters.
 */
class ClassNameRuleTest {
    /** "é" as one code point and as "e" + combining acute accent: one name on macOS. */
    private static final String COMPOSED = "caf\u00e9";
    private static final String DECOMPOSED = "cafe\u0301";
    private static final String SAME_CLASS = "the same class as";

    @TempDir
    Path dir;

    private static ResolvedDataset resolve(Path path) {
        return DatasetResolver.system().load(path.toString(), null);
    }

    @Test
    void theRuleFoldsCaseAndUnicodeNormalisation() {
        assertThat(ClassNames.identity("Cat")).isEqualTo(ClassNames.identity("cAT"));
        assertThat(ClassNames.identity(COMPOSED)).isEqualTo(ClassNames.identity(DECOMPOSED));
        assertThat(ClassNames.identity("STRASSE")).isEqualTo(ClassNames.identity("stra\u00dfe"));
        assertThat(ClassNames.identity("T-shirt/top")).isNotEqualTo(ClassNames.identity("T-shirt_top"));
    }

    @Test
    void imageFoldersDifferingOnlyInCaseAreRefusedNamingBothFolders() {
        ImageFixtures.write(dir.resolve("Cat/1.png"), constantGray(2, 2, 10));
        ImageFixtures.write(dir.resolve("cat/1.png"), constantGray(2, 2, 20));

        assertThatThrownBy(() -> resolve(dir)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve("cat") + ": class folder names class 'cat', " + SAME_CLASS
                        + " 'Cat'")
                .hasMessageEndingWith("(folder " + dir.resolve("Cat") + ")");
    }

    @Test
    void imageFoldersDifferingOnlyInUnicodeNormalisationAreRefused() {
        ImageFixtures.write(dir.resolve(COMPOSED + "/1.png"), constantGray(2, 2, 10));
        ImageFixtures.write(dir.resolve(DECOMPOSED + "/1.png"), constantGray(2, 2, 20));

        assertThatThrownBy(() -> resolve(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining(": class folder names class '").hasMessageContaining(SAME_CLASS);
    }

    @Test
    void anImageFolderWhoseNameHoldsALineBreakIsRefusedOnOneLine() {
        ImageFixtures.write(dir.resolve("a\nb/1.png"), constantGray(2, 2, 10));
        ImageFixtures.write(dir.resolve("c/1.png"), constantGray(2, 2, 20));

        assertThatThrownBy(() -> resolve(dir)).isInstanceOf(InputException.class)
                .hasMessageEndingWith(": class folder: class name 'a\\nb' holds a line break or another control"
                        + " character; a class name is one line of text");
    }

    @Test
    void anImageFolderNameWithSurroundingSpaceIsRefused() {
        ImageFixtures.write(dir.resolve(" cat/1.png"), constantGray(2, 2, 10));

        assertThatThrownBy(() -> resolve(dir)).isInstanceOf(InputException.class)
                .hasMessage(dir.resolve(" cat") + ": class folder: class name ' cat' begins or ends with white"
                        + " space, which would not read back");
    }

    @Test
    void classesTxtNamesDifferingOnlyInCaseAreRefused() {
        Path file = write(dir.resolve("classes.txt"), "Dog\ncat\nCAT\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ClassNames.read(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": line 3 names class 'CAT', " + SAME_CLASS + " 'cat'")
                .hasMessageEndingWith(" of line 2");
    }

    @Test
    void classesTxtWithAUnicodeLineSeparatorInANameIsRefused() {
        Path file = write(dir.resolve("classes.txt"), "a\u2028b\nc\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ClassNames.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": line 1: class name 'a\\u2028b' holds a line break or another control"
                        + " character; a class name is one line of text");
    }

    @Test
    void csvLabelsDifferingOnlyInCaseAreRefusedWithTheRows() {
        Path csv = write(dir.resolve("t.csv"), "x,label\n1,cat\n2,dog\n3,Cat\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> resolve(csv)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(csv + ": row 4, column 'label': label names class 'Cat', " + SAME_CLASS
                        + " 'cat'")
                .hasMessageEndingWith(", first seen in row 2");
    }

    @Test
    void csvLabelsDifferingOnlyInUnicodeNormalisationAreRefused() {
        Path csv = write(dir.resolve("t.csv"), ("x,label\n1," + COMPOSED + "\n2," + DECOMPOSED + "\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> resolve(csv)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(csv + ": row 3, column 'label': label names class '");
    }

    @Test
    void aCsvLabelWithAControlCharacterIsRefused() {
        Path csv = write(dir.resolve("t.csv"), "x,label\n1,\"a\tb\"\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> resolve(csv)).isInstanceOf(InputException.class)
                .hasMessage(csv + ": row 2, column 'label': class name 'a\\tb' holds a line break or another"
                        + " control character; a class name is one line of text");
    }

    @Test
    void npzClassNamesDifferingOnlyInCaseAreRefused() {
        Path file = npz(dir.resolve("d.npz"), "x", uint8Array("(2, 1, 1)", bytes(1, 2)), "y", int64Array(0, 1),
                "class_names", unicodeArray(3, "Cat", "cat"));

        assertThatThrownBy(() -> resolve(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": class_names: entry 2 names class 'cat', " + SAME_CLASS + " 'Cat'");
    }

    @Test
    void npzClassNamesWithALineBreakAreRefused() {
        Path file = npz(dir.resolve("d.npz"), "x", uint8Array("(2, 1, 1)", bytes(1, 2)), "y", int64Array(0, 1),
                "class_names", unicodeArray(3, "a\nb", "c"));

        assertThatThrownBy(() -> resolve(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": class_names: entry 1: class name 'a\\nb' holds a line break or another control"
                        + " character; a class name is one line of text");
    }

    @Test
    void cifarNamesDifferingOnlyInCaseAreRefused() {
        Path batch = write(dir.resolve("test_batch.bin"), CifarReaderTest.cifar10(new int[] {0}, 1));
        Path meta = write(dir.resolve("batches.meta.txt"),
                "plane\ncar\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\nCar\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> resolve(batch)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(meta + ": line 10 names class 'Car', " + SAME_CLASS + " 'car'");
    }

    @Test
    void outputsStillWriteNamesThatDifferOnlyInCaseFromAFileMadeBeforeTheRule() {
        assertThat(ClassNames.format(List.of("Cat", "cat"))).isEqualTo("Cat\ncat\n");
    }
}
