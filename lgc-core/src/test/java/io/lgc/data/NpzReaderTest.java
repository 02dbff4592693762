package io.lgc.data;

import static io.lgc.data.NpzFixtures.bytes;
import static io.lgc.data.NpzFixtures.dict;
import static io.lgc.data.NpzFixtures.float32Array;
import static io.lgc.data.NpzFixtures.float64Array;
import static io.lgc.data.NpzFixtures.int64Array;
import static io.lgc.data.NpzFixtures.npy;
import static io.lgc.data.NpzFixtures.npz;
import static io.lgc.data.NpzFixtures.uint8Array;
import static io.lgc.data.NpzFixtures.unicodeArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading .npz archives built byte by byte: layouts, dtypes, and every way they can be wrong. */
class NpzReaderTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("data.npz");
    }

    private static Dataset read(Path path) {
        return NpzReader.read(path, ReadOptions.DEFAULTS).dataset();
    }

    private void assertFails(Path path, String message) {
        assertThatThrownBy(() -> read(path)).isInstanceOf(InputException.class).hasMessage(path + ": " + message);
    }

    @Test
    void grayscaleImagesAreReadAsStored() {
        byte[] values = bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255);
        Path npz = npz(file(), "x", uint8Array("(2, 2, 3)", values), "y", int64Array(1, 0));

        Dataset data = read(npz);

        assertThat(data.shape()).isEqualTo(new ImageShape(1, 2, 3));
        assertThat(data.pixels()).isEqualTo(values);
        assertThat(data.labels()).containsExactly(1, 0);
        assertThat(data.classNames()).containsExactly("0", "1");
    }

    @Test
    void channelsLastBecomeChannelPlanes() {
        // one 1x2 image, RGB per pixel: (10,20,30) (11,21,31)
        Path npz = npz(file(), "x", uint8Array("(1, 1, 2, 3)", bytes(10, 20, 30, 11, 21, 31)), "y", int64Array(0));

        Dataset data = read(npz);

        assertThat(data.shape()).isEqualTo(new ImageShape(3, 1, 2));
        assertThat(data.pixels()).isEqualTo(bytes(10, 11, 20, 21, 30, 31));
    }

    @Test
    void channelsFirstAreKeptWhenTheLastAxisCannotBeChannels() {
        byte[] values = new byte[2 * 3 * 1 * 5];
        Arrays.fill(values, 0, 15, (byte) 7);
        values[17] = 9;
        Path npz = npz(file(), "x", uint8Array("(2, 3, 1, 5)", values), "y", int64Array(0, 0));

        Dataset data = read(npz);

        assertThat(data.shape()).isEqualTo(new ImageShape(3, 1, 5));
        assertThat(data.pixels()).isEqualTo(values);
    }

    @Test
    void whenBothAxesCouldBeChannelsTheLastWins() {
        Path npz = npz(file(), "x", uint8Array("(1, 3, 2, 2)", new byte[12]), "y", int64Array(0));

        assertThat(read(npz).shape()).isEqualTo(new ImageShape(2, 3, 2));
    }

    @Test
    void floatsInZeroToOneAreScaledBy255AndRounded() {
        Path npz = npz(file(), "x", float32Array("(1, 2, 2)", ByteOrder.LITTLE_ENDIAN, 0f, 0.5f, 1f, 0.25f),
                "y", int64Array(0));

        assertThat(read(npz).pixels()).isEqualTo(bytes(0, 128, 255, 64));
    }

    @Test
    void floatsBeyondOneAreTakenAsZeroTo255AndRounded() {
        Path npz = npz(file(), "x", float64Array("(1, 2, 2)", 0, 2.4, 2.5, 255), "y", int64Array(0));

        assertThat(read(npz).pixels()).isEqualTo(bytes(0, 2, 3, 255));
    }

    @Test
    void bigEndianFloatsAreRead() {
        Path npz = npz(file(), "x", float32Array("(1, 1, 2)", ByteOrder.BIG_ENDIAN, 1f, 0.2f), "y", int64Array(0));

        assertThat(read(npz).pixels()).isEqualTo(bytes(255, 51));
    }

    @Test
    void nanIsRefusedNamingTheElement() {
        Path npz = npz(file(), "x", float32Array("(2, 1, 2)", ByteOrder.LITTLE_ENDIAN, 0f, 1f, 0.5f, Float.NaN),
                "y", int64Array(0, 0));

        assertFails(npz, "x: x[1, 0, 1] is NaN; pixels must be finite");
    }

    @Test
    void infinityIsRefusedNamingTheElement() {
        Path npz = npz(file(), "x", float64Array("(1, 1, 2)", Double.NEGATIVE_INFINITY, 0), "y", int64Array(0));

        assertFails(npz, "x: x[0, 0, 0] is -Infinity; pixels must be finite");
    }

    @Test
    void floatsOutsideTheRangesAreRefused() {
        Path negative = npz(file(), "x", float64Array("(1, 1, 2)", 0.5, -0.01), "y", int64Array(0));
        assertFails(negative, "x: x[0, 0, 1] is -0.01; float pixels must lie in [0, 1] or [0, 255]");

        Path large = npz(dir.resolve("large.npz"), "x", float64Array("(1, 1, 2)", 255.5, 0), "y", int64Array(0));
        assertFails(large, "x: x[0, 0, 0] is 255.5; float pixels must lie in [0, 1] or [0, 255]");
    }

    @Test
    void widerIntegersAreAcceptedWithin0To255() {
        ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(3).putLong(255);
        Path npz = npz(file(), "x", npy(dict("<i8", "(1, 1, 2)"), body.array()), "y", int64Array(0));

        assertThat(read(npz).pixels()).isEqualTo(bytes(3, 255));
    }

    @Test
    void integersOutside0To255AreRefused() {
        ByteBuffer body = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) 256);
        Path npz = npz(file(), "x", npy(dict("<u2", "(1, 1, 2)"), body.array()), "y", int64Array(0));

        assertFails(npz, "x: x[0, 0, 1] is 256; integer pixels must lie in 0..255");
    }

    @Test
    void labelsMayBeAColumnOfAnyIntegerType() {
        Path npz = npz(file(), "x", uint8Array("(3, 1, 1)", bytes(1, 2, 3)),
                "y", npy(dict("|i1", "(3, 1)"), bytes(2, 0, 1)));

        Dataset data = read(npz);

        assertThat(data.labels()).containsExactly(2, 0, 1);
        assertThat(data.classNames()).containsExactly("0", "1", "2");
    }

    @Test
    void labelsMustBeNonNegativeIntegers() {
        Path negative = npz(file(), "x", uint8Array("(2, 1, 1)", bytes(1, 2)), "y", int64Array(0, -1));
        assertFails(negative, "y: y[1] is -1; labels must lie in 0..65535");

        Path floats = npz(dir.resolve("f.npz"), "x", uint8Array("(1, 1, 1)", bytes(1)),
                "y", float64Array("(1,)", 1.0));
        assertFails(floats, "y: labels must be integers, got float64 ('<f8')");

        Path matrix = npz(dir.resolve("m.npz"), "x", uint8Array("(1, 1, 1)", bytes(1)),
                "y", npy(dict("|u1", "(1, 2)"), bytes(0, 1)));
        assertFails(matrix, "y: labels must have shape (N,) or (N, 1), got (1, 2)");
    }

    @Test
    void labelsThatDisagreeWithTheImagesAreRefused() {
        Path npz = npz(file(), "x", uint8Array("(3, 1, 1)", bytes(1, 2, 3)), "y", int64Array(0, 1));

        assertFails(npz, "x holds 3 images but y holds 2 labels");
    }

    @Test
    void aMissingArrayListsWhatTheArchiveHolds() {
        Path npz = npz(file(), "x_train", uint8Array("(1, 1, 1)", bytes(1)), "y_train", int64Array(0));

        assertFails(npz, "holds no array 'y' (it holds x_train, y_train); choose the arrays by key");
    }

    @Test
    void keysCanBeChosen() {
        Path npz = npz(file(), "x_test", uint8Array("(1, 1, 1)", bytes(42)), "y_test", int64Array(0));
        ReadOptions keys = ReadOptions.builder().xKey("x_test").yKey("y_test").build();

        assertThat(NpzReader.read(npz, keys).dataset().pixels()).containsExactly(42);
    }

    @Test
    void classNamesAreReadFromUnicodeArrays() {
        Path npz = npz(file(), "x", uint8Array("(2, 1, 1)", bytes(1, 2)), "y", int64Array(1, 0),
                "class_names", unicodeArray(11, "T-shirt/top", "Ünïcödé"));

        assertThat(read(npz).classNames()).containsExactly("T-shirt/top", "Ünïcödé");
    }

    @Test
    void classNamesAreReadFromByteStringArrays() {
        byte[] body = IdxFixtures.concat("cat\0\0".getBytes(), "horse".getBytes());
        Path npz = npz(file(), "x", uint8Array("(1, 1, 1)", bytes(1)), "y", int64Array(1),
                "class_names", npy(dict("|S5", "(2,)"), body));

        assertThat(read(npz).classNames()).containsExactly("cat", "horse");
    }

    @Test
    void objectClassNamesAreRefusedWithAHint() {
        Path npz = npz(file(), "x", uint8Array("(1, 1, 1)", bytes(1)), "y", int64Array(0),
                "class_names", npy(dict("|O", "(1,)"), new byte[8]));

        assertFails(npz, "class_names: class names must be strings, got object (object arrays need Python's pickle;"
                + " save strings with dtype=str and numbers with a numeric dtype)");
    }

    @Test
    void tooFewClassNamesAreRefused() {
        Path npz = npz(file(), "x", uint8Array("(2, 1, 1)", bytes(1, 2)), "y", int64Array(0, 2),
                "class_names", unicodeArray(1, "a", "b"));

        assertFails(npz, "class_names: 2 class names, but the labels use 2, which needs at least 3");
    }

    @Test
    void repeatedClassNamesAreRefused() {
        Path npz = npz(file(), "x", uint8Array("(1, 1, 1)", bytes(1)), "y", int64Array(0),
                "class_names", unicodeArray(1, "a", "a"));

        assertFails(npz, "class_names: entry 2 repeats class name 'a' of entry 1");
    }

    @Test
    void fortranOrderIsRefused() {
        String fortran = "{'descr': '|u1', 'fortran_order': True, 'shape': (1, 1, 2), }";
        Path npz = npz(file(), "x", npy(fortran, bytes(1, 2)), "y", int64Array(0));

        assertFails(npz, "x: stored in Fortran (column-major) order, which is not supported;"
                + " save np.ascontiguousarray(array) instead");
    }

    @Test
    void objectImagesAreRefused() {
        Path npz = npz(file(), "x", npy(dict("|O", "(1, 1, 1)"), new byte[8]), "y", int64Array(0));

        assertFails(npz, "x: images must be uint8, another integer type or float32/float64, got object"
                + " (object arrays need Python's pickle; save strings with dtype=str and numbers with a numeric"
                + " dtype)");
    }

    @Test
    void structuredArraysAreRefused() {
        String structured = "{'descr': [('r', '|u1'), ('g', '|u1')], 'fortran_order': False, 'shape': (1, 1, 1), }";
        Path npz = npz(file(), "x", npy(structured, bytes(1, 2)), "y", int64Array(0));

        assertFails(npz, "x: structured dtype [[r, |u1], [g, |u1]] is not supported; store plain arrays");
    }

    @Test
    void truncatedDataIsRefusedBeforeReading() {
        Path npz = npz(file(), "x", uint8Array("(2, 2, 2)", bytes(1, 2, 3)), "y", int64Array(0, 0));

        assertFails(npz, "x: shape (2, 2, 2) of uint8 ('|u1') needs 8 bytes of data, but the archive member holds 3"
                + " (truncated)");
    }

    @Test
    void trailingDataIsRefused() {
        Path npz = npz(file(), "x", uint8Array("(1, 1, 1)", bytes(1, 2)), "y", int64Array(0));

        assertFails(npz, "x: shape (1, 1, 1) of uint8 ('|u1') needs 1 bytes of data, but the archive member holds 2");
    }

    @Test
    void twoAxesAreATableWithNumberedFeatures() {
        Path npz = npz(file(), "x", uint8Array("(2, 3)", bytes(1, 2, 3, 4, 5, 250)), "y", int64Array(1, 0));

        Table t = NpzReader.read(npz, ReadOptions.DEFAULTS).table();

        assertThat(t.values()).containsExactly(1f, 2f, 3f, 4f, 5f, 250f);
        assertThat(t.columns().names()).containsExactly("0", "1", "2", "y");
        assertThat(t.labels()).containsExactly(1, 0);
        assertThatThrownBy(() -> NpzReader.read(npz, ReadOptions.builder().labelColumn("class").build()))
                .isInstanceOf(InputException.class).hasMessage(npz + ": the labels' column is 'y', not 'class'");
    }

    @Test
    void imageShapesMustHaveThreeOrFourAxes() {
        Path vector = npz(file(), "x", uint8Array("(8,)", new byte[8]), "y", int64Array(0, 0));
        assertFails(vector, "x: images must have shape N×H×W, N×H×W×C or N×C×H×W, got (8,)");

        Path empty = npz(dir.resolve("e.npz"), "x", uint8Array("(0, 2, 2)", new byte[0]), "y", int64Array());
        assertFails(empty, "x: holds no images, shape (0, 2, 2)");

        Path cube = npz(dir.resolve("c.npz"), "x", uint8Array("(1, 5, 5, 5)", new byte[125]), "y", int64Array(0));
        assertFails(cube, "x: cannot tell the channel axis of shape (1, 5, 5, 5): expected 1 to 4 channels last"
                + " (N×H×W×C) or second (N×C×H×W)");
    }

    @Test
    void aFileThatIsNoZipIsRefused() throws IOException {
        Path npz = Files.write(file(), "not a zip".getBytes());

        assertThatThrownBy(() -> read(npz)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(npz + ": not a zip archive, as an .npz is (");
    }

    @Test
    void aMemberThatIsNoNpyIsRefused() {
        Path npz = npz(file(), "x", bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), "y", int64Array(0));

        assertFails(npz, "x: not a NumPy .npy array (no \\x93NUMPY magic)");
    }

    @Test
    void deflatedAndStoredArchivesReadAlike() {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("x", uint8Array("(2, 1, 3)", bytes(9, 8, 7, 6, 5, 4)));
        members.put("y", int64Array(1, 1));

        Dataset stored = read(npz(dir.resolve("stored.npz"), false, members));
        Dataset deflated = read(npz(dir.resolve("deflated.npz"), true, members));

        IdxWriterTest.assertSameDataset(deflated, stored);
    }

    @Test
    void version2HeadersAreRead() {
        Path npz = npz(file(), "x", npy(2, dict("|u1", "(1, 1, 2)"), bytes(5, 6)), "y", int64Array(0));

        assertThat(read(npz).pixels()).containsExactly(5, 6);
    }

    @Test
    void aDirectoryWithOneArchiveReadsIt() {
        npz(dir.resolve("out/train.npz"), "x", uint8Array("(1, 1, 1)", bytes(3)), "y", int64Array(0));

        ReadResult result = NpzReader.read(dir.resolve("out"), ReadOptions.DEFAULTS);

        assertThat(result.dataset().pixels()).containsExactly(3);
        assertThat(result.files()).containsExactly(dir.resolve("out/train.npz"));
    }

    @Test
    void aDirectoryWithSeveralArchivesIsAmbiguous() {
        npz(dir.resolve("out/a.npz"), "x", uint8Array("(1, 1, 1)", bytes(3)), "y", int64Array(0));
        npz(dir.resolve("out/b.npz"), "x", uint8Array("(1, 1, 1)", bytes(3)), "y", int64Array(0));

        assertThatThrownBy(() -> read(dir.resolve("out")))
                .hasMessage(dir.resolve("out") + ": directory holds 2 .npz files (a.npz, b.npz); name one of them");
    }
}
