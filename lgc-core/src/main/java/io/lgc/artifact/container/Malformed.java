package io.lgc.artifact.container;

/**
 * A problem found while parsing part of a container, before the file name is attached. Parsers
 * deep inside the reader throw it; ContainerReader turns it into an ContainerFormatException
 * that names the file. Checked, so no parse failure can slip out unconverted.
 */
public final class Malformed extends Exception {
    public Malformed(String problem) {
        super(problem, null, false, false); // no stack trace: fuzzing creates many, none is a bug
    }

    public Malformed(String problem, Throwable cause) {
        super(problem, cause, false, false);
    }

    /** {@code text} cut to a length that keeps a one-line message readable (names can be long). */
    public static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** The same problem behind {@code prefix}, e.g. "section 'decoder': " or "header ". */
    public Malformed prefixed(String prefix) {
        return new Malformed(prefix + getMessage(), getCause());
    }
}
