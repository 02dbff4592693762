package io.lgc.data;

import io.lgc.InputException;
import io.lgc.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads CIFAR-10 and CIFAR-100 binary batches: 32x32 RGB images, each record one label byte
 * (CIFAR-10) or a coarse and a fine label byte (CIFAR-100; the fine label is used) followed by
 * 3072 pixel bytes, the red, green and blue planes in turn: already {@link Dataset}'s CHW.
 *
 * <p>The variant comes from the file name ({@code data_batch_N.bin}, {@code test_batch.bin}:
 * CIFAR-10; {@code train.bin}, {@code test.bin}: CIFAR-100), else from the names file beside it
 * ({@code batches.meta.txt} or {@code fine_label_names.txt}), else from the file size when only
 * one record size divides it. A directory stands for its training split: every
 * {@code data_batch_N.bin} in order of N, or {@code train.bin}; for the test split, name
 * {@code test_batch.bin} or {@code test.bin}. A directory holding only the test batch reads that.
 * Class names come from the names file when it is there, else "0", "1", ...
 */
final class CifarReader {
    static final int PIXELS = 3 * 32 * 32;
    static final ImageShape SHAPE = new ImageShape(3, 32, 32);

    private static final Pattern TRAIN_10 = Pattern.compile("data_batch_(\\d+)\\.bin");
    private static final String TEST_10 = "test_batch.bin";
    private static final String TRAIN_100 = "train.bin";
    private static final String TEST_100 = "test.bin";

    private CifarReader() {}

    enum Variant {
        CIFAR_10("CIFAR-10", 1, 10, "batches.meta.txt"),
        CIFAR_100("CIFAR-100", 2, 100, "fine_label_names.txt");

        final String title;
        final int labelBytes;
        final int classes;
        final String namesFile;

        Variant(String title, int labelBytes, int classes, String namesFile) {
            this.title = title;
            this.labelBytes = labelBytes;
            this.classes = classes;
            this.namesFile = namesFile;
        }

        int recordBytes() {
            return labelBytes + PIXELS;
        }
    }

    /** The batches to read, their variant, and the names file when there is one. */
    private record Batches(Variant variant, List<Path> files, Path namesFile) {
        List<Path> all() {
            List<Path> all = new ArrayList<>(files);
            if (namesFile != null) {
                all.add(namesFile);
            }
            return all;
        }
    }

    /** Whether a file name is one of the CIFAR batch names; for format detection. */
    static boolean isBatchName(String name) {
        return variantByName(name) != null;
    }

    static List<Path> sourceFiles(Path path) {
        return batches(path).all();
    }

    static ReadResult read(Path path) {
        Batches batches = batches(path);
        Variant variant = batches.variant;
        long records = 0;
        for (Path file : batches.files) {
            records += recordCount(file, variant);
        }
        if (records * PIXELS > IdxInput.MAX_BODY_BYTES) {
            throw new InputException(path + ": " + records + " CIFAR images are more than the "
                    + IdxInput.MAX_BODY_BYTES + " bytes a dataset can hold");
        }
        byte[] pixels = new byte[(int) records * PIXELS];
        int[] labels = new int[(int) records];
        int at = 0;
        for (Path file : batches.files) {
            at = readBatch(file, variant, pixels, labels, at);
        }
        List<String> names = batches.namesFile == null ? ClassNames.numbered(variant.classes)
                : readNames(batches.namesFile, variant);
        return new ReadResult(new Dataset(pixels, labels, names, SHAPE), batches.all());
    }

