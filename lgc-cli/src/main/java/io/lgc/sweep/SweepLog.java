package io.lgc.sweep;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.lgc.InputException;
import io.lgc.artifact.container.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * sweep.json, rewritten atomically after every measured point, so that an interrupted sweep loses
 * at most the point it was on. It opens only over a sweep of the same data and grid: resuming
 * with other settings would mix incomparable points in one curve.
 *
 * <pre>
 * {"format": "lgc-sweep", "version": 1, "setup": {"train", "test", "grid"}, "complete": false,
 *  "points": [{"id", "method", "bytes", "accuracy", …}], "published": [{"method", "ipc", "bytes", "accuracy", "source"}]}
 * </pre>
 */
public final class SweepLog {
    static final String FORMAT = "lgc-sweep";
    static final int VERSION = 1;
    /** A sweep log holds one small record per point; more than this is not one. */
    static final long MAX_BYTES = 64L << 20;

    private final Path file;
    private final JsonObject root;
    private final Set<String> done = new HashSet<>();

    private SweepLog(Path file, JsonObject root) {
        this.file = file;
        this.root = root;
        for (JsonElement p : root.getAsJsonArray("points")) {
            done.add(p.getAsJsonObject().get("id").getAsString());
        }
    }

    /**
     * Continues the sweep in {@code file} when it exists, else starts one.
     *
     * @throws InputException when the file is not a sweep log, or is one of another setup
     */
    public static SweepLog open(Path file, JsonObject setup, JsonArray published) {
        return open(file, setup, published, null);
    }

    /**
     * As {@link #open(Path, JsonObject, JsonArray)}; a log of another setup is refused with a hint
     * at {@code startOver}, the option that starts it over (null for none).
     */
    public static SweepLog open(Path file, JsonObject setup, JsonArray published, String startOver) {
        if (!Files.exists(file)) {
            JsonObject root = new JsonObject();
            root.addProperty("format", FORMAT);
            root.addProperty("version", VERSION);
            root.add("setup", setup.deepCopy());
            root.addProperty("complete", false);
            root.add("points", new JsonArray());
            root.add("published", published.deepCopy());
            return new SweepLog(file, root);
        }
        JsonObject root = parse(file);
        if (!setup.equals(root.get("setup"))) {
            throw new InputException(file + ": holds a sweep of other data or another grid ("
                    + difference(setup, root.get("setup")) + "); write to another directory or "
                    + (startOver == null ? "delete it" : "pass " + startOver) + " to start over");
        }
        root.add("published", published.deepCopy());
        return new SweepLog(file, root);
    }

    public boolean done(SweepPoint point) {
        return done.contains(point.id());
    }

    /** The measured point {@code id}, as recorded, or empty. */
    public Optional<JsonObject> point(String id) {
        for (JsonElement e : root.getAsJsonArray("points")) {
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
                return Optional.of(e.getAsJsonObject().deepCopy());
            }
        }
        return Optional.empty();
    }

    public int measured() {
        return done.size();
    }

    /** Records one measured point and rewrites the file. */
    public void add(JsonObject point) {
        String id = point.get("id").getAsString();
        if (!done.add(id)) {
            throw new IllegalStateException("point " + id + " measured twice");
        }
        root.getAsJsonArray("points").add(point.deepCopy());
        save();
    }

    public void markComplete() {
        root.addProperty("complete", true);
        save();
    }

    public JsonObject json() {
        return root.deepCopy();
    }

    private void save() {
        String text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject parse(Path file) {
        JsonElement json;
        try {
            json = JsonParser.parseString(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                    io.lgc.InputFiles.readAll(file, MAX_BYTES, "a sweep log"))).toString());
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new InputException(file + ": not JSON (" + e.getMessage() + "); not a sweep log");
        }
        if (!json.isJsonObject() || !json.getAsJsonObject().has("format")
                || !FORMAT.equals(json.getAsJsonObject().get("format").getAsString())) {
            throw new InputException(file + ": not a sweep log (no \"format\": \"" + FORMAT + "\")");
        }
        JsonObject root = json.getAsJsonObject();
        if (!root.has("version") || root.get("version").getAsInt() != VERSION) {
            throw new InputException(file + ": sweep log version " + root.get("version") + ", this lgc reads " + VERSION);
        }
        if (!root.has("points") || !root.get("points").isJsonArray()) {
            throw new InputException(file + ": sweep log without a \"points\" array");
        }
        for (JsonElement p : root.getAsJsonArray("points")) {
            if (!p.isJsonObject() || !p.getAsJsonObject().has("id")) {
                throw new InputException(file + ": a point without an \"id\": " + p);
            }
        }
        return root;
    }

    /** The first setting that differs, for the error message. */
    private static String difference(JsonObject wanted, JsonElement found) {
        if (found == null || !found.isJsonObject()) {
            return "it records no setup";
        }
        for (String key : wanted.keySet()) {
            JsonElement a = wanted.get(key);
            JsonElement b = found.getAsJsonObject().get(key);
            if (!a.equals(b)) {
                if (a.isJsonObject() && b != null && b.isJsonObject()) {
                    return key + "." + difference(a.getAsJsonObject(), b);
                }
                return key + " was " + b + ", now " + a;
            }
        }
        return "it records settings this sweep does not have";
    }
}
