package io.lgc.data;

import static io.lgc.data.IdxFixtures.dataset;
import static io.lgc.data.IdxWriterTest.assertSameDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing train.npz: members, layout, determinism, atomicity. */
class NpzWriterTest {
    @TempDir
    Path dir;

    private static final ImageShape GRAY = new ImageShape(1, 5, 4);
    private static final Dataset DATA = dataset(30, GRAY, 3).withClassNames(List.of("T-shirt/top", "dög", "b"));

    private Path npz() {
        return dir.resolve("train.npz");
    }

    @Test
    void writesXYAndClassNamesThatReadBackIdentical() throws IOException {
        List<Path> written = DatasetWriter.write(OutputFormat.NPZ, DATA, dir);

        assertThat(written).containsExactly(npz());
        try (ZipFile zip = new ZipFile(npz().toFile())) {
            assertThat(Collections.list(zip.entries()).stream().map(ZipEntry::getName))
                    .containsExactly("x.npy", "y.npy", "class_names.npy");
        }
        assertThat(header(member("x.npy"))).contains("'descr': '|u1'", "'shape': (30, 5, 4)");
        assertThat(header(member("y.npy"))).contains("'descr': '<i8'", "'shape': (30,)");
        assertThat(header(member("class_names.npy"))).contains("'descr': '<U11'", "'shape': (3,)");
        assertSameDataset(NpzReader.read(npz(), ReadOptions.DEFAULTS).dataset(), DATA);
    }

    @Test
    void labelsAreLittleEndianInt64() throws IOException {
        DatasetWriter.write(OutputFormat.NPZ, DATA, dir);

        byte[] y = member("y.npy");
        ByteBuffer body = ByteBuffer.wrap(y, y.length - 8 * 30, 8 * 30).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 30; i++) {
            assertThat(body.getLong()).isEqualTo(DATA.labels()[i]);
        }
    }

    @Test
    void colourImagesAreWrittenChannelsLast() throws IOException {
        // one 1x2 image: R plane 1 2, G plane 3 4, B plane 5 6
        Dataset rgb = new Dataset(NpzFixtures.bytes(1, 2, 3, 4, 5, 6), new int[] {0}, List.of("a"),
                new ImageShape(3, 1, 2));

        DatasetWriter.write(OutputFormat.NPZ, rgb, dir);

        byte[] x = member("x.npy");
        assertThat(header(x)).contains("'shape': (1, 1, 2, 3)");
        assertThat(Arrays.copyOfRange(x, x.length - 6, x.length)).isEqualTo(NpzFixtures.bytes(1, 3, 5, 2, 4, 6));
        assertSameDataset(NpzReader.read(npz(), ReadOptions.DEFAULTS).dataset(), rgb);
    }

    @Test
    void withoutClassNamesThereIsNoClassNamesMember() throws IOException {
        try (DatasetWriter out = DatasetWriter.open(OutputFormat.NPZ, dir, GRAY, 2, null)) {
            out.write(new byte[2 * GRAY.size()], new int[] {0, 4});
            out.commit();
        }

        try (ZipFile zip = new ZipFile(npz().toFile())) {
            assertThat(zip.getEntry("class_names.npy")).isNull();
        }
        assertThat(NpzReader.read(npz(), ReadOptions.DEFAULTS).dataset().classNames()).hasSize(5);
    }

    @Test
    void identicalDataGiveIdenticalBytesHoweverBatched() throws IOException {
        Path whole = dir.resolve("whole");
        Path batched = dir.resolve("batched");
        DatasetWriter.write(OutputFormat.NPZ, DATA, whole);

        try (DatasetWriter out = DatasetWriter.open(OutputFormat.NPZ, batched, GRAY, DATA.size(), DATA.classNames())) {
            for (int start = 0; start < DATA.size(); start += 7) {
                Dataset batch = DATA.subset(IntStream.range(start, Math.min(start + 7, DATA.size())).toArray());
                out.write(batch.pixels(), batch.labels());
            }
            out.commit();
        }

        assertThat(batched.resolve("train.npz")).hasSameBinaryContentAs(whole.resolve("train.npz"));
        try (ZipFile zip = new ZipFile(whole.resolve("train.npz").toFile())) {
            assertThat(Collections.list(zip.entries())).as("fixed member dates, not the time of writing")
                    .allMatch(e -> e.getTimeLocal().equals(LocalDateTime.of(1980, 1, 1, 0, 0)));
        }
    }

    @Test
    void closingWithoutCommitLeavesNothingBehind() throws IOException {
        try (DatasetWriter out = DatasetWriter.open(OutputFormat.NPZ, dir, GRAY, DATA.size(), DATA.classNames())) {
            out.write(DATA.pixels(), DATA.labels());
            assertThat(entries()).as("the dataset is built beside the directory").isEmpty();
            assertThat(temporariesBeside()).hasSize(1);
        }

        assertThat(entries()).isEmpty();
        assertThat(temporariesBeside()).isEmpty();
    }

    @Test
    void committingTooFewSamplesFailsAndKeepsThePreviousFile() throws IOException {
        DatasetWriter.write(OutputFormat.NPZ, DATA, dir);
        byte[] before = Files.readAllBytes(npz());

        try (DatasetWriter out = DatasetWriter.open(OutputFormat.NPZ, dir, GRAY, 2, null)) {
            out.write(new byte[GRAY.size()], new int[] {0});
            assertThatThrownBy(out::commit).isInstanceOf(IllegalStateException.class)
                    .hasMessage("wrote 1 of the 2 samples announced; nothing was committed");
        }

        assertThat(entries()).containsExactly("train.npz");
        assertThat(Files.readAllBytes(npz())).isEqualTo(before);
    }

    @Test
    void refusesBatchesThatDoNotFit() throws IOException {
        try (DatasetWriter out = DatasetWriter.open(OutputFormat.NPZ, dir, GRAY, 1, List.of("a", "b"))) {
            assertThatThrownBy(() -> out.write(new byte[GRAY.size()], new int[] {2}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("label 2 outside 0..1");
            assertThatThrownBy(() -> out.write(new byte[2 * GRAY.size()], new int[] {0, 0}))
                    .hasMessage("batch of 2 after 0 samples exceeds the 1 announced");
            assertThatThrownBy(() -> out.write(new byte[3], new int[] {0}))
                    .hasMessage("3 pixel bytes for 1 samples of 1x5x4");
        }
        assertThat(entries()).isEmpty();
    }

    @Test
    void refusesMoreThanFourChannels() {
        assertThatThrownBy(() -> DatasetWriter.open(OutputFormat.NPZ, dir, new ImageShape(5, 2, 2), 1, null))
                .isInstanceOf(InputException.class)
                .hasMessage(dir + ": npz output holds 1 to 4 channels, the data has 5; write idx instead");
    }

    /** The hidden directories named after {@code dir} beside it: where a dataset directory is built. */
    private List<Path> temporariesBeside() throws IOException {
        try (java.util.stream.Stream<Path> siblings = Files.list(dir.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith("." + dir.getFileName() + "."))
                    .toList();
        }
    }

    private byte[] member(String name) throws IOException {
        try (ZipFile zip = new ZipFile(npz().toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    /** The header dict text, found independently of NpyHeader: version 1, length at bytes 8-9. */
    private static String header(byte[] npy) {
        int length = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        assertThat((10 + length) % 64).isZero();
        return new String(npy, 10, length, StandardCharsets.ISO_8859_1);
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
