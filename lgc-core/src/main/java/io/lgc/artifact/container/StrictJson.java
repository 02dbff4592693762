package io.lgc.artifact.container;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Parses JSON strictly (RFC 8259, no Gson leniencies) and rejects duplicate object keys, which
 * Gson's own tree parser silently resolves to the last value. Nesting depth is bounded by
 * JsonReader's limit (255), so hostile input cannot overflow the stack.
 */
final class StrictJson {
    private static final TypeAdapter<JsonElement> PRIMITIVES = new Gson().getAdapter(JsonElement.class);
    private static final int MAX_CAUSE_CHARS = 160;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private StrictJson() {
    }

    /** A strict reader of {@code text}; Malformed if it starts with a byte-order mark, which Gson would skip. */
    static JsonReader reader(String text) throws Malformed {
        if (text.startsWith("\uFEFF")) {
            throw new Malformed("starts with a byte-order mark (EF BB BF); the format forbids one");
        }
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }

    /** The single JSON object {@code text} holds; Malformed for anything else. */
    static JsonObject parseObject(String text) throws Malformed {
        try {
            JsonReader reader = reader(text);
            JsonToken first = reader.peek();
            if (first != JsonToken.BEGIN_OBJECT) {
                throw new Malformed("is " + describe(first) + ", expected a JSON object");
            }
            JsonObject object = readObject(reader);
            requireEnd(reader);
            return object;
        } catch (IOException | RuntimeException e) {
            throw invalid(e);
        }
    }

    /**
     * Malformed if {@code s} holds a surrogate that is not half of a pair: JSON can write one as an
     * escape ({@code "\\ud800"}), but it is no Unicode character, and UTF-8 cannot hold it.
     */
    static String requireUnicode(String s) throws Malformed {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Malformed("holds the unpaired surrogate escape \\u" + String.format("%04x", (int) c)
                        + " in the string \"" + Malformed.shorten(s.replaceAll("\\p{Cs}", "?")) + "\"");
            }
        }
        return s;
    }

    /**
     * Malformed if {@code number} is an integer (no fraction or exponent) beyond 64 bits. Gson
     * refuses some of those as malformed (when its 64-bit accumulator wraps to 0) and takes others,
     * so the format draws the line for every reader at 64 bits.
     */
    private static void requireInt64(String number) throws Malformed {
        if (INTEGER.matcher(number).matches() && number.length() > 18 && new BigInteger(number).bitLength() > 63) {
            throw new Malformed("holds the integer " + Malformed.shorten(number)
                    + ", beyond the 64-bit range JSON integers may take in this format");
        }
    }

    /** A token in words, for messages. */
    static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_OBJECT -> "a JSON object";
            case BEGIN_ARRAY -> "a JSON array";
            case STRING -> "a JSON string";
            case NUMBER -> "a JSON number";
            case BOOLEAN -> "a JSON boolean";
            case NULL -> "JSON null";
            case END_DOCUMENT -> "the end of the JSON";
            default -> "JSON " + token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Malformed unless only whitespace follows the top-level value. */
    static void requireEnd(JsonReader reader) throws IOException, Malformed {
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new Malformed("has content after the JSON object");
        }
    }

    /** Wraps a Gson/number failure; the message is shortened since Gson may quote long paths. */
    static Malformed invalid(Exception e) {
        String detail = String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed");
        if (detail.length() > MAX_CAUSE_CHARS) {
            detail = detail.substring(0, MAX_CAUSE_CHARS) + "...";
        }
        return new Malformed("is not valid JSON (" + detail + ")", e);
    }

    private static JsonObject readObject(JsonReader reader) throws IOException, Malformed {
        JsonObject object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = requireUnicode(reader.nextName());
            if (object.has(key)) {
                throw new Malformed("has the key \"" + Malformed.shorten(key) + "\" twice");
            }
            object.add(key, readValue(reader));
        }
        reader.endObject();
        return object;
    }

    private static JsonElement readValue(JsonReader reader) throws IOException, Malformed {
        switch (reader.peek()) {
            case BEGIN_OBJECT:
                return readObject(reader);
            case BEGIN_ARRAY:
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(readValue(reader));
                }
                reader.endArray();
                return array;
            case STRING:
                return new JsonPrimitive(requireUnicode(reader.nextString()));
            case NUMBER:
                String number = reader.nextString();
                requireInt64(number);
                return new JsonPrimitive(new LazilyParsedNumber(number));
            default:
                return PRIMITIVES.read(reader);
        }
    }
}
