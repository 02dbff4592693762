package io.lgc.data;

import static io.lgc.data.IdxFixtures.dataset;
import static io.lgc.data.IdxWriterTest.assertSameDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing PNG folders: names, round trip, and what may be replaced. */
class PngFolderWriterTest {
    @TempDir
    Path root;

    private Path out() {
        return root.resolve("out");
    }

    /** The dataset in the order a folder gives it back: class by class, in order within each. */
    static Dataset classByClass(Dataset data) {
        int[] order = IntStream.range(0, data.size()).boxed()
                .sorted(Comparator.comparingInt(i -> data.labels()[i]))
                .mapToInt(Integer::intValue).toArray();
        return data.subset(order);
    }

    @Test
    void grayscaleRoundTripsClassByClassWithExactNames() throws IOException {
        Dataset data = dataset(12, new ImageShape(1, 3, 4), 3)
                .withClassNames(List.of("T-shirt/top", "Ankle boot", "T-shirt_top"));

        DatasetWriter.write(OutputFormat.PNG, data, out());

        assertThat(Files.readString(out().resolve("classes.txt"))).isEqualTo("T-shirt/top\nAnkle boot\nT-shirt_top\n");
        assertThat(out().resolve("T-shirt_top/00.png")).exists();
        assertThat(out().resolve("Ankle boot/01.png")).exists();
        assertThat(out().resolve("T-shirt_top_2/11.png")).exists();
        assertSameDataset(ImageFolderReader.read(out(), ReadOptions.DEFAULTS).dataset(), classByClass(data));
    }

    @Test
    void returnsTheFilesWrittenUnderTheDirectoryAsNamed() throws IOException {
        Dataset data = dataset(2, new ImageShape(1, 1, 1), 2).withClassNames(List.of("a", "b"));

        List<Path> written = DatasetWriter.write(OutputFormat.PNG, data, out());

        assertThat(written).containsExactly(out().resolve("a/0.png"), out().resolve("b/1.png"),
                out().resolve("classes.txt"));
        assertThat(written).allMatch(Files::isRegularFile);
    }

    @Test
    void rgbRoundTrips() throws IOException {
        Dataset data = dataset(5, new ImageShape(3, 2, 3), 2);

        DatasetWriter.write(OutputFormat.PNG, data, out());

        assertSameDataset(ImageFolderReader.read(out(), ReadOptions.DEFAULTS).dataset(), classByClass(data));
    }

    @Test
    void everyClassGetsAFolderEvenWithoutSamples() throws IOException {
        Dataset data = new Dataset(new byte[4], new int[] {1}, List.of("none", "one"), new ImageShape(1, 2, 2));

        DatasetWriter.write(OutputFormat.PNG, data, out());

        assertThat(out().resolve("none")).isEmptyDirectory();
        assertThat(ImageFolderReader.read(out(), ReadOptions.DEFAULTS).dataset().classCounts()).containsExactly(0, 1);
    }

    @Test
    void withoutClassNamesClassesAreNumberedInLabelOrder() throws IOException {
        Dataset data = dataset(12, new ImageShape(1, 1, 1), 12);

        try (DatasetWriter writer = DatasetWriter.open(OutputFormat.PNG, out(), data.shape(), 12, null)) {
            writer.write(data.pixels(), data.labels());
            writer.commit();
        }

        // "10" sorts before "2" as a folder name; classes.txt keeps the labels
        Dataset back = ImageFolderReader.read(out(), ReadOptions.DEFAULTS).dataset();
        assertThat(back.classNames()).isEqualTo(ClassNames.numbered(12));
        assertThat(back.labels()).isEqualTo(data.labels());
    }

    @Test
    void refusesChannelCountsPngCannotHold() {
        assertThatThrownBy(() -> DatasetWriter.open(OutputFormat.PNG, out(), new ImageShape(4, 2, 2), 1, null))
                .isInstanceOf(InputException.class)
                .hasMessage(out() + ": PNG output holds grayscale (1 channel) or RGB (3 channels) images, the data has"
                        + " 4 channels; write idx or npz instead");
    }

    @Test
    void refusesADirectoryHoldingSomethingElse() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> DatasetWriter.write(OutputFormat.PNG, dataset(2, new ImageShape(1, 1, 1), 1), out()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(out() + ": exists and holds notes.txt, so it is not lgc's output; refusing to"
                        + " replace it");
        assertThat(out().resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void fillsAnEmptyDirectoryAndReplacesAnEarlierOutput() throws IOException {
        Files.createDirectories(out());
        DatasetWriter.write(OutputFormat.PNG, dataset(4, new ImageShape(1, 1, 1), 2).withClassNames(List.of("a", "b")),
                out());

        Dataset second = dataset(3, new ImageShape(1, 2, 2), 1).withClassNames(List.of("c"));
        DatasetWriter.write(OutputFormat.PNG, second, out());

        assertThat(names(out())).containsExactlyInAnyOrder("classes.txt", "c");
        assertSameDataset(ImageFolderReader.read(out(), ReadOptions.DEFAULTS).dataset(), second);
        assertThat(names(root)).containsExactly("out");
    }

    @Test
    void closingWithoutCommitLeavesNothingBehind() throws IOException {
        Dataset data = dataset(3, new ImageShape(1, 1, 1), 1);
        try (DatasetWriter writer = DatasetWriter.open(OutputFormat.PNG, out(), data.shape(), 3, data.classNames())) {
            writer.write(data.pixels(), data.labels());
            assertThat(names(root)).singleElement().asString().startsWith(".out.").endsWith(".tmp");
        }

        assertThat(names(root)).isEmpty();
    }

    @Test
    void committingTooFewSamplesFailsAndLeavesNothingBehind() throws IOException {
        try (DatasetWriter writer = DatasetWriter.open(OutputFormat.PNG, out(), new ImageShape(1, 1, 1), 2, null)) {
            writer.write(new byte[1], new int[] {0});
            assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
        }

        assertThat(names(root)).isEmpty();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }
}
