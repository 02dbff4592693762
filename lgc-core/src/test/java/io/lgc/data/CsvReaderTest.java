package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CSV tables: the header, the label column, RFC 4180 quoting, and every kind of damage. */
class CsvReaderTest {
    @TempDir
    Path dir;

    private Path csv(String text) {
        return csv("t.csv", text);
    }

    private Path csv(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Table read(Path file, String labelColumn) {
        return (Table) DatasetResolver.system().loadWith(file.toString(),
                ReadOptions.builder().labelColumn(labelColumn).build()).data();
    }

    private static Table read(Path file) {
        return read(file, null);
    }

    private static void assertFails(Path file, String labelColumn, String message) {
        assertThatThrownBy(() -> read(file, labelColumn)).isInstanceOf(InputException.class)
                .hasMessage(file + ": " + message);
    }

    private static void assertFails(Path file, String message) {
        assertFails(file, null, message);
    }

    @Test
    void readsFeaturesAndTheLastColumnAsLabels() {
        Table t = read(csv("a,b,label\n1,2.5,cat\n-3e2,.5,dog\n4.,0,cat\n"));

        assertThat(t.columns().names()).containsExactly("a", "b", "label");
        assertThat(t.columns().labelIndex()).isEqualTo(2);
        assertThat(t.columns().features()).containsExactly("a", "b");
        assertThat(t.values()).containsExactly(1f, 2.5f, -300f, 0.5f, 4f, 0f);
        assertThat(t.classNames()).containsExactly("cat", "dog");
        assertThat(t.labels()).containsExactly(0, 1, 0);
    }

    @Test
    void theLabelColumnCanBeAnywhereAndIsLeftOutOfTheFeatures() {
        Table t = read(csv("x,species,y\n1,b,2\n3,a,4\n"), "species");

        assertThat(t.columns().labelIndex()).isEqualTo(1);
        assertThat(t.columns().features()).containsExactly("x", "y");
        assertThat(t.values()).containsExactly(1f, 2f, 3f, 4f);
        assertThat(t.classNames()).containsExactly("a", "b");
        assertThat(t.labels()).containsExactly(1, 0);
    }

    @Test
    void integerLabelsAreNamesOrderedByValue() {
        Table t = read(csv("x,y\n1,10\n2,2\n3,-1\n4,2\n"));

        assertThat(t.classNames()).containsExactly("-1", "2", "10");
        assertThat(t.labels()).containsExactly(2, 1, 0, 1);
        assertThat(read(csv("b.csv", "x,y\n1,10\n2,9\n3,x\n")).classNames())
                .as("not all integers: sorted as text").containsExactly("10", "9", "x");
    }

    @Test
    void quotedCellsHoldCommasQuotesAndLineBreaks() {
        String text = "\"a, first\",\"say \"\"hi\"\"\",\"class\"\r\n"
                + "\"1.5\",2,\"x, y\"\r\n"
                + "3,4,\"plain\"";
        Table t = read(csv(text));

        assertThat(t.columns().names()).containsExactly("a, first", "say \"hi\"", "class");
        assertThat(t.values()).containsExactly(1.5f, 2f, 3f, 4f);
        assertThat(t.classNames()).containsExactly("plain", "x, y");
    }

    @Test
    void byteOrderMarkSpacesAndBlankLinesAreTolerated() {
        Table t = read(csv("\uFEFFa , b,label\n\n 1 , 2 , yes \n\r\n3,4,no\n\n"));

        assertThat(t.columns().names()).containsExactly("a", "b", "label");
        assertThat(t.values()).containsExactly(1f, 2f, 3f, 4f);
        assertThat(t.classNames()).containsExactly("no", "yes");
    }

    @Test
    void aDirectoryIsReadAsItsTrainCsv() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("train.csv"), "a,label\n1,x\n2,y\n");

        ResolvedDataset r = DatasetResolver.system().loadWith(out.toString(), ReadOptions.DEFAULTS);

