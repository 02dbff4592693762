package io.lgc.artifact.container;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A section payload in the safetensors layout: u64 LE header size N, N bytes of JSON, tensor
 * data. Written so that Python's safetensors and numpy read it unchanged; read so that nothing
 * in it is trusted before it is checked against the payload's real size.
 */
final class Safetensors {
    /** numpy (since 2.0) allows 64 dimensions; more is damage, and would cost memory to collect. */
    static final int MAX_DIMENSIONS = 64;

    private Safetensors() {
    }

    // ---------------------------------------------------------------- writing

    /**
     * The payload as buffers: size field plus header first, then each tensor's bytes (not
     * copied). Tensors keep their list order in the JSON, but their data is laid out by
     * descending element size (stable), so every tensor starts aligned to its element size.
     */
    static List<ByteBuffer> encode(Section section) {
        List<NamedTensor> dataOrder = new ArrayList<>(section.tensors());
        dataOrder.sort(Comparator.comparingInt((NamedTensor t) -> t.dtype().bytes()).reversed());
        Map<NamedTensor, long[]> offsets = new IdentityHashMap<>();
        long offset = 0;
        for (NamedTensor t : dataOrder) {
            offsets.put(t, new long[] {offset, offset + t.data().length});
            offset += t.data().length;
        }
        byte[] header = headerBytes(section, offsets);
        List<ByteBuffer> parts = new ArrayList<>(dataOrder.size() + 1);
        parts.add(ByteBuffer.wrap(header));
        for (NamedTensor t : dataOrder) {
            parts.add(ByteBuffer.wrap(t.data()));
        }
        return parts;
    }

