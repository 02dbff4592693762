package io.lgc.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of cells as RFC 4180 has it: cells separated by commas, records
 * by LF, CR LF or CR; a cell in double quotes may hold commas, line breaks and quotes (written
 * twice). Beyond the RFC, as Python's csv module and pandas do: a quote inside an unquoted cell
 * is an ordinary character, and empty lines are skipped.
 *
 * <p>Rows are numbered by the line their record starts on, the first line being row 1, so that an
 * editor's line number finds them (a quoted line break makes a record span several lines).
 */
final class CsvRecords implements Closeable {
    /** Longest cell accepted: far beyond any number or class name; more is a broken quote. */
    static final int MAX_CELL_CHARS = 1 << 20;

    /** A syntax error at a cell (0-based) of the record starting on {@code row}. */
    static final class SyntaxException extends RuntimeException {
        final int row;
        final int cell;

        SyntaxException(int row, int cell, String problem) {
            super(problem);
            this.row = row;
            this.cell = cell;
        }
    }

    private final Reader in;
    private int line = 1;
    private int recordRow;
    private int peeked = -2;
    private boolean first = true;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The row the record last returned by {@link #next()} starts on. */
    int row() {
        return recordRow;
    }

    /** The next record's cells, or null at the end of the text. */
    List<String> next() throws IOException {
        if (first) {
            first = false;
            if (peek() == '\uFEFF') {
                read(); // a byte order mark some editors write
            }
        }
        while (true) {
            int c = peek();
            if (c == -1) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(); // an empty line: skipped, but counted
                continue;
            }
            break;
        }
        recordRow = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        while (true) {
            cell.setLength(0);
            boolean more = peek() == '"' ? quotedCell(cell, cells.size()) : plainCell(cell, cells.size());
            cells.add(cell.toString());
            if (!more) {
                return cells;
            }
        }
    }

    /** Reads an unquoted cell; true if a comma followed it (another cell comes). */
    private boolean plainCell(StringBuilder cell, int index) throws IOException {
        while (true) {
            int c = peek();
            if (c == ',') {
                read();
                return true;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                endOfLine();
                return false;
            }
            append(cell, (char) read(), index);
        }
    }

    /** Reads a quoted cell; true if a comma followed it. */
    private boolean quotedCell(StringBuilder cell, int index) throws IOException {
        read(); // the opening quote
        while (true) {
            int c = read();
            if (c == -1) {
                throw new SyntaxException(recordRow, index, "quoted cell not closed before the end of the file");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    append(cell, '"', index);
                    continue;
                }
                int after = peek();
                if (after == ',') {
                    read();
                    return true;
                }
                if (after == -1 || after == '\n' || after == '\r') {
                    endOfLine();
                    return false;
                }
                throw new SyntaxException(recordRow, index, "text after the closing quote (a quote inside a"
                        + " quoted cell is written twice: \"\")");
            }
            if (c == '\n' || c == '\r' && peek() != '\n') {
                line++;
            }
            append(cell, (char) c, index);
        }
    }

    private void append(StringBuilder cell, char c, int index) {
        if (cell.length() >= MAX_CELL_CHARS) {
            throw new SyntaxException(recordRow, index, "cell longer than " + MAX_CELL_CHARS
                    + " characters (an unbalanced quote?)");
        }
        cell.append(c);
    }

    /** Consumes LF, CR LF, CR or the end of the text. */
    private void endOfLine() throws IOException {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            read();
        }
        if (c != -1) {
            line++;
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        return c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A cell as it must be written to read back as {@code text}: quoted when it holds , " CR LF or edge spaces. */
    static String quote(String text) {
        boolean plain = !text.isEmpty() && text.equals(text.strip()) && text.chars().noneMatch(
                c -> c == ',' || c == '"' || c == '\n' || c == '\r') && text.charAt(0) != '\uFEFF';
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
