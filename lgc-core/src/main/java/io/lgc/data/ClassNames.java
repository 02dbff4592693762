package io.lgc.data;

import io.lgc.InputException;
import io.lgc.InputFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Class names: the defaults, Fashion-MNIST's, the {@code classes.txt} file format, and the one
 * rule every source of class names must pass (classes.txt, image class folders, CSV labels, an
 * npz's {@code class_names}, CIFAR's names file):
 * <ul>
 *   <li>a name is not empty, does not begin or end with white space, and holds no line break or
 *       other control character (U+0000–U+001F, U+007F–U+009F, U+2028, U+2029): it must read back
 *       from {@code classes.txt} and a CSV cell as written, on one line;
 *   <li>no two names are the same class, and two names are the same class when they are equal
 *       after Unicode NFC normalisation and case folding ("Cat" and "cat"; "é" composed and
 *       decomposed): PNG output writes every class as a folder, and the file systems of macOS
 *       and Windows do not tell such folder names apart.
 * </ul>
 */
public final class ClassNames {
    /** A classes.txt names at most tens of thousands of classes; a bigger file is not one. */
    public static final long MAX_FILE_BYTES = 16L << 20;

    public static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private ClassNames() {}

    /** "0", "1", ... for datasets that name no classes. */
    public static List<String> numbered(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }

    /**
     * Reads a {@code classes.txt}: UTF-8, one name per line, the line number being the label.
     * Names are trimmed; the names must then pass {@link #validate}.
     */
    public static List<String> read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(InputFiles.readAll(file, MAX_FILE_BYTES, "a classes.txt")))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not valid UTF-8");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    static List<String> parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark some editors write
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the final newline ends the last line, opens none
        }
        List<String> names = lines.stream().map(String::strip).toList();
        validate(names);
        return names;
    }

    /**
     * Every name passes the rule (see the class comment); a failure names the position as a line
     * number ("line 3 ..."), as in {@code classes.txt}.
     */
    static void validate(List<String> names) {
        validate(names, "line");
    }

    /**
     * Every name passes the rule; a failure names the position as {@code item} and a 1-based number:
     * "line 3 repeats class name 'a' of line 1", "entry 2 ...".
     *
     * @throws IllegalArgumentException saying which name breaks which part of the rule
     */
    public static void validate(List<String> names, String item) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no class names");
        }
        Map<String, Integer> firstByIdentity = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String where = item + " " + (i + 1);
            if (name.isEmpty()) {
                throw new IllegalArgumentException(where + " is empty; every " + item + " names a class");
            }
            String problem = problem(name);
            if (problem != null) {
                throw new IllegalArgumentException(where + ": " + problem);
            }
            Integer earlier = firstByIdentity.putIfAbsent(identity(name), i);
            if (earlier != null) {
                throw new IllegalArgumentException(where + " " + repeats(name, names.get(earlier)) + " of " + item
                        + " " + (earlier + 1));
            }
        }
    }

    /** Why {@code name} alone cannot be a class name, or null when it can. */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "empty class name; every class needs a name";
        }
        if (name.codePoints().anyMatch(ClassNames::isControl)) {
            return "class name '" + quoted(name) + "' holds a line break or another control character;"
                    + " a class name is one line of text";
        }
        if (!name.equals(name.strip())) {
            return "class name '" + quoted(name) + "' begins or ends with white space, which would not read back";
        }
        return null;
    }

    /**
     * What two names that are one class share: the name NFC-normalised and case-folded (upper then
     * lower case, so that "ß" and "SS" meet too).
     */
    public static String identity(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        String folded = nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }

    /** "repeats class name 'a'", or, for names equal only as one class, how they differ. */
    public static String repeats(String name, String earlier) {
        if (name.equals(earlier)) {
            return "repeats class name '" + quoted(name) + "'";
        }
        return "names class '" + quoted(name) + "', the same class as '" + quoted(earlier)
                + "' (names that differ only in case or Unicode normalisation are one class: written as folders,"
                + " they collide on macOS and Windows)";
    }

    /** The name with control characters written as escapes, so that a message stays on one line. */
    public static String quoted(String name) {
        StringBuilder s = new StringBuilder();
        name.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (isControl(c)) {
                        s.append(String.format(Locale.ROOT, "\\u%04X", c));
                    } else {
                        s.appendCodePoint(c);
                    }
                }
            }
        });
        return s.toString();
    }

    private static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || codePoint == '\u2028' || codePoint == '\u2029';
    }

    /** The {@code classes.txt} text for these names. */
    static String format(List<String> names) {
        requireWritable(names);
        return String.join("\n", names) + "\n";
    }

    /**
     * What a writer needs to write names that read back as written: each on one line, without
     * surrounding spaces, all different. Weaker than {@link #validate}, so that a file written
     * before the rule (with "Cat" and "cat", say) still reconstructs; reading such names as input
     * is what the rule refuses.
     */
    static void requireWritable(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no class names");
        }
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank() || name.contains("\n") || name.contains("\r") || !name.equals(name.strip())) {
                throw new IllegalArgumentException("class name " + (i + 1) + " '" + quoted(name)
                        + "' is empty, spans lines or has surrounding spaces");
            }
            Integer earlier = first.putIfAbsent(name, i);
            if (earlier != null) {
                throw new IllegalArgumentException("class name " + (i + 1) + " repeats class name '" + name
                        + "' of " + (earlier + 1));
            }
        }
    }
}
