package io.lgc.artifact.container;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * JSON values kept as text inside a container, in a section's metadata: written in the header's canonical
 * form and read by the header's strictness rules, so that a value moved out of the header reads back as it
 * would have there.
 */
public final class JsonText {
    private JsonText() {
    }

    /** {@code value} as the header's canonical JSON text; IllegalArgumentException as the header's writer throws. */
    public static String canonical(JsonElement value, String what) {
        return new String(CanonicalJson.toUtf8(value, what), StandardCharsets.UTF_8);
    }

    /** The single JSON object {@code text} holds, read as strictly as the header; Malformed otherwise. */
    public static JsonObject parseObject(String text) throws Malformed {
        return StrictJson.parseObject(text);
    }
}
