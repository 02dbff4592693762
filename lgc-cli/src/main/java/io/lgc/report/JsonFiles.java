package io.lgc.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.lgc.InputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the JSON files a report draws from (evaluation, sweep). Every failure is one-line
 * {@link InputException} that starts with the file's name, since the user typed that name.
 */
final class JsonFiles {
    private static final int MAX_DETAIL = 160;
    /** Far beyond any evaluation or sweep file; parsed JSON takes several times its size in memory. */
    static final long MAX_BYTES = 64L << 20;

    private JsonFiles() {
    }

    static JsonElement read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                    io.lgc.InputFiles.readAll(file, MAX_BYTES, "a JSON file")))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not UTF-8 text, expected JSON", e);
        }
        return parse(text, file.toString());
    }

    /** Parses {@code text} strictly (RFC 8259, one value, nothing after it). */
    static JsonElement parse(String text, String source) {
        if (text.isBlank()) {
            throw new InputException(source + ": not valid JSON (the file is empty)");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement value = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("text after the JSON value");
            }
            return value;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new InputException(source + ": not valid JSON (" + oneLine(e.getMessage()) + ")", e);
        }
    }

    /** Gson's messages carry a troubleshooting URL and may span lines; keep the useful start. */
    private static String oneLine(String message) {
        if (message == null) {
            return "no details";
        }
        String text = message;
        int see = text.indexOf("\nSee ");
        if (see >= 0) {
            text = text.substring(0, see);
        }
        text = text.replaceAll("\\s+", " ").strip();
        if (text.startsWith("com.google.gson.stream.MalformedJsonException: ")) {
            text = text.substring("com.google.gson.stream.MalformedJsonException: ".length());
        }
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 3) + "...";
    }
}
