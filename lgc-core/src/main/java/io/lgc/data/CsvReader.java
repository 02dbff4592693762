package io.lgc.data;

import io.lgc.InputException;
import io.lgc.InputFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a CSV table: a header row naming the columns, then one row per sample with a number in
 * every feature column and a class name in the label column (the last column unless named).
 *
 * <p>Labels are class names, whatever they look like: when every label is an integer ("0", "7",
 * "-1") the classes are ordered by value, otherwise sorted as text. Features are read as float32
 * and must be finite. Every problem is one {@link InputException}
 * {@code FILE: row N, column 'NAME': problem}, N being the line the row starts on (the header is
 * row 1). Column names are stripped of surrounding spaces, and so are cells.
 *
 * <p>A directory is read as its {@code train.csv}, the file {@code lgc reconstruct} writes.
 */
final class CsvReader {
    /** The file {@link CsvWriter} writes into a directory, and the one read from a directory. */
    static final String FILE_NAME = DatasetWriter.NAME + ".csv";

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    /** As many classes as an npz's labels may name: beyond that the label column is surely the wrong one. */
    static final int MAX_CLASSES = NpzReader.MAX_LABEL + 1;

    private CsvReader() {}

    static boolean isCsvName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The file a path names: itself, or {@code train.csv} in a directory. */
    static Path file(Path path) {
        if (Files.isDirectory(path)) {
            Path inside = path.resolve(FILE_NAME);
            if (!Files.isRegularFile(inside)) {
                throw new InputException(path + ": directory holds no " + FILE_NAME);
            }
            return inside;
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(path + ": no such CSV file");
        }
        InputFiles.requireRegularFile(path);
        return path;
    }

    static List<Path> sourceFiles(Path path) {
        return List.of(file(path));
    }

    /** @param labelColumn the label column's name, or null for the last column */
    static ReadResult read(Path path, String labelColumn) {
        Path file = file(path);
        try (CsvRecords records = new CsvRecords(new BufferedReader(
                new InputStreamReader(InputFiles.open(file), StandardCharsets.UTF_8.newDecoder())))) {
            return new ReadResult(parse(file, records, labelColumn), List.of(file));
        } catch (CsvRecords.SyntaxException e) {
            throw new InputException(file + ": row " + e.row + ", column " + (e.cell + 1) + ": " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not valid UTF-8 text, as a CSV file must be", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
    }

    private static Table parse(Path file, CsvRecords records, String labelColumn) throws IOException {
        List<String> header = records.next();
        if (header == null) {
            throw new InputException(file + ": empty file; a CSV table needs a header row naming the columns,"
                    + " then one row per sample");
        }
        TableColumns columns = columns(file, header, labelColumn);
        String label = columns.labelName();
        int width = columns.names().size();
        int f = columns.size();
        float[] values = new float[Math.max(f, 1024)];
        int[] labelIds = new int[1024];
        Map<String, Integer> ids = new LinkedHashMap<>();
        NewClasses classes = new NewClasses();
        int rows = 0;
        for (List<String> cells = records.next(); cells != null; cells = records.next()) {
            int row = records.row();
            if (cells.size() < width) {
                throw at(file, row, columns.names().get(cells.size()), "missing; the row has " + cells.size()
                        + " cell" + (cells.size() == 1 ? "" : "s") + ", the header names " + width + " columns");
            }
            if (cells.size() > width) {
                throw new InputException(file + ": row " + row + ", column " + (width + 1) + ": extra cell; the header"
                        + " names " + width + " columns");
            }
            if ((long) (rows + 1) * f > MAX_VALUES) {
                throw new InputException(file + ": row " + row + ": more values than a table in memory can hold");
            }
            if ((rows + 1) * f > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(MAX_VALUES, 2L * values.length + f));
            }
            if (rows == labelIds.length) {
                labelIds = Arrays.copyOf(labelIds, (int) Math.min(MAX_VALUES, 2L * rows));
            }
            int v = rows * f;
            for (int c = 0; c < width; c++) {
                String cell = cells.get(c).strip();
                if (c == columns.labelIndex()) {
                    labelIds[rows] = ids.computeIfAbsent(checkLabel(file, row, label, cell), name -> {
                        classes.add(file, row, label, name);
                        return ids.size();
                    });
                    if (ids.size() > MAX_CLASSES) {
                        throw at(file, row, label, "more than " + MAX_CLASSES + " different labels; is '" + label
                                + "' the label column?");
                    }
                } else {
                    values[v++] = number(file, row, columns.names().get(c), cell);
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new InputException(file + ": header only, no data rows; a table needs at least one sample");
        }
        List<String> classNames = classOrder(ids.keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            index.put(classNames.get(c), c);
        }
        int[] remap = new int[ids.size()];
        ids.forEach((name, id) -> remap[id] = index.get(name));
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = remap[labelIds[i]];
        }
        return new Table(Arrays.copyOf(values, rows * f), labels, classNames, columns);
    }

    private static TableColumns columns(Path file, List<String> header, String labelColumn) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (name.isEmpty()) {
                throw new InputException(file + ": row 1, column " + (c + 1) + ": the header gives no name"
                        + (c == 0 ? " (an index column? pandas writes one unless saved with index=False)" : ""));
            }
            Integer earlier = seen.putIfAbsent(name, c);
            if (earlier != null) {
                throw at(file, 1, name, "duplicate column name (also column " + (earlier + 1) + ")");
            }
            names.add(name);
        }
        if (names.size() < 2) {
            throw new InputException(file + ": row 1: the header names " + names.size() + " column; a table needs"
                    + " at least one feature column and a label column");
        }
        int labelIndex = names.size() - 1;
        if (labelColumn != null) {
            labelIndex = names.indexOf(labelColumn.strip());
            if (labelIndex < 0) {
                throw new InputException(file + ": row 1: no column '" + labelColumn + "' for the label column;"
                        + " the columns are " + String.join(", ", names));
            }
        }
        return new TableColumns(names, labelIndex);
    }

