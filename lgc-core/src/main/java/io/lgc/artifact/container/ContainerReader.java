package io.lgc.artifact.container;

import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.InputFiles;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and fully verifies containers. Any damaged, truncated or forged input ends in an
 * {@link ContainerFormatException} naming the file and the problem; a file that cannot be read
 * at all (missing, unreadable) ends in a plain {@link InputException}. Reading never allocates
 * more than a small multiple of the file size (deflated sections: of what they really inflate
 * to, itself capped by deflate's maximum ratio) and never loops without consuming input.
 */
public final class ContainerReader {
    private ContainerReader() {
    }

    public static Container read(Path file) {
        String name = file.toString();
        return read(readFile(file, name), name);
    }

    /** Reads a container held in memory; {@code displayName} is what error messages call it. */
    public static Container read(byte[] bytes, String displayName) {
        return decode(bytes, displayName).container();
    }

    /** Runs every check {@link #read} runs and reports what the file holds. */
    public static VerifyReport verify(Path file) {
        String name = file.toString();
        return verify(readFile(file, name), name);
    }

    public static VerifyReport verify(byte[] bytes, String displayName) {
        return report(decode(bytes, displayName), displayName);
    }

    /** A container and its report from one pass over the file. */
    public record Verified(Container container, VerifyReport report) {
    }

    /** What {@link #read} and {@link #verify} return, reading and checking the file once. */
    public static Verified readVerified(Path file) {
        String name = file.toString();
        Decoded decoded = decode(readFile(file, name), name);
        return new Verified(decoded.container(), report(decoded, name));
    }

    private static VerifyReport report(Decoded decoded, String displayName) {
        Framing.Layout layout = decoded.layout();
        Map<String, Long> sizes = new LinkedHashMap<>();
        Map<String, String> codecs = new LinkedHashMap<>();
        Map<String, Long> uncompressed = new LinkedHashMap<>();
        Map<String, Integer> tensorCounts = new LinkedHashMap<>();
        for (int i = 0; i < layout.sections().size(); i++) {
            Framing.RawSection raw = layout.sections().get(i);
            sizes.put(raw.name(), raw.recordBytes());
            codecs.put(raw.name(), raw.codec().label());
            uncompressed.put(raw.name(), (long) raw.uncompressedLength());
            tensorCounts.put(raw.name(), decoded.container().sections().get(i).tensors().size());
        }
        return new VerifyReport(displayName, Format.version(layout.major(), layout.minor()), layout.totalBytes(),
                layout.headerBytes(), sizes, codecs, uncompressed, tensorCounts, Checksums.hex(layout.sha256()));
    }

    private record Decoded(Framing.Layout layout, Container container) {
    }

    private static Decoded decode(byte[] bytes, String displayName) {
        try {
            Framing.Layout layout = Framing.parse(bytes);
            JsonObject header = parseHeader(bytes, layout);
            List<Section> sections = new ArrayList<>(layout.sections().size());
            for (Framing.RawSection raw : layout.sections()) {
                sections.add(decodeSection(bytes, raw, displayName));
            }
            return new Decoded(layout, newContainer(header, sections, displayName));
        } catch (Malformed m) {
            throw new ContainerFormatException(displayName, m.getMessage(), m.getCause());
        }
    }

    private static JsonObject parseHeader(byte[] bytes, Framing.Layout layout) throws Malformed {
        try {
            String json = Utf8.decode(bytes, layout.headerJsonOffset(), layout.headerJsonLength());
            return StrictJson.parseObject(json);
        } catch (CharacterCodingException e) {
            throw new Malformed("header is not valid UTF-8", e);
        } catch (Malformed m) {
            throw m.prefixed("header ");
        }
    }

    private static Section decodeSection(byte[] file, Framing.RawSection raw, String origin) throws Malformed {
        try {
            if (raw.codec() == Codec.NONE) {
                return Safetensors.decode(file, raw.storedOffset(), raw.storedLength(), raw.name(), origin);
            }
            byte[] payload = Deflate.inflate(file, raw.storedOffset(), raw.storedLength(), raw.uncompressedLength());
            return Safetensors.decode(payload, 0, payload.length, raw.name(), origin);
        } catch (Malformed m) {
            throw m.prefixed("section '" + raw.name() + "': ");
        }
    }

    /** Container re-checks the header (e.g. an escaped unpaired surrogate cannot be written back). */
    private static Container newContainer(JsonObject header, List<Section> sections, String origin)
            throws Malformed {
        try {
            return new Container(header, sections, origin);
        } catch (IllegalArgumentException e) {
            throw new Malformed(e.getMessage(), e);
        }
    }

    /** The whole file, once it is known to be a regular file no larger than {@link Format#MAX_READ_FILE_BYTES}. */
    private static byte[] readFile(Path file, String name) {
        long size = InputFiles.requireRegularFile(file);
        if (size > Format.MAX_READ_FILE_BYTES) {
            throw new ContainerFormatException(name, "file is " + size + " bytes; this reader handles at most "
                    + Format.MAX_READ_FILE_BYTES);
        }
        return InputFiles.readAll(file, Format.MAX_READ_FILE_BYTES, "an LGC file");
    }
}