    private static Batches batches(Path path) {
        if (Files.isDirectory(path)) {
            return batchesIn(path);
        }
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(path + ": no such CIFAR batch file");
        }
        InputFiles.requireRegularFile(path);
        Variant variant = variantOf(path);
        return new Batches(variant, List.of(path), namesFileBeside(path, variant));
    }

    private static Batches batchesIn(Path dir) {
        List<Path> train10 = new ArrayList<>();
        Path test10 = null;
        Path train100 = null;
        Path test100 = null;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (TRAIN_10.matcher(name).matches()) {
                    train10.add(file);
                } else if (name.equals(TEST_10)) {
                    test10 = file;
                } else if (name.equals(TRAIN_100)) {
                    train100 = file;
                } else if (name.equals(TEST_100)) {
                    test100 = file;
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the directory (" + e + ")", e);
        }
        boolean has10 = !train10.isEmpty() || test10 != null;
        boolean has100 = train100 != null || test100 != null;
        if (has10 && has100) {
            throw new InputException(dir + ": holds both CIFAR-10 batches (data_batch_N.bin, test_batch.bin)"
                    + " and CIFAR-100 ones (train.bin, test.bin); name the batch file to read");
        }
        if (!has10 && !has100) {
            throw new InputException(dir + ": holds no CIFAR batches (data_batch_N.bin, test_batch.bin,"
                    + " train.bin, test.bin)");
        }
        Variant variant = has10 ? Variant.CIFAR_10 : Variant.CIFAR_100;
        List<Path> files;
        if (has10) {
            train10.sort(Comparator.comparingLong(CifarReader::batchNumber));
            files = train10.isEmpty() ? List.of(test10) : train10;
        } else {
            files = List.of(train100 != null ? train100 : test100);
        }
        return new Batches(variant, files, namesFileBeside(files.get(0), variant));
    }

    private static long batchNumber(Path file) {
        Matcher m = TRAIN_10.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        String digits = m.group(1);
        // Numbers too long for a long sort last, rather than failing: order is all that matters.
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static Variant variantByName(String name) {
        if (TRAIN_10.matcher(name).matches() || name.equals(TEST_10)) {
            return Variant.CIFAR_10;
        }
        if (name.equals(TRAIN_100) || name.equals(TEST_100)) {
            return Variant.CIFAR_100;
        }
        return null;
    }

    private static Variant variantOf(Path file) {
        Variant byName = variantByName(file.getFileName().toString());
        if (byName != null) {
            return byName;
        }
        boolean names10 = Files.isRegularFile(file.resolveSibling(Variant.CIFAR_10.namesFile));
        boolean names100 = Files.isRegularFile(file.resolveSibling(Variant.CIFAR_100.namesFile));
        if (names10 != names100) {
            return names10 ? Variant.CIFAR_10 : Variant.CIFAR_100;
        }
        long size = size(file);
        boolean fits10 = size > 0 && size % Variant.CIFAR_10.recordBytes() == 0;
        boolean fits100 = size > 0 && size % Variant.CIFAR_100.recordBytes() == 0;
        if (fits10 != fits100) {
            return fits10 ? Variant.CIFAR_10 : Variant.CIFAR_100;
        }
        throw new InputException(file + ": cannot tell CIFAR-10 from CIFAR-100 by the name or the size ("
                + size + " bytes); use the original names (data_batch_N.bin, test_batch.bin for CIFAR-10;"
                + " train.bin, test.bin for CIFAR-100)");
    }

    private static Path namesFileBeside(Path file, Variant variant) {
        Path names = file.resolveSibling(variant.namesFile);
        return InputFiles.isPresent(names) ? names : null;
    }

    private static long recordCount(Path file, Variant variant) {
        long size = size(file);
        int record = variant.recordBytes();
        if (size == 0) {
            throw new InputException(file + ": empty file, expected " + variant.title + " records of "
                    + record + " bytes");
        }
        if (size % record != 0) {
            throw new InputException(file + ": " + size + " bytes is not a whole number of " + record + "-byte "
                    + variant.title + " records (" + size / record + " records and " + size % record
                    + " bytes over); the file is truncated or not a " + variant.title + " batch");
        }
        return size / record;
    }

    /** Reads one batch into the arrays from sample {@code at}; returns the next free sample. */
    private static int readBatch(Path file, Variant variant, byte[] pixels, int[] labels, int at) {
        long count = recordCount(file, variant);
        byte[] label = new byte[variant.labelBytes];
        try (InputStream in = new java.io.BufferedInputStream(InputFiles.open(file), 1 << 16)) {
            for (long record = 0; record < count; record++, at++) {
                if (in.readNBytes(label, 0, label.length) != label.length
                        || in.readNBytes(pixels, at * PIXELS, PIXELS) != PIXELS) {
                    throw new InputException(file + ": record " + record + ": file ended early (it shrank while"
                            + " being read?)");
                }
                labels[at] = labelOf(file, variant, record, label);
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
        return at;
    }

    private static int labelOf(Path file, Variant variant, long record, byte[] label) {
        if (variant == Variant.CIFAR_100) {
            int coarse = Byte.toUnsignedInt(label[0]);
            if (coarse >= 20) {
                throw new InputException(file + ": record " + record + " (byte " + record * variant.recordBytes()
                        + "): coarse label " + coarse + ", CIFAR-100 has 20 superclasses (0..19)");
            }
        }
        int fine = Byte.toUnsignedInt(label[variant.labelBytes - 1]);
        if (fine >= variant.classes) {
            throw new InputException(file + ": record " + record + " (byte " + record * variant.recordBytes()
                    + "): label " + fine + ", " + variant.title + " has " + variant.classes + " classes (0.."
                    + (variant.classes - 1) + ")");
        }
        return fine;
    }

    /**
     * The names file: one name per line, as {@code classes.txt}, except that the original files end
     * with blank lines, which are dropped. It must name every class of the variant.
     */
    private static List<String> readNames(Path file, Variant variant) {
        List<String> lines;
        try {
            lines = new ArrayList<>(List.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(InputFiles.readAll(file, ClassNames.MAX_FILE_BYTES, "a names file")))
                    .toString().split("\r?\n", -1)));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        List<String> names;
        try {
            names = ClassNames.parse(String.join("\n", lines));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
        if (names.size() != variant.classes) {
            throw new InputException(file + ": " + names.size() + " class names, but " + variant.title + " has "
                    + variant.classes);
        }
        return names;
    }

    private static long size(Path file) {
        return InputFiles.requireRegularFile(file);
    }
}