    private static String checkLabel(Path file, int row, String column, String cell) {
        if (cell.isEmpty()) {
            throw at(file, row, column, "empty label; every row needs a class");
        }
        if (cell.contains("\n") || cell.contains("\r")) {
            throw at(file, row, column, "label spans lines; a class name is one line");
        }
        String problem = ClassNames.problem(cell);
        if (problem != null) {
            throw at(file, row, column, problem);
        }
        return cell;
    }

    /** The labels met so far, by class identity ({@link ClassNames#identity}), with the row of each. */
    private static final class NewClasses {
        private final Map<String, String> byIdentity = new HashMap<>();
        private final Map<String, Integer> firstRow = new HashMap<>();

        /** Takes a label not met before, refusing it when it is an earlier label's class under another form. */
        void add(Path file, int row, String column, String name) {
            String earlier = byIdentity.putIfAbsent(ClassNames.identity(name), name);
            if (earlier != null) {
                throw at(file, row, column, "label " + ClassNames.repeats(name, earlier) + ", first seen in row "
                        + firstRow.get(earlier));
            }
            firstRow.put(name, row);
        }
    }

    private static float number(Path file, int row, String column, String cell) {
        if (cell.isEmpty()) {
            throw at(file, row, column, "empty cell; every feature needs a number");
        }
        if (NOT_FINITE.matcher(cell).matches()) {
            throw at(file, row, column, "'" + cell + "' is not a finite number; features must be finite");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw at(file, row, column, "'" + shorten(cell) + "' is not a number");
        }
        float value = (float) Double.parseDouble(cell);
        if (Float.isInfinite(value)) {
            throw at(file, row, column, "'" + cell + "' is beyond float32's range (about 3.4e38)");
        }
        return value;
    }

    /**
     * Classes in order: by value when every name is an integer (so "10" follows "9"), else as
     * sorted text. Names that differ as text but not as numbers ("1", "01") keep text order.
     */
    static List<String> classOrder(java.util.Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        if (sorted.stream().allMatch(n -> INTEGER.matcher(n).matches())) {
            sorted.sort(Comparator.comparing((String n) -> new BigInteger(n)).thenComparing(Comparator.naturalOrder()));
        } else {
            sorted.sort(Comparator.naturalOrder());
        }
        return List.copyOf(sorted);
    }

    private static InputException at(Path file, int row, String column, String problem) {
        return new InputException(file + ": row " + row + ", column '" + column + "': " + problem);
    }

    private static String shorten(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 37) + "...";
    }
}
