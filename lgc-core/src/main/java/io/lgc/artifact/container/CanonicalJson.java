package io.lgc.artifact.container;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON in one canonical form: compact, object keys sorted (by UTF-16 code units, i.e.
 * String.compareTo), no HTML escaping. Equal JsonObjects built in different insertion orders
 * therefore serialize to identical bytes, which makes the writer's output reproducible.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    /** UTF-8 bytes of the canonical form; IllegalArgumentException for NaN/infinite numbers or bad Unicode. */
    static byte[] toUtf8(JsonElement element, String what) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = new JsonWriter(out)) {
            writer.setHtmlSafe(false);
            write(writer, element);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " cannot be written as JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return Utf8.encode(out.toString(), what);
    }

    private static void write(JsonWriter writer, JsonElement element) throws IOException {
        if (element == null || element.isJsonNull()) {
            writer.nullValue();
        } else if (element instanceof JsonObject object) {
            writer.beginObject();
            Map<String, JsonElement> sorted = new TreeMap<>(object.asMap());
            for (Map.Entry<String, JsonElement> e : sorted.entrySet()) {
                writer.name(e.getKey());
                write(writer, e.getValue());
            }
            writer.endObject();
        } else if (element instanceof JsonArray array) {
            writer.beginArray();
            for (JsonElement e : array) {
                write(writer, e);
            }
            writer.endArray();
        } else {
            writePrimitive(writer, (JsonPrimitive) element);
        }
    }

    private static void writePrimitive(JsonWriter writer, JsonPrimitive p) throws IOException {
        if (p.isBoolean()) {
            writer.value(p.getAsBoolean());
        } else if (p.isNumber()) {
            writer.value(p.getAsNumber());
        } else {
            writer.value(p.getAsString());
        }
    }
}
