package io.lgc.data;

import static io.lgc.data.IdxFixtures.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing datasets as gzip'd IDX files: round trip, determinism, atomicity. */
class IdxWriterTest {
    @TempDir
    Path dir;

    private static final ImageShape SHAPE = new ImageShape(1, 5, 4);
    private static final Dataset DATA = dataset(30, SHAPE, 3).withClassNames(List.of("cat", "dog", "bird"));

    @Test
    void writesTheStandardFileNamesAndReadsBackIdentical() throws IOException {
        List<Path> written = IdxWriter.write(DATA, dir, "train");

        assertThat(written).containsExactly(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"), dir.resolve("classes.txt"));
        Dataset back = IdxReader.read(dir.resolve("train-images-idx3-ubyte.gz"));
        assertSameDataset(back, DATA);
    }

    @Test
    void imagesWithChannelsRoundTripAsIdx4() throws IOException {
        Dataset rgb = dataset(7, new ImageShape(3, 2, 5), 2);

        IdxWriter.write(rgb, dir, "rgb");

        assertSameDataset(IdxReader.read(dir.resolve("rgb-images-idx4-ubyte.gz")), rgb);
    }

    @Test
    void writesGzip() throws IOException {
        IdxWriter.write(DATA, dir, "train");

        byte[] images = Files.readAllBytes(dir.resolve("train-images-idx3-ubyte.gz"));
        assertThat(images[0] & 0xFF).isEqualTo(0x1f);
        assertThat(images[1] & 0xFF).isEqualTo(0x8b);
    }

    @Test
    void identicalDatasetsGiveIdenticalBytes() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        IdxWriter.write(DATA, first, "train");
        IdxWriter.write(dataset(30, SHAPE, 3).withClassNames(List.of("cat", "dog", "bird")), second, "train");

        for (String name : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "classes.txt")) {
            assertThat(first.resolve(name)).hasSameBinaryContentAs(second.resolve(name));
        }
        byte[] gzipHeader = Files.readAllBytes(first.resolve("train-images-idx3-ubyte.gz"));
        assertThat(Arrays.copyOfRange(gzipHeader, 4, 8)).as("gzip modification time").containsOnly(0);
    }

    @Test
    void batchingDoesNotChangeTheBytes() throws IOException {
        Path whole = dir.resolve("whole");
        Path batched = dir.resolve("batched");
        IdxWriter.write(DATA, whole, "train");

        try (IdxWriter out = IdxWriter.open(batched, "train", SHAPE, DATA.size(), DATA.classNames())) {
            for (int start = 0; start < DATA.size(); start += 7) {
                Dataset batch = DATA.subset(java.util.stream.IntStream
                        .range(start, Math.min(start + 7, DATA.size())).toArray());
                out.write(batch.pixels(), batch.labels());
            }
            out.commit();
        }

        assertThat(batched.resolve("train-images-idx3-ubyte.gz"))
                .hasSameBinaryContentAs(whole.resolve("train-images-idx3-ubyte.gz"));
        assertThat(batched.resolve("train-labels-idx1-ubyte.gz"))
                .hasSameBinaryContentAs(whole.resolve("train-labels-idx1-ubyte.gz"));
    }

    @Test
    void closingWithoutCommitLeavesNothingBehind() throws IOException {
        try (IdxWriter out = IdxWriter.open(dir, "train", SHAPE, DATA.size(), DATA.classNames())) {
            out.write(DATA.pixels(), DATA.labels());
            assertThat(entries()).as("temporaries while writing").isNotEmpty()
                    .allMatch(name -> name.startsWith(".") && name.endsWith(".tmp"));
        }

        assertThat(entries()).isEmpty();
    }

    @Test
    void committingFewerSamplesThanAnnouncedFailsAndLeavesNothingBehind() throws IOException {
        try (IdxWriter out = IdxWriter.open(dir, "train", SHAPE, DATA.size() + 1, DATA.classNames())) {
            out.write(DATA.pixels(), DATA.labels());

            assertThatThrownBy(out::commit)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("wrote 30 of the 31 samples announced; nothing was committed");
        }

        assertThat(entries()).isEmpty();
    }

    @Test
    void anAbortedRewriteKeepsThePreviousFilesIntact() throws IOException {
        IdxWriter.write(DATA, dir, "train");
        byte[] before = Files.readAllBytes(dir.resolve("train-images-idx3-ubyte.gz"));

        try (IdxWriter out = IdxWriter.open(dir, "train", SHAPE, 2, null)) {
            out.write(new byte[SHAPE.size()], new int[] {0});
        } // aborted: only one of two samples

        assertThat(entries()).containsExactlyInAnyOrder("train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz", "classes.txt");
        assertThat(Files.readAllBytes(dir.resolve("train-images-idx3-ubyte.gz"))).isEqualTo(before);
    }

    @Test
    void aCommitReplacesPreviousFiles() throws IOException {
        IdxWriter.write(DATA, dir, "train");
        Dataset smaller = dataset(4, SHAPE, 2);

        IdxWriter.write(smaller, dir, "train");

        assertSameDataset(IdxReader.read(dir.resolve("train-images-idx3-ubyte.gz")), smaller);
        assertThat(entries()).hasSize(3);
    }

    @Test
    void refusesMoreSamplesThanAnnounced() throws IOException {
        try (IdxWriter out = IdxWriter.open(dir, "train", SHAPE, 1)) {
            assertThatThrownBy(() -> out.write(new byte[2 * SHAPE.size()], new int[] {0, 0}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("batch of 2 after 0 samples exceeds the 1 announced");
        }
    }

    @Test
    void refusesPixelsThatDoNotMatchTheLabels() throws IOException {
        try (IdxWriter out = IdxWriter.open(dir, "train", SHAPE, 2)) {
            assertThatThrownBy(() -> out.write(new byte[SHAPE.size() + 1], new int[] {0}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void labelsMustFitAByteAndTheClassNames() throws IOException {
        try (IdxWriter out = IdxWriter.open(dir, "train", SHAPE, 1)) {
            assertThatThrownBy(() -> out.write(new byte[SHAPE.size()], new int[] {256}))
                    .hasMessage("label 256 outside 0..255");
        }
        try (IdxWriter out = IdxWriter.open(dir, "train", SHAPE, 1, List.of("a", "b"))) {
            assertThatThrownBy(() -> out.write(new byte[SHAPE.size()], new int[] {2}))
                    .hasMessage("label 2 outside 0..1");
        }
        assertThat(entries()).isEmpty();
    }

    @Test
    void writingAfterCommitIsAnError() throws IOException {
        try (IdxWriter out = IdxWriter.open(dir, "train", SHAPE, 1)) {
            out.write(new byte[SHAPE.size()], new int[] {0});
            out.commit();
            assertThatThrownBy(() -> out.write(new byte[SHAPE.size()], new int[] {0}))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(entries()).containsExactlyInAnyOrder("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
    }

    @Test
    void createsTheOutputDirectory() throws IOException {
        Path nested = dir.resolve("a/b");

        IdxWriter.write(DATA, nested, "t10k");

        assertThat(nested.resolve("t10k-images-idx3-ubyte.gz")).exists();
    }

    @Test
    void refusesPrefixesThatAreNotPlainNames() {
        for (String prefix : List.of("", "../x", "a/b", ".hidden")) {
            assertThatThrownBy(() -> IdxWriter.open(dir, prefix, SHAPE, 1))
                    .as(prefix).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    static void assertSameDataset(Dataset actual, Dataset expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(actual.pixels()).isEqualTo(expected.pixels());
        assertThat(actual.labels()).isEqualTo(expected.labels());
        assertThat(actual.classNames()).isEqualTo(expected.classNames());
    }
}
