package io.lgc.artifact;

import io.lgc.artifact.container.Malformed;
import io.lgc.InputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule for an artifact's class names (docs/FORMAT.md, "Strictness rules", S8): each non-empty,
 * free of control characters and line breaks, without white space at either end, and different
 * from the others. Every output format
 * writes a name as one line or one folder and reads it back by name, so a file that breaks the
 * rule could be verified and then not reconstructed.
 */
final class ArtifactClassNames {
    private ArtifactClassNames() {
    }

    static void check(List<String> names) {
        Map<String, Integer> first = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (name.isEmpty()) {
                throw new InputException("classes[" + c + "].name is empty");
            }
            int bad = name.codePoints().filter(ArtifactClassNames::breaksALine).findFirst().orElse(-1);
            if (bad >= 0) {
                throw new InputException("classes[" + c + "].name \"" + visible(name) + "\" holds "
                        + String.format("U+%04X", bad) + "; class names hold no control characters or line breaks");
            }
            int firstChar = name.codePointAt(0);
            int lastChar = name.codePointBefore(name.length());
            if (isWhiteSpace(firstChar) || isWhiteSpace(lastChar)) {
                throw new InputException("classes[" + c + "].name \"" + visible(name) + "\" begins or ends with "
                        + String.format("U+%04X", isWhiteSpace(firstChar) ? firstChar : lastChar)
                        + "; class names have no surrounding white space");
            }
            Integer earlier = first.putIfAbsent(name, c);
            if (earlier != null) {
                throw new InputException("classes[" + earlier + "] and classes[" + c + "] are both named \""
                        + visible(name) + "\"; class names must be unique");
            }
        }
    }

    /** Control characters (Unicode category Cc) and the Unicode line and paragraph separators. */
    static boolean breaksALine(int codePoint) {
        return codePoint <= 0x1F || (codePoint >= 0x7F && codePoint <= 0x9F) || codePoint == 0x2028
                || codePoint == 0x2029;
    }

    /**
     * White space that is not a control character: what String.strip removes from a name's ends
     * (classes.txt is read that way), spelled out so that other readers can follow it exactly.
     */
    static boolean isWhiteSpace(int codePoint) {
        return codePoint == 0x20 || codePoint == 0x1680 || (codePoint >= 0x2000 && codePoint <= 0x2006)
                || (codePoint >= 0x2008 && codePoint <= 0x200A) || codePoint == 0x205F || codePoint == 0x3000;
    }

    /** The name for a one-line message: rule-breaking characters as \\uXXXX, long names cut. */
    private static String visible(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (breaksALine(cp)) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return Malformed.shorten(sb.toString());
    }
}