        assertThat(r.format()).isEqualTo(InputFormat.CSV);
        assertThat(r.files()).containsExactly(out.resolve("train.csv"));
        assertThat(r.data().size()).isEqualTo(2);
    }

    @Test
    void commandsThatNeedImagesSayTheyGotATable() {
        Path file = csv("a,label\n1,x\n");
        assertThatThrownBy(() -> DatasetResolver.resolve(file.toString(), null)).isInstanceOf(InputException.class)
                .hasMessage(file + ": a table (csv), but this needs images");
    }

    @Test
    void labelColumnAppliesToTablesOnly() throws IOException {
        Path cifar = Files.write(dir.resolve("data_batch_1.bin"), new byte[3073]);
        assertThatThrownBy(() -> read(cifar, "label")).isInstanceOf(InputException.class)
                .hasMessage(cifar + ": read as cifar, to which a label column (CSV and npz tables only) does not"
                        + " apply");
    }

    // ---- damaged input: one message each, naming the file, the row and the column

    @Test
    void missingCell() {
        assertFails(csv("a,b,label\n1,2,x\n3,4\n"), "row 3, column 'label': missing; the row has 2 cells, the header"
                + " names 3 columns");
    }

    @Test
    void extraCell() {
        assertFails(csv("a,b,label\n1,2,x,9\n"), "row 2, column 4: extra cell; the header names 3 columns");
    }

    @Test
    void emptyCell() {
        assertFails(csv("a,b,label\n1,,x\n"), "row 2, column 'b': empty cell; every feature needs a number");
    }

    @Test
    void nonNumericCell() {
        assertFails(csv("a,b,label\n1,2,x\n1,two,x\n"), "row 3, column 'b': 'two' is not a number");
        assertFails(csv("h.csv", "a,b,label\n1,0x10,x\n"), "row 2, column 'b': '0x10' is not a number");
    }

    @Test
    void nanAndInfiniteValues() {
        assertFails(csv("a,b,label\n1,NaN,x\n"), "row 2, column 'b': 'NaN' is not a finite number; features must be"
                + " finite");
        assertFails(csv("i.csv", "a,b,label\n-inf,1,x\n"), "row 2, column 'a': '-inf' is not a finite number;"
                + " features must be finite");
        assertFails(csv("o.csv", "a,b,label\n1e39,1,x\n"), "row 2, column 'a': '1e39' is beyond float32's range"
                + " (about 3.4e38)");
    }

    @Test
    void emptyLabel() {
        assertFails(csv("a,label\n1,\n"), "row 2, column 'label': empty label; every row needs a class");
    }

    @Test
    void emptyFileAndHeaderOnly() {
        assertFails(csv(""), "empty file; a CSV table needs a header row naming the columns, then one row per"
                + " sample");
        assertFails(csv("h.csv", "a,b,label\n"), "header only, no data rows; a table needs at least one sample");
    }

    @Test
    void duplicateColumnNames() {
        assertFails(csv("a,b,a,label\n1,2,3,x\n"), "row 1, column 'a': duplicate column name (also column 1)");
    }

    @Test
    void unnamedColumn() {
        assertFails(csv(",a,label\n0,1,x\n"), "row 1, column 1: the header gives no name (an index column? pandas"
                + " writes one unless saved with index=False)");
    }

    @Test
    void onlyALabelColumn() {
        assertFails(csv("label\nx\n"), "row 1: the header names 1 column; a table needs at least one feature column"
                + " and a label column");
    }

    @Test
    void unknownLabelColumn() {
        assertFails(csv("a,b,label\n1,2,x\n"), "species", "row 1: no column 'species' for the label column; the"
                + " columns are a, b, label");
    }

    @Test
    void brokenQuoting() {
        assertFails(csv("a,label\n1,\"x\n2,y\n"), "row 2, column 2: quoted cell not closed before the end of the"
                + " file");
        assertFails(csv("q.csv", "a,label\n\"1\"2,x\n"), "row 2, column 1: text after the closing quote (a quote"
                + " inside a quoted cell is written twice: \"\")");
    }

    @Test
    void rowsAreNumberedByTheLineTheyStartOn() {
        // the header's quoted name spans lines 1-2, so the good row is line 3 and the bad one line 4
        assertFails(csv("a,\"two\nlines\"\n1,x\n1,2,3\n"), "row 4, column 3: extra cell; the header names 2 columns");
        assertFails(csv("l.csv", "a,label\n\n\n1,\"x\ny\"\n"), "row 4, column 'label': label spans lines; a class"
                + " name is one line");
    }

    @Test
    void notUtf8() throws IOException {
        Path file = Files.write(dir.resolve("latin1.csv"), new byte[] {'a', ',', 'l', '\n', '1', ',', (byte) 0xE9,
                '\n'});
        assertFails(file, "not valid UTF-8 text, as a CSV file must be");
    }

    @Test
    void aClassWithASingleExampleIsReadButCannotBeCompressed() {
        Path file = csv("a,label\n1,x\n2,x\n3,y\n");
        Table t = read(file);
        assertThatThrownBy(() -> t.requireAtLeast(2, file.toString())).isInstanceOf(InputException.class)
                .hasMessage(file + ": every class needs at least 2 samples, but 'y' (label 1) has 1");
    }

    @Test
    void quotingForWritingReadsBack() {
        for (String s : List.of("plain", "a,b", "say \"x\"", " padded ", "two\nlines", "", "\uFEFFbom")) {
            String quoted = CsvRecords.quote(s);
            Path file = csv("q.csv", "a," + CsvRecords.quote("col") + "\n1," + quoted + "\n");
            try (CsvRecords records = new CsvRecords(Files.newBufferedReader(file))) {
                records.next();
                assertThat(records.next()).as(quoted).containsExactly("1", s);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
