package io.lgc.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python literals an {@code .npy} header is made of: a dict of strings, booleans,
 * integers and tuples. Tuples and lists both become {@link List}s, integers {@link Long}s,
 * {@code None} becomes {@link #NONE}. Anything else is refused with an
 * {@link IllegalArgumentException} saying where.
 */
final class PythonLiteral {
    /** Python's None (a map cannot hold null values reliably in messages). */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int at;
    private int depth;

    private PythonLiteral(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.at != text.length()) {
            throw parser.error("unexpected text after the value");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (at >= text.length()) {
            throw error("value expected, the text ends");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return nested(this::dict);
            case '(':
                return nested(() -> sequence(')'));
            case '[':
                return nested(() -> sequence(']'));
            case '\'':
            case '"':
                return string();
            default:
                if (c == '-' || c == '+' || Character.isDigit(c)) {
                    return integer();
                }
                return word();
        }
    }

    private interface Part {
        Object parse();
    }

    private Object nested(Part part) {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " deep");
        }
        Object value = part.parse();
        depth--;
        return value;
    }

    private Map<String, Object> dict() {
        at++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek('}')) {
                at++;
                return map;
            }
            Object key = value();
            if (!(key instanceof String name)) {
                throw error("dict key must be a string, got " + key);
            }
            skipSpace();
            expect(':');
            Object value = value();
            if (map.put(name, value) != null) {
                throw error("key '" + name + "' appears twice");
            }
            skipSpace();
            if (peek(',')) {
                at++;
            } else if (!peek('}')) {
                throw error("',' or '}' expected");
            }
        }
    }

    private List<Object> sequence(char close) {
        at++; // '(' or '['
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek(close)) {
                at++;
                return items;
            }
            items.add(value());
            skipSpace();
            if (peek(',')) {
                at++;
            } else if (!peek(close)) {
                throw error("',' or '" + close + "' expected");
            }
        }
    }

    private String string() {
        char quote = text.charAt(at++);
        StringBuilder s = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == quote) {
                return s.toString();
            }
            if (c == '\\') {
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case '\\', '\'', '"' -> s.append(escaped);
                    default -> throw error("unsupported escape \\" + escaped);
                }
            } else {
                s.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Long integer() {
        int start = at;
        if (peek('-') || peek('+')) {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        String digits = text.substring(start, at);
        if (at < text.length() && (text.charAt(at) == 'L' || text.charAt(at) == 'l')) {
            at++; // Python 2's long suffix, found in headers numpy wrote under Python 2
        }
        try {
            return Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
        } catch (NumberFormatException e) {
            at = start;
            throw error("not an integer: '" + digits + "'");
        }
    }

    private Object word() {
        int start = at;
        while (at < text.length() && Character.isLetter(text.charAt(at))) {
            at++;
        }
        String word = text.substring(start, at);
        switch (word) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return NONE;
            default:
                at = start;
                throw error("unsupported value");
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + at);
    }
}
