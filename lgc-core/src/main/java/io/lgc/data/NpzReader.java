package io.lgc.data;

import io.lgc.InputException;
import io.lgc.InputFiles;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a NumPy {@code .npz} archive (as {@code np.savez} or {@code np.savez_compressed} write
 * it) holding images and labels, with a parser of its own for the {@code .npy} members.
 *
 * <ul>
 *   <li>Images, key {@code x} unless told otherwise: shape N×H×W (one channel), N×H×W×C when the
 *       last axis is 1 to 4, else N×C×H×W when the second axis is 1 to 4 (so channels-last wins
 *       when both could be channels). dtype uint8 as is; any other integer dtype when every value
 *       lies in 0..255; float32 or float64 scaled by 255 when every value lies in [0, 1], else
 *       taken as is when every value lies in [0, 255], rounded to the nearest integer. NaN,
 *       infinities and values outside those ranges are errors naming the element.
 *   <li>Labels, key {@code y}: any integer dtype, shape N or N×1, values 0..{@value #MAX_LABEL}.
 *   <li>Class names, key {@value #CLASS_NAMES_KEY}, optional: a 1-D array of str ({@code <U})
 *       or bytes ({@code |S}, UTF-8); else "0", "1", ... up to the largest label.
 *   <li>A table instead of images: {@code x} of shape N×F (two axes), any integer or float dtype,
 *       read as float32 (every value finite and within float32's range). Its feature columns are
 *       named by the strings of key {@value #FEATURE_NAMES_KEY}, else "0", "1", ...; the label
 *       column comes last, named by the one string of key {@value #LABEL_NAME_KEY}, else after the
 *       labels' key. A label column asked for by name must have that name.
 * </ul>
 * Little- and big-endian data are both read; Fortran-order, object and structured arrays are
 * refused with a message saying how to save them instead.
 */
final class NpzReader {
    static final String CLASS_NAMES_KEY = "class_names";
    static final String FEATURE_NAMES_KEY = "feature_names";
    static final String LABEL_NAME_KEY = "label_name";
    /** Largest label accepted: far beyond any class count, small enough to name every class. */
    static final int MAX_LABEL = 65_535;
    /** Deflate expands data at most about 1032:1; a larger claim is a forged size. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private NpzReader() {}

    static boolean isNpzName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".npz");
    }

    /** The archive a path names: the file itself, or the one {@code .npz} in a directory. */
    static Path archive(Path path) {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(path + ": no such .npz file");
            }
            InputFiles.requireRegularFile(path);
            return path;
        }
        List<Path> archives;
        try (Stream<Path> entries = Files.list(path)) {
            archives = entries.filter(p -> isNpzName(p.getFileName().toString()) && !p.getFileName().toString()
                    .startsWith(".") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new InputException(path + ": cannot list the directory (" + e + ")", e);
        }
        if (archives.size() != 1) {
            throw new InputException(path + ": directory holds " + (archives.isEmpty() ? "no .npz file"
                    : archives.size() + " .npz files (" + archives.stream().map(p -> p.getFileName().toString())
                            .collect(Collectors.joining(", ")) + "); name one of them"));
        }
        return archives.get(0);
    }

    static List<Path> sourceFiles(Path path) {
        return List.of(archive(path));
    }

    static ReadResult read(Path path, ReadOptions options) {
        Path file = archive(path);
        try (ZipFile zip = open(file)) {
            Member y = member(zip, file, options.yKey());
            int[] labels = readLabels(y);
            Member x = member(zip, file, options.xKey());
            List<String> classNames = classNames(zip, file, labels);
            boolean table = x.header.shape().length == 2;
            if (!table && options.labelColumn() != null) {
                throw new InputException(file + ": holds images; a label column applies to tables");
            }
            LabelledData data = table ? readTable(zip, x, labels, y.key(), classNames, options.labelColumn())
                    : readImages(x, labels, y.key(), classNames);
            return new ReadResult(data, List.of(file));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
    }

    private static ZipFile open(Path file) {
        InputFiles.requireRegularFile(file);
        try {
            ZipFile zip = new ZipFile(file.toFile());
            try {
                requireUniqueNames(zip, file);
            } catch (RuntimeException e) {
                zip.close();
                throw e;
            }
            return zip;
        } catch (ZipException e) {
            throw new InputException(file + ": not a zip archive, as an .npz is (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
    }

    /**
     * Two members of one name make the archive ambiguous: readers disagree on which one counts
     * (the first, the last), so what LGC reads might not be what NumPy loads.
     */
    private static void requireUniqueNames(ZipFile zip, Path file) {
        Set<String> names = new HashSet<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!names.add(entry.getName())) {
                throw new InputException(file + ": holds two members named '" + entry.getName()
                        + "'; an archive with repeated names is ambiguous (write it again with np.savez)");
            }
        }
    }

    /** One {@code .npy} member of the archive, its header read. */
    private record Member(Path file, ZipFile zip, ZipEntry entry, String key, NpyHeader header) {
        InputException problem(String what) {
            return new InputException(file + ": " + key + ": " + what);
        }

        /** A stream positioned at the first element. */
        InputStream openBody() throws IOException {
            InputStream in = zip.getInputStream(entry);
            in.skipNBytes(header.bytes());
            return in;
        }

        /** The element at a flat index, as NumPy writes it: x[3, 27, 1]. */
        String element(long index) {
            long[] shape = header.shape();
            long[] position = new long[shape.length];
            for (int axis = shape.length - 1; axis >= 0; axis--) {
                position[axis] = index % shape[axis];
                index /= shape[axis];
            }
            StringBuilder s = new StringBuilder(key).append('[');
            for (int axis = 0; axis < position.length; axis++) {
                s.append(axis == 0 ? "" : ", ").append(position[axis]);
            }
            return s.append(']').toString();
        }
    }

    private static Member member(ZipFile zip, Path file, String key) {
        ZipEntry entry = zip.getEntry(key + ".npy");
        if (entry == null) {
            entry = zip.getEntry(key);
        }
        if (entry == null || entry.isDirectory()) {
            List<String> keys = Collections.list(zip.entries()).stream().map(ZipEntry::getName)
                    .map(name -> name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name).toList();
            throw new InputException(file + ": holds no array '" + key + "' (it holds "
                    + (keys.isEmpty() ? "nothing" : String.join(", ", keys)) + "); choose the arrays by key");
        }
        NpyHeader header;
        try (InputStream in = zip.getInputStream(entry)) {
            header = NpyHeader.read(in);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + key + ": " + e.getMessage());
        } catch (IOException e) {
            throw new InputException(file + ": " + key + ": cannot read (" + e + ")", e);
        }
        Member member = new Member(file, zip, entry, key, header);
        requireDeclaredSize(member);
        return member;
    }

    /** The data the header declares must be what the archive holds, checked before allocating it. */
    private static void requireDeclaredSize(Member m) {
        long count = m.header.elementCount();
        long dataBytes = count < 0 || count > Long.MAX_VALUE / m.header.dtype().itemSize() ? -1
                : count * m.header.dtype().itemSize();
        long size = m.entry.getSize();
        String declared = "shape " + m.header.shapeText() + " of " + m.header.dtype().describe();
        if (dataBytes < 0) {
            throw m.problem(declared + " is too large");
        }
        if (size >= 0 && size != m.header.bytes() + dataBytes) {
            throw m.problem(declared + " needs " + dataBytes + " bytes of data, but the archive member holds "
                    + (size - m.header.bytes()) + (size < m.header.bytes() + dataBytes ? " (truncated)" : ""));
        }
        long stored = m.entry.getCompressedSize();
        if (stored >= 0 && m.entry.getMethod() == ZipEntry.DEFLATED && dataBytes > stored * MAX_DEFLATE_RATIO) {
            throw m.problem(declared + " needs " + dataBytes + " bytes, more than " + stored
                    + " compressed bytes can hold");
        }
    }

    private static int[] readLabels(Member y) {
        long[] shape = y.header.shape();
        if (!(shape.length == 1 || shape.length == 2 && shape[1] == 1)) {
            throw y.problem("labels must have shape (N,) or (N, 1), got " + y.header.shapeText());
        }
        NpyDtype dtype = y.header.dtype();
        if (!dtype.isInteger()) {
            throw y.problem("labels must be integers, got " + dtype.describe());
        }
        if (shape[0] > IdxInput.MAX_BODY_BYTES) {
            throw y.problem(shape[0] + " labels are more than a dataset can hold");
        }
        int[] labels = new int[(int) shape[0]];
        try (InputStream in = y.openBody()) {
            NpyValues values = new NpyValues(in, dtype);
            for (int i = 0; i < labels.length; i++) {
                long label = values.nextLong();
                if (label < 0 || label > MAX_LABEL) {
                    throw y.problem(y.element(i) + " is " + valueText(label, dtype) + "; labels must lie in 0.."
                            + MAX_LABEL);
                }
                labels[i] = (int) label;
            }
            requireEnd(y, values);
        } catch (EOFException e) {
            throw y.problem("truncated: the data ends before the " + labels.length + " labels of its shape");
        } catch (IOException e) {
            throw y.problem("cannot read (" + e + ")");
        }
        return labels;
    }

    /** Where the axes are: N×H×W, N×H×W×C or N×C×H×W. */
    private record Layout(int count, ImageShape shape, boolean channelsLast) {
        static Layout of(Member x) {
            long[] s = x.header.shape();
            String shape = x.header.shapeText();
            if (s.length != 3 && s.length != 4) {
                throw x.problem("images must have shape N×H×W, N×H×W×C or N×C×H×W, got " + shape);
            }
            if (s[0] == 0) {
                throw x.problem("holds no images, shape " + shape);
            }
            for (long d : s) {
                if (d == 0 || d > Integer.MAX_VALUE) {
                    throw x.problem("cannot hold images of shape " + shape);
                }
            }
            int n = (int) s[0];
            if (s.length == 3) {
                return new Layout(n, new ImageShape(1, (int) s[1], (int) s[2]), false);
            }
            if (s[3] <= 4) {
                return new Layout(n, new ImageShape((int) s[3], (int) s[1], (int) s[2]), true);
            }
            if (s[1] <= 4) {
                return new Layout(n, new ImageShape((int) s[1], (int) s[2], (int) s[3]), false);
            }
            throw x.problem("cannot tell the channel axis of shape " + shape + ": expected 1 to 4 channels last"
                    + " (N×H×W×C) or second (N×C×H×W)");
        }

        /** Where element {@code index} of the file goes in CHW samples. */
        long target(long index) {
            if (!channelsLast) {
                return index;
            }
            int d = shape.size();
            int c = shape.channels();
            long sample = index / d;
            int within = (int) (index % d);
            return sample * d + (long) (within % c) * shape.height() * shape.width() + within / c;
        }
    }

    private static Dataset readImages(Member x, int[] labels, String labelsKey, List<String> classNames) {
        Layout layout = Layout.of(x);
        if (layout.count != labels.length) {
            throw new InputException(x.file + ": " + x.key + " holds " + layout.count + " images but " + labelsKey
                    + " holds " + labels.length + " labels");
        }
        if ((long) layout.count * layout.shape.size() > IdxInput.MAX_BODY_BYTES) {
            throw x.problem(layout.count + " images of " + layout.shape + " are more than a dataset can hold");
        }
        NpyDtype dtype = x.header.dtype();
        byte[] pixels = new byte[layout.count * layout.shape.size()];
        try {
            if (dtype.isInteger()) {
                readIntegerPixels(x, layout, pixels);
            } else if (dtype.isFloat()) {
                readFloatPixels(x, layout, pixels);
            } else {
                throw x.problem("images must be uint8, another integer type or float32/float64, got "
                        + dtype.describe() + unsupportedHint(dtype));
            }
        } catch (EOFException e) {
            throw x.problem("truncated: the data ends before the " + layout.count + " images of its shape");
        } catch (IOException e) {
            throw x.problem("cannot read (" + e + ")");
        }
        return new Dataset(pixels, labels, classNames, layout.shape);
    }

    private static Table readTable(ZipFile zip, Member x, int[] labels, String labelsKey, List<String> classNames,
            String labelColumn) {
        long[] s = x.header.shape();
        if (s[0] != labels.length) {
            throw new InputException(x.file + ": " + x.key + " holds " + s[0] + " rows but " + labelsKey + " holds "
                    + labels.length + " labels");
        }
        if (s[0] == 0 || s[1] == 0) {
            throw x.problem("holds no table values, shape " + x.header.shapeText());
        }
        if (s[0] * s[1] > IdxInput.MAX_BODY_BYTES) {
            throw x.problem("a table of shape " + x.header.shapeText() + " is more than memory can hold");
        }
        NpyDtype dtype = x.header.dtype();
        if (!dtype.isInteger() && !dtype.isFloat()) {
            throw x.problem("table values must be integers or floats, got " + dtype.describe() + unsupportedHint(dtype));
        }
        int features = (int) s[1];
        List<String> names = featureNames(zip, x.file, features);
        String label = labelName(zip, x.file, labelsKey);
        if (labelColumn != null && !labelColumn.strip().equals(label)) {
            throw new InputException(x.file + ": the labels' column is '" + label + "', not '" + labelColumn + "'");
        }
        if (names.contains(label)) {
            throw new InputException(x.file + ": " + FEATURE_NAMES_KEY + " names a feature '" + label
                    + "', the name of the labels' column");
        }
        float[] values = new float[(int) (s[0] * s[1])];
        try (InputStream in = x.openBody()) {
            NpyValues numbers = new NpyValues(in, dtype);
            for (int i = 0; i < values.length; i++) {
                double value = dtype.isInteger() ? numbers.nextLong() : numbers.nextDouble();
                float f = (float) value;
                if (!Float.isFinite(f)) {
                    throw x.problem(x.element(i) + " is " + value + "; table values must be finite numbers within"
                            + " float32's range");
                }
                values[i] = f;
            }
            requireEnd(x, numbers);
        } catch (EOFException e) {
            throw x.problem("truncated: the data ends before the " + s[0] + " rows of its shape");
        } catch (IOException e) {
            throw x.problem("cannot read (" + e + ")");
        }
        return new Table(values, labels, classNames, TableColumns.labelLast(names, label));
    }

    /** The label column's name: the one string of {@value #LABEL_NAME_KEY}, else the labels' key. */
    private static String labelName(ZipFile zip, Path file, String labelsKey) {
        if (zip.getEntry(LABEL_NAME_KEY + ".npy") == null && zip.getEntry(LABEL_NAME_KEY) == null) {
            return labelsKey;
        }
        Member m = member(zip, file, LABEL_NAME_KEY);
        List<String> names = readStrings(m);
        if (names.size() != 1 || names.get(0).isBlank() || !names.get(0).equals(names.get(0).strip())) {
            throw m.problem("must hold one name without surrounding spaces, got " + names);
        }
        return names.get(0);
    }

    private static List<String> featureNames(ZipFile zip, Path file, int features) {
        if (zip.getEntry(FEATURE_NAMES_KEY + ".npy") == null && zip.getEntry(FEATURE_NAMES_KEY) == null) {
            return ClassNames.numbered(features);
        }
        Member names = member(zip, file, FEATURE_NAMES_KEY);
        List<String> list = readStrings(names);
        if (list.size() != features) {
            throw names.problem(list.size() + " names for the " + features + " feature columns of the table");
        }
        try {
            ClassNames.validate(list); // the same rules: non-empty, one line, unique
        } catch (IllegalArgumentException e) {
            throw names.problem(e.getMessage().replace("line ", "entry ").replace("class name", "feature name"));
        }
        return list;
    }

    private static void readIntegerPixels(Member x, Layout layout, byte[] pixels) throws IOException {
        NpyDtype dtype = x.header.dtype();
        try (InputStream in = x.openBody()) {
            NpyValues values = new NpyValues(in, dtype);
            if (dtype.kind() == 'u' && dtype.itemSize() == 1 && !layout.channelsLast) {
                values.readBytes(pixels, 0, pixels.length); // already CHW: no per-element work
            } else {
                for (long i = 0; i < pixels.length; i++) {
                    long value = values.nextLong();
                    if (value < 0 || value > 255) {
                        throw x.problem(x.element(i) + " is " + valueText(value, dtype)
                                + "; integer pixels must lie in 0..255");
                    }
                    pixels[(int) layout.target(i)] = (byte) value;
                }
            }
            requireEnd(x, values);
        }
    }

    /**
     * Two passes over the data: the first checks every value and finds the largest, which decides
     * the scale ([0, 1] or [0, 255]); the second converts. The archive is read twice rather than
     * the floats held in memory, which would take four or eight times the pixels.
     */
    private static void readFloatPixels(Member x, Layout layout, byte[] pixels) throws IOException {
        NpyDtype dtype = x.header.dtype();
        double max = 0;
        try (InputStream in = x.openBody()) {
            NpyValues values = new NpyValues(in, dtype);
            for (long i = 0; i < pixels.length; i++) {
                double value = values.nextDouble();
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw x.problem(x.element(i) + " is " + value + "; pixels must be finite");
                }
                if (value < 0 || value > 255) {
                    throw x.problem(x.element(i) + " is " + value + "; float pixels must lie in [0, 1] or [0, 255]");
                }
                max = Math.max(max, value);
            }
            requireEnd(x, values);
        }
        double scale = max <= 1 ? 255 : 1;
        try (InputStream in = x.openBody()) {
            NpyValues values = new NpyValues(in, dtype);
            for (long i = 0; i < pixels.length; i++) {
                pixels[(int) layout.target(i)] = (byte) Math.round(values.nextDouble() * scale);
            }
        }
    }

    private static List<String> classNames(ZipFile zip, Path file, int[] labels) {
        int maxLabel = -1;
        for (int label : labels) {
            maxLabel = Math.max(maxLabel, label);
        }
        if (zip.getEntry(CLASS_NAMES_KEY + ".npy") == null && zip.getEntry(CLASS_NAMES_KEY) == null) {
            return ClassNames.numbered(maxLabel + 1);
        }
        Member names = member(zip, file, CLASS_NAMES_KEY);
        List<String> list = readStrings(names);
        try {
            ClassNames.validate(list, "entry");
        } catch (IllegalArgumentException e) {
            throw names.problem(e.getMessage());
        }
        if (list.size() <= maxLabel) {
            throw names.problem(list.size() + " class names, but the labels use " + maxLabel + ", which needs at least "
                    + (maxLabel + 1));
        }
        return list;
    }

    private static List<String> readStrings(Member m) {
        NpyDtype dtype = m.header.dtype();
        String what = m.key.equals(CLASS_NAMES_KEY) ? "class names" : m.key.equals(LABEL_NAME_KEY) ? "the label name"
                : "feature names";
        if (m.header.shape().length != 1) {
            throw m.problem(what + " must be a 1-D array, got shape " + m.header.shapeText());
        }
        if (dtype.kind() != 'U' && dtype.kind() != 'S') {
            throw m.problem(what + " must be strings, got " + dtype.describe() + unsupportedHint(dtype));
        }
        int count = (int) m.header.shape()[0];
        Charset charset = dtype.kind() == 'S' ? StandardCharsets.UTF_8
                : Charset.forName(dtype.order() == ByteOrder.BIG_ENDIAN ? "UTF-32BE" : "UTF-32LE");
        List<String> strings = new ArrayList<>(count);
        try (InputStream in = m.openBody()) {
            for (int i = 0; i < count; i++) {
                byte[] item = in.readNBytes(dtype.itemSize());
                if (item.length < dtype.itemSize()) {
                    throw m.problem("truncated: the data ends before the " + count + " names of its shape");
                }
                strings.add(decode(item, dtype, charset, m, i));
            }
        } catch (IOException e) {
            throw m.problem("cannot read (" + e + ")");
        }
        return strings;
    }

    /** One fixed-width string; NumPy pads with zero characters, which it strips when reading. */
    private static String decode(byte[] item, NpyDtype dtype, Charset charset, Member m, int index) {
        int unit = dtype.kind() == 'U' ? 4 : 1;
        int end = item.length;
        while (end >= unit && isZero(item, end - unit, unit)) {
            end -= unit;
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(item, 0, end)).toString();
        } catch (CharacterCodingException e) {
            throw m.problem(m.element(index) + " is not valid " + (unit == 4 ? "UTF-32" : "UTF-8"));
        }
    }

    private static boolean isZero(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String unsupportedHint(NpyDtype dtype) {
        return dtype.kind() == 'O' ? " (object arrays need Python's pickle; save strings with dtype=str and"
                + " numbers with a numeric dtype)" : "";
    }

    private static String valueText(long value, NpyDtype dtype) {
        return dtype.kind() == 'u' && value < 0 ? Long.toUnsignedString(value) : Long.toString(value);
    }

    private static void requireEnd(Member m, NpyValues values) throws IOException {
        if (!values.atEnd()) {
            throw m.problem("trailing data after the " + m.header.shapeText() + " elements its header declares");
        }
    }
}
