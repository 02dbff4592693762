package io.lgc.artifact;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Parses JSON strictly (RFC 8259, no Gson leniencies) and rejects duplicate object keys, which
 * Gson's own tree parser silently resolves to the last value. Nesting depth is bounded by
 * JsonReader's limit (255), so hostile input cannot overflow the stack.
 */
final class StrictJson {
    private static final TypeAdapter<JsonElement> PRIMITIVES = new Gson().getAdapter(JsonElement.class);
    private static final int MAX_CAUSE_CHARS = 160;

    private StrictJson() {
    }

    static JsonReader reader(String text) {
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
            String key = reader.nextName();
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
            default:
                return PRIMITIVES.read(reader);
        }
    }
}