    /** The 8-byte size field and the JSON, space-padded so the data region starts 8-aligned. */
    private static byte[] headerBytes(Section section, Map<NamedTensor, long[]> offsets) {
        byte[] json = Utf8.encode(headerJson(section, offsets), "section '" + section.name() + "' tensor header");
        int padding = (Format.SAFETENSORS_ALIGNMENT - json.length % Format.SAFETENSORS_ALIGNMENT)
                % Format.SAFETENSORS_ALIGNMENT;
        long size = (long) json.length + padding;
        if (size > Format.MAX_SAFETENSORS_HEADER_BYTES) {
            throw new IllegalArgumentException("section '" + section.name() + "': tensor header would be "
                    + size + " bytes; safetensors readers accept at most " + Format.MAX_SAFETENSORS_HEADER_BYTES);
        }
        ByteBuffer buf = ByteBuffer.allocate(8 + (int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(size).put(json);
        while (buf.hasRemaining()) {
            buf.put((byte) ' ');
        }
        return buf.array();
    }

    private static String headerJson(Section section, Map<NamedTensor, long[]> offsets) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setHtmlSafe(false);
            w.beginObject();
            if (!section.metadata().isEmpty()) {
                w.name(NamedTensor.METADATA_KEY).beginObject();
                for (Map.Entry<String, String> e : section.metadata().entrySet()) { // sorted
                    w.name(e.getKey()).value(e.getValue());
                }
                w.endObject();
            }
            for (NamedTensor t : section.tensors()) {
                w.name(t.name()).beginObject();
                w.name("dtype").value(t.dtype().name());
                w.name("shape").beginArray();
                for (long dim : t.shape()) {
                    w.value(dim);
                }
                w.endArray();
                long[] span = offsets.get(t);
                w.name("data_offsets").beginArray().value(span[0]).value(span[1]).endArray();
                w.endObject();
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- reading

    /** One header entry before its data is checked against the payload. */
    private record Entry(String name, DType dtype, long[] shape, long begin, long end) {
    }

    /** The tensors and metadata of a payload occupying {@code bytes[offset, offset + length)}. */
    static Section decode(byte[] bytes, int offset, int length, String sectionName, String origin)
            throws Malformed {
        if (length < 8) {
            throw new Malformed("payload is " + length + " bytes, too short for the 8-byte safetensors header size");
        }
        long headerSize = ByteCursor.readLittleEndian(bytes, offset, 8);
        long available = Math.min(length - 8L, Format.MAX_SAFETENSORS_HEADER_BYTES);
        if (headerSize < 0 || headerSize > available) {
            throw new Malformed("safetensors header declares " + Long.toUnsignedString(headerSize)
                    + " bytes, payload has " + (length - 8L) + " after the size field"
                    + (length - 8L > available ? " (limit " + available + ")" : ""));
        }
        String json;
        try {
            json = Utf8.decode(bytes, offset + 8, (int) headerSize);
        } catch (CharacterCodingException e) {
            throw new Malformed("safetensors header is not valid UTF-8", e);
        }
        requireObjectThenSpaces(json);
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = parseHeader(json, metadata);
        int dataStart = offset + 8 + (int) headerSize;
        int dataLength = length - 8 - (int) headerSize;
        checkLayout(entries, dataLength);
        List<NamedTensor> tensors = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            byte[] data = Arrays.copyOfRange(bytes, dataStart + (int) e.begin, dataStart + (int) e.end);
            tensors.add(build(e, data));
        }
        try {
            return new Section(sectionName, tensors, metadata, origin);
        } catch (IllegalArgumentException e) {
            throw new Malformed(e.getMessage(), e);
        }
    }

    /**
     * The layout the safetensors library writes and reads: '{' at the first byte, and after the
     * object only spaces as padding (no BOM, no leading whitespace, no newlines or tabs).
     */
    private static void requireObjectThenSpaces(String json) throws Malformed {
        if (json.isEmpty() || json.charAt(0) != '{') {
            throw new Malformed("safetensors header must start with '{', found "
                    + (json.isEmpty() ? "nothing" : String.format("U+%04X", json.codePointAt(0))));
        }
        int end = json.length();
        while (end > 0 && json.charAt(end - 1) == ' ') {
            end--;
        }
        if (json.charAt(end - 1) != '}') {
            throw new Malformed("safetensors header must end with '}' followed only by spaces, found "
                    + String.format("U+%04X", (int) json.charAt(end - 1)) + " before the padding");
        }
    }

    private static String unicode(String s) throws Malformed {
        try {
            return StrictJson.requireUnicode(s);
        } catch (Malformed m) {
            throw m.prefixed("safetensors header ");
        }
    }

    private static NamedTensor build(Entry e, byte[] data) throws Malformed {
        try {
            return new NamedTensor(e.name, e.dtype, e.shape, data);
        } catch (IllegalArgumentException ex) {
            throw new Malformed(ex.getMessage(), ex); // e.g. an escaped unpaired surrogate in the name
        }
    }

    private static List<Entry> parseHeader(String json, Map<String, String> metadata) throws Malformed {
        List<Entry> entries = new ArrayList<>();
        try {
            JsonReader r = StrictJson.reader(json);
            expect(r, JsonToken.BEGIN_OBJECT, "safetensors header");
            r.beginObject();
            Set<String> seen = new HashSet<>();
            while (r.hasNext()) {
                String key = unicode(r.nextName());
                if (!seen.add(key)) {
                    throw new Malformed("safetensors header names '" + Malformed.shorten(key) + "' twice");
                }
                if (key.equals(NamedTensor.METADATA_KEY)) {
                    readMetadata(r, metadata);
                } else {
                    entries.add(readEntry(r, key));
                }
            }
            r.endObject();
            StrictJson.requireEnd(r);
        } catch (IOException | RuntimeException e) {
            throw StrictJson.invalid(e).prefixed("safetensors header ");
        }
        return entries;
    }

    private static void readMetadata(JsonReader r, Map<String, String> metadata) throws IOException, Malformed {
        if (r.peek() == JsonToken.NULL) { // the safetensors library writes no metadata as null or omits it
            r.nextNull();
            return;
        }
        expect(r, JsonToken.BEGIN_OBJECT, NamedTensor.METADATA_KEY);
        r.beginObject();
        while (r.hasNext()) {
            String key = r.nextName();
            expect(r, JsonToken.STRING, NamedTensor.METADATA_KEY + " value of '" + Malformed.shorten(key) + "'");
            if (metadata.put(unicode(key), unicode(r.nextString())) != null) {
                throw new Malformed(NamedTensor.METADATA_KEY + " has the key '" + Malformed.shorten(key) + "' twice");
            }
        }
        r.endObject();
    }

    private static Entry readEntry(JsonReader r, String name) throws IOException, Malformed {
        String where = "tensor '" + Malformed.shorten(name) + "'";
        expect(r, JsonToken.BEGIN_OBJECT, where);
        DType dtype = null;
        long[] shape = null;
        long[] offsets = null;
        Set<String> seen = new HashSet<>();
        r.beginObject();
        while (r.hasNext()) {
            String field = r.nextName();
            if (!seen.add(field)) {
                throw new Malformed(where + " has the field '" + Malformed.shorten(field) + "' twice");
            }
            switch (field) {
                case "dtype" -> dtype = readDType(r, where);
                case "shape" -> shape = readLongs(r, where + " shape", MAX_DIMENSIONS);
                case "data_offsets" -> offsets = readLongs(r, where + " data_offsets", 2);
                default -> throw new Malformed(where + " has an unknown field '" + Malformed.shorten(field) + "'");
            }
        }
        r.endObject();
        if (dtype == null || shape == null || offsets == null) {
            String missing = dtype == null ? "dtype" : shape == null ? "shape" : "data_offsets";
            throw new Malformed(where + " lacks " + missing);
        }
        if (offsets.length != 2) {
            throw new Malformed(where + " data_offsets has " + offsets.length + " numbers, expected 2");
        }
        if (name.isEmpty()) {
            throw new Malformed("a tensor has an empty name");
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static DType readDType(JsonReader r, String where) throws IOException, Malformed {
        expect(r, JsonToken.STRING, where + " dtype");
        String name = r.nextString();
        DType dtype = DType.ofSafetensorsName(name);
        if (dtype == null) {
            throw new Malformed(where + " has dtype '" + Malformed.shorten(name) + "', not one of "
                    + Arrays.toString(DType.values()));
        }
        return dtype;
    }

    /** A JSON array of at most {@code max} non-negative integers written as plain digits. */
    private static long[] readLongs(JsonReader r, String where, int max) throws IOException, Malformed {
        expect(r, JsonToken.BEGIN_ARRAY, where);
        long[] values = new long[max];
        int count = 0;
        r.beginArray();
        while (r.hasNext()) {
            if (count == max) {
                throw new Malformed(where + " has more than " + max + " numbers");
            }
            expect(r, JsonToken.NUMBER, where);
            String digits = r.nextString();
            if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
                throw new Malformed(where + " holds " + Malformed.shorten(digits) + ", not a non-negative integer");
            }
            try {
                values[count++] = Long.parseLong(digits);
            } catch (NumberFormatException tooLarge) {
                throw new Malformed(where + " holds " + digits + ", too large", tooLarge);
            }
        }
        r.endArray();
        return Arrays.copyOf(values, count);
    }

    private static void expect(JsonReader r, JsonToken token, String where) throws IOException, Malformed {
        JsonToken actual = r.peek();
        if (actual != token) {
            throw new Malformed(where + " is " + StrictJson.describe(actual) + ", expected "
                    + StrictJson.describe(token));
        }
    }

    /**
     * safetensors' own rule: sorted by offset, the tensors tile the data region exactly, with
     * no gap, no overlap and nothing left over; and each span is its shape times its dtype size.
     */
    private static void checkLayout(List<Entry> entries, long dataLength) throws Malformed {
        List<Entry> byOffset = new ArrayList<>(entries);
        // as safetensors does: by (begin, end), so an empty tensor sorts before one starting where it sits
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expectedBegin = 0;
        for (Entry e : byOffset) {
            String where = "tensor '" + Malformed.shorten(e.name) + "' data_offsets [" + e.begin + ", " + e.end + "]";
            if (e.end < e.begin) {
                throw new Malformed(where + " run backwards");
            }
            if (e.begin < expectedBegin) {
                throw new Malformed(where + " overlap the previous tensor, which ends at " + expectedBegin);
            }
            if (e.begin > expectedBegin) {
                throw new Malformed(where + " leave a gap after byte " + expectedBegin);
            }
            if (e.end > dataLength) {
                throw new Malformed(where + " do not fit the " + dataLength + "-byte data region");
            }
            long needed = byteLength(e);
            if (needed != e.end - e.begin) {
                String neededText = needed < 0 ? "more than 2^63" : Long.toString(needed);
                throw new Malformed(where + " span " + (e.end - e.begin) + " bytes, but shape "
                        + Arrays.toString(e.shape) + " of " + e.dtype + " needs " + neededText);
            }
            expectedBegin = e.end;
        }
        if (expectedBegin != dataLength) {
            throw new Malformed((dataLength - expectedBegin) + " bytes at the end of the data region belong to no tensor");
        }
    }

    /** Bytes the shape needs, or -1 if that overflows a long. */
    private static long byteLength(Entry e) {
        try {
            return Math.multiplyExact(NamedTensor.elementCount(e.shape), e.dtype.bytes());
        } catch (ArithmeticException overflow) {
            return -1;
        }
    }
}
