package io.lgc.data;

import static io.lgc.data.IdxFixtures.dataset;
import static io.lgc.data.IdxWriterTest.assertSameDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.output.OutputTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output named {@code *.npz} or {@code *.csv} is that one file: the same bytes a directory output
 * holds as {@code train.npz} or {@code train.csv}, published by a rename, replaced only when asked.
 */
class OneFileOutputTest {
    private static final Dataset GRAY = dataset(9, new ImageShape(1, 4, 3), 3)
            .withClassNames(List.of("T-shirt/top", "Sandal", "Bag"));

    @TempDir
    Path dir;

    @Test
    void aNameEndingInNpzOrCsvIsThatFormatInAnyCaseAndAnyOtherNameIsADirectory() {
        assertThat(OutputFormat.ofFileName(Path.of("out/recon.npz"))).contains(OutputFormat.NPZ);
        assertThat(OutputFormat.ofFileName(Path.of("Recon.NPZ"))).contains(OutputFormat.NPZ);
        assertThat(OutputFormat.ofFileName(Path.of("rows.csv"))).contains(OutputFormat.CSV);
        assertThat(OutputFormat.ofFileName(Path.of("recon"))).isEmpty();
        assertThat(OutputFormat.ofFileName(Path.of("recon.npz.d"))).isEmpty();
        assertThat(OutputFormat.ofFileName(Path.of(".npz"))).as("a hidden name, not an extension").isEmpty();
        assertThat(OutputFormat.ofFileName(Path.of("/"))).isEmpty();
        assertThat(Stream.of(OutputFormat.values()).filter(OutputFormat::isOneFile))
                .containsExactly(OutputFormat.NPZ, OutputFormat.CSV);
    }

    @Test
    void imagesAsOneNpzFileAreTheBytesADirectoryHoldsAndReadBack() throws IOException {
        Path file = dir.resolve("recon.npz");
        Path folder = dir.resolve("folder");

        List<Path> written = DatasetWriter.write(OutputFormat.NPZ, GRAY, OutputTarget.file(file, false));
        DatasetWriter.write(OutputFormat.NPZ, GRAY, folder);

        assertThat(written).containsExactly(file);
        assertThat(file).isRegularFile().hasSameBinaryContentAs(folder.resolve("train.npz"));
        assertSameDataset((Dataset) DatasetResolver.system().loadWith(file.toString(), ReadOptions.DEFAULTS).data(),
                GRAY);
        assertThat(entries()).containsExactlyInAnyOrder("recon.npz", "folder");
    }

    @Test
    void aTableAsOneCsvFileIsTheBytesADirectoryHolds() throws IOException {
        Table table = TableWriterTest.table(12, 3);
        Path file = dir.resolve("rows.csv");
        Path folder = dir.resolve("folder");

        DatasetWriter.write(OutputFormat.CSV, table, OutputTarget.file(file, false));
        DatasetWriter.write(OutputFormat.CSV, table, folder);

        assertThat(file).isRegularFile().hasSameBinaryContentAs(folder.resolve("train.csv"));
    }

    @Test
    void nothingAppearsUntilCommitAndAnAbandonedFileLeavesNothing() throws IOException {
        Path file = dir.resolve("recon.npz");
        try (DatasetWriter out = DatasetWriter.open(OutputFormat.NPZ, OutputTarget.file(file, false), GRAY.shape(),
                GRAY.size(), GRAY.classNames())) {
            out.write(GRAY.pixels(), GRAY.labels());
            assertThat(file).doesNotExist();
            assertThat(entries()).hasSize(1).allMatch(name -> name.startsWith("."));
        }

        assertThat(entries()).isEmpty();
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws IOException {
        Path file = dir.resolve("recon.npz");
        Files.writeString(file, "someone's file");

        assertThatThrownBy(() -> DatasetWriter.write(OutputFormat.NPZ, GRAY, OutputTarget.file(file, false)))
                .isInstanceOf(InputException.class).hasMessageContaining(file + ": exists")
                .hasMessageContaining("force to replace it");
        assertThat(file).hasContent("someone's file");

        DatasetWriter.write(OutputFormat.NPZ, GRAY, OutputTarget.file(file, true));

        assertSameDataset((Dataset) DatasetResolver.system().loadWith(file.toString(), ReadOptions.DEFAULTS).data(),
                GRAY);
        assertThat(entries()).containsExactly("recon.npz");
    }

    @Test
    void aDirectoryWhereTheFileShouldGoIsRefusedAndKept() throws IOException {
        Path file = Files.createDirectories(dir.resolve("recon.npz"));
        Files.writeString(file.resolve("kept.txt"), "mine");

        assertThatThrownBy(() -> DatasetWriter.write(OutputFormat.NPZ, GRAY, OutputTarget.file(file, true)))
                .isInstanceOf(InputException.class).hasMessageContaining("is a directory");
        assertThat(file.resolve("kept.txt")).hasContent("mine");
    }

    @Test
    void formatsWrittenAsDirectoriesAreNotOneFile() throws IOException {
        Path file = dir.resolve("recon.png");

        assertThatThrownBy(() -> DatasetWriter.write(OutputFormat.PNG, GRAY, OutputTarget.file(file, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("png output is a directory");
        assertThat(entries()).isEmpty();
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
