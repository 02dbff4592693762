package io.lgc.artifact;

import io.lgc.artifact.container.Malformed;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Typed, strict access to header fields (docs/FORMAT.md, "Strictness rules"). Gson's getAsInt
 * would take {@code 784.5} as 784, the string {@code "784"} as 784 and 10^18 as its low 32 bits,
 * so a forged value could pass or be reported as a different one; here an integer must be written
 * as one, lie in its range, and any problem quotes the value as the file gives it.
 */
final class HeaderValues {
    /** No header integer may exceed this, whatever its field's own limit. */
    static final long MAX_INTEGER = Integer.MAX_VALUE;
    /** JSON's integer syntax: no fraction, no exponent (the JSON grammar already forbids leading zeros). */
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private HeaderValues() {
    }

    /** {@code o.key} as an int in {@code min..max}; {@code path} names it in messages. */
    static int integer(JsonObject o, String key, String path, long min, long max) {
        return integer(present(o, key, path), path, min, max);
    }

    static int integer(JsonElement e, String path, long min, long max) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new InputException(path + " must be an integer, got " + shorten(e));
        }
        String text = e.getAsNumber().toString(); // a parsed number keeps the text the file holds
        if (!INTEGER.matcher(text).matches()) {
            throw new InputException(path + " is " + Malformed.shorten(text) + ", not an integer");
        }
        BigInteger value = new BigInteger(text);
        long upper = Math.min(max, MAX_INTEGER);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(upper)) > 0) {
            throw new InputException(path + " is " + Malformed.shorten(text) + ", outside " + min + ".." + upper);
        }
        return value.intValue();
    }

    /** {@code o.key}, which must be a JSON string (a number is not taken as its digits). */
    static String string(JsonObject o, String key, String path) {
        JsonElement e = present(o, key, path);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new InputException(path + " must be a string, got " + shorten(e));
        }
        return e.getAsString();
    }

    /** {@code o.key} as a finite double; a JSON string holding digits is not a number. */
    static double finiteNumber(JsonObject o, String key, String path) {
        JsonElement e = present(o, key, path);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || !Double.isFinite(e.getAsDouble())) {
            throw new InputException(path + " must be a finite number, got " + shorten(e));
        }
        return e.getAsDouble();
    }

    static JsonArray array(JsonObject o, String key, String path) {
        JsonElement e = present(o, key, path);
        if (!e.isJsonArray()) {
            throw new InputException(path + " must be an array, got " + shorten(e));
        }
        return e.getAsJsonArray();
    }

    static JsonObject object(JsonObject o, String key, String path) {
        JsonElement e = present(o, key, path);
        if (!e.isJsonObject()) {
            throw new InputException(path + " must be an object, got " + shorten(e));
        }
        return e.getAsJsonObject();
    }

    static JsonObject object(JsonElement e, String path) {
        if (e == null || !e.isJsonObject()) {
            throw new InputException(path + " must be an object, got " + shorten(e));
        }
        return e.getAsJsonObject();
    }

    private static JsonElement present(JsonObject o, String key, String path) {
        JsonElement e = o.get(key);
        if (e == null) {
            throw new InputException("missing '" + path + "'");
        }
        return e;
    }

    private static String shorten(JsonElement e) {
        return e == null ? "nothing" : Malformed.shorten(e.toString());
    }
}
