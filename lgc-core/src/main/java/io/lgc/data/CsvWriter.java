package io.lgc.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a table as {@code DIR/train.csv}, or as one named {@code .csv} file: the header names the
 * columns in their original order, the label column (class names as values) where it was, and each
 * feature value as the shortest decimal that reads back as the same float32. Cells that need it are
 * quoted as RFC 4180 says; lines end in LF. {@link CsvReader} reads it back with the same classes, so does pandas.
 *
 * <p>Rows stream to a hidden temporary file that is renamed into place on commit.
 */
final class CsvWriter extends AtomicDatasetWriter {
    private final TableColumns columns;
    private final List<String> classNames;
    private final SampleCount samples;
    private final PendingFile file;
    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    private CsvWriter(TableColumns columns, List<String> classNames, SampleCount samples, PendingFile file,
            Writer out) {
        this.columns = columns;
        this.classNames = classNames;
        this.samples = samples;
        this.file = file;
        this.out = out;
    }

    /**
     * Starts writing {@code count} rows as {@code target}, which appears on commit.
     *
     * @param classNames the label column's values by label; null for "0", "1", ... (the labels
     *     themselves)
     */
    static CsvWriter open(Path target, TableColumns columns, int count, List<String> classNames)
            throws IOException {
        SampleCount samples = new SampleCount(columns, count, classNames);
        PendingFile file = PendingFile.plain(target);
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(file.out, StandardCharsets.UTF_8));
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < columns.names().size(); c++) {
                header.append(c == 0 ? "" : ",").append(CsvRecords.quote(columns.names().get(c)));
            }
            out.write(header.append('\n').toString());
            return new CsvWriter(columns, classNames == null ? null : List.copyOf(classNames), samples, file, out);
        } catch (IOException | RuntimeException e) {
            file.discard();
            throw e;
        }
    }

    @Override
    public void write(byte[] pixels, int[] labels) {
        throw new IllegalStateException("a CSV writer holds table rows, not images");
    }

    @Override
    public void writeRows(float[] values, int[] labels) throws IOException {
        requireOpen();
        samples.check(values, labels);
        int f = columns.size();
        int width = columns.names().size();
        try {
            for (int i = 0; i < labels.length; i++) {
                line.setLength(0);
                int v = i * f;
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    if (c == columns.labelIndex()) {
                        line.append(CsvRecords.quote(className(labels[i])));
                    } else {
                        line.append(number(values[v++]));
                    }
                }
                out.write(line.append('\n').toString());
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
        samples.add(labels.length);
    }

    private String className(int label) {
        return classNames == null ? Integer.toString(label) : classNames.get(label);
    }

    /** Float.toString reads back as the same float; its "1.0E-5" form is one every CSV reader takes. */
    private static String number(float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("feature value " + value + " is not finite; a table holds numbers");
        }
        return Float.toString(value);
    }

    @Override
    boolean complete() {
        return samples.complete();
    }

    @Override
    RuntimeException incomplete() {
        return samples.incomplete();
    }

    @Override
    List<Path> publish() throws IOException {
        out.flush();
        file.finish();
        file.moveIntoPlace();
        return List.of(file.target);
    }

    @Override
    void discard() {
        file.discard();
    }
}
