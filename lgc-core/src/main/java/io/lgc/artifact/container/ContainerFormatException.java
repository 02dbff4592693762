package io.lgc.artifact.container;

import io.lgc.InputException;

/**
 * An LGC container (docs/FORMAT.md: framing, header, sections, tensors) that cannot be trusted: damaged, truncated, forged, written by a newer
 * format version, or missing something the caller requires. The message is one line that
 * starts with the file's display name (when known) and says what is wrong and where.
 */
public class ContainerFormatException extends InputException {
    private final String file;
    private final String problem;

    public ContainerFormatException(String file, String problem) {
        this(file, problem, null);
    }

    public ContainerFormatException(String file, String problem, Throwable cause) {
        super(oneLine(file == null ? problem : file + ": " + problem), cause);
        this.file = file;
        this.problem = problem;
    }

    /** The CLI prints the message as one line; names read from a damaged file may hold anything. */
    private static String oneLine(String message) {
        StringBuilder sb = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** Display name of the file, or null when the problem concerns an in-memory container. */
    public String file() {
        return file;
    }

    /** The message without the file name. */
    public String problem() {
        return problem;
    }
}
