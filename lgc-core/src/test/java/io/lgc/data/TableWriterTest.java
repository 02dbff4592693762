package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tables written as csv and npz, streamed and atomically, read back as they were. */
class TableWriterTest {
    /** Label in the middle, names that need quoting, class names with a comma and a quote. */
    static final TableColumns COLUMNS = new TableColumns(List.of("a", "kind of \"thing\"", "b, in m", "c"), 1);
    static final List<String> CLASSES = List.of("big, round", "small", "z\"q");

    @TempDir
    Path dir;

    /** Values of every magnitude, including ones whose shortest decimal has an exponent. */
    static Table table(int rows, long seed) {
        Random r = new Random(seed);
        float[] values = new float[rows * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(21) - 10));
        }
        values[0] = 0f;
        values[1] = -0f;
        values[2] = Float.MAX_VALUE;
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % CLASSES.size();
        }
        return new Table(values, labels, CLASSES, COLUMNS);
    }

    private LabelledData readBack(Path out) {
        return DatasetResolver.system().loadWith(out.toString(), ReadOptions.builder().build()).data();
    }

    @Test
    void csvKeepsColumnsInPlaceClassNamesAsLabelsAndEveryFloatExactly() throws IOException {
        Table t = table(30, 1);
        Path out = dir.resolve("out");

        List<Path> files = DatasetWriter.write(OutputFormat.CSV, t, out);

        assertThat(files).containsExactly(out.resolve("train.csv"));
        String text = Files.readString(out.resolve("train.csv"));
        assertThat(text).startsWith("a,\"kind of \"\"thing\"\"\",\"b, in m\",c\n");
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("0.0,\"big, round\",-0.0,");
        Table back = (Table) DatasetResolver.system().loadWith(out.toString(),
                ReadOptions.builder().labelColumn("kind of \"thing\"").build()).data();
        assertThat(back.columns()).isEqualTo(COLUMNS);
        assertThat(back.classNames()).isEqualTo(CLASSES);
        assertThat(back.labels()).isEqualTo(t.labels());
        assertThat(back.values()).isEqualTo(t.values()); // bit for bit, -0.0 included
    }

    @Test
    void npzHoldsFloat32RowsAndTheFeatureNames() throws IOException {
        Table t = table(12, 2);
        Path out = dir.resolve("out");

        DatasetWriter.write(OutputFormat.NPZ, t, out);

        Table back = (Table) readBack(out);
        assertThat(back.values()).isEqualTo(t.values());
        assertThat(back.labels()).isEqualTo(t.labels());
        assertThat(back.classNames()).isEqualTo(CLASSES);
        assertThat(back.columns().features()).isEqualTo(COLUMNS.features());
        assertThat(back.columns().labelName()).as("the label column's name, last").isEqualTo("kind of \"thing\"");
        ReadOptions other = ReadOptions.builder().labelColumn("species").build();
        assertThatThrownBy(() -> DatasetResolver.system().loadWith(out.toString(), other))
                .isInstanceOf(InputException.class)
                .hasMessage(out.resolve("train.npz") + ": the labels' column is 'kind of \"thing\"', not 'species'");
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"CSV", "NPZ"})
    void batchesGiveTheSameBytesAsOneWrite(OutputFormat format) throws IOException {
        Table t = table(25, 3);
        DatasetWriter.write(format, t, dir.resolve("whole"));
        Path batched = dir.resolve("batched");
        try (DatasetWriter out = DatasetWriter.open(format, batched, COLUMNS, t.size(), CLASSES)) {
            for (int from = 0; from < t.size(); from += 7) {
                int to = Math.min(t.size(), from + 7);
                out.write(t.subset(java.util.stream.IntStream.range(from, to).toArray()));
            }
            out.commit();
        }
        String name = format == OutputFormat.CSV ? "train.csv" : "train.npz";
        assertThat(Files.readAllBytes(batched.resolve(name))).isEqualTo(Files.readAllBytes(dir.resolve("whole")
                .resolve(name)));
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"CSV", "NPZ"})
    void nothingAppearsUntilCommitAndAnIncompleteWriteLeavesNothing(OutputFormat format) throws IOException {
        Table t = table(6, 4);
        Path out = dir.resolve("out");
        try (DatasetWriter writer = DatasetWriter.open(format, out, COLUMNS, 10, CLASSES)) {
            writer.write(t);
            assertThat(out).as("the directory appears whole, on commit").doesNotExist();
            assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class)
                    .hasMessage("wrote 6 of the 10 samples announced; nothing was committed");
        }
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("no temporary left behind").isEmpty();
        }
    }

    @Test
    void aBatchOfTheWrongKindOrSizeIsRefusedBeforeWriting() throws IOException {
        try (DatasetWriter writer = DatasetWriter.open(OutputFormat.CSV, dir.resolve("out"), COLUMNS, 2, CLASSES)) {
            assertThatThrownBy(() -> writer.write(new byte[3], new int[] {0})).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> writer.writeRows(new float[4], new int[] {0, 1}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("4 values for 2 samples of " + COLUMNS);
            assertThatThrownBy(() -> writer.writeRows(new float[3], new int[] {3}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("label 3 outside 0..2");
        }
    }

    @Test
    void formatsRefuseTheOtherKind() {
        Path out = dir.resolve("out");
        for (OutputFormat images : List.of(OutputFormat.IDX, OutputFormat.PNG)) {
            assertThatThrownBy(() -> DatasetWriter.open(images, out, COLUMNS, 1, CLASSES))
                    .isInstanceOf(InputException.class)
                    .hasMessage(out + ": " + images.id() + " output holds images, but the data is a table; write csv"
                            + " or npz");
        }
        assertThatThrownBy(() -> DatasetWriter.open(OutputFormat.CSV, out, new ImageShape(1, 2, 2), 1, null))
                .isInstanceOf(InputException.class)
                .hasMessage(out + ": csv output holds tables, but the data is images; write idx, npz or png");
        assertThat(out).doesNotExist();
    }

    @Test
    void numberedClassesAreWrittenAsTheirLabels() throws IOException {
        Table t = new Table(new float[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1}, CLASSES.subList(0, 2), COLUMNS);
        Path out = dir.resolve("out");
        try (DatasetWriter writer = DatasetWriter.open(OutputFormat.CSV, out, COLUMNS, 2, null)) {
            writer.write(t);
            writer.commit();
        }
        assertThat(Files.readAllLines(out.resolve("train.csv"))).containsExactly(
                "a,\"kind of \"\"thing\"\"\",\"b, in m\",c", "1.0,0,2.0,3.0", "4.0,1,5.0,6.0");
    }

    private static List<Path> visible(Path out) throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
