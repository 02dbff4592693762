package io.lgc.data;

import io.lgc.InputException;
import io.lgc.InputFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Class names: the defaults, Fashion-MNIST's, and the {@code classes.txt} file format. */
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
     * Names are trimmed; empty and repeated names are refused, since a label must name one class.
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

    /** Every name non-empty, on one line, and different from the others. */
    static void validate(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no class names");
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int line = i + 1;
            if (name.isBlank()) {
                throw new IllegalArgumentException("line " + line + " is empty; every line names a class");
            }
            if (name.contains("\n") || name.contains("\r") || !name.equals(name.strip())) {
                // Such a name would not read back as written.
                throw new IllegalArgumentException("class name " + line + " '" + name
                        + "' spans lines or has surrounding spaces");
            }
            Integer earlier = firstLine.putIfAbsent(name, line);
            if (earlier != null) {
                throw new IllegalArgumentException("line " + line + " repeats class name '" + name
                        + "' of line " + earlier);
            }
        }
    }

    /** The {@code classes.txt} text for these names. */
    static String format(List<String> names) {
        validate(names);
        return String.join("\n", names) + "\n";
    }
}
