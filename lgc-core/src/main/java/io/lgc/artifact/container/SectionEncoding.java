package io.lgc.artifact.container;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One section record ready to write: frame (with its CRC32C), stored payload (the tensors'
 * own arrays when uncompressed: no copy), payload CRC32C.
 */
record SectionEncoding(String name, Codec codec, long uncompressedLength, long storedLength, List<ByteBuffer> parts) {

    static SectionEncoding of(Section section, Codec preference) {
        List<ByteBuffer> raw = Safetensors.encode(section);
        long rawLength = length(raw);
        if (rawLength > Format.MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException("section '" + section.name() + "' is " + rawLength
                    + " bytes; a container holds at most " + Format.MAX_ARRAY_BYTES);
        }
        List<ByteBuffer> stored = raw;
        Codec codec = Codec.NONE;
        if (preference != Codec.NONE) {
            // AUTO keeps deflate only if strictly smaller; the framing costs the same either way
            long limit = preference == Codec.DEFLATE ? Long.MAX_VALUE : rawLength - 1;
            byte[] deflated = Deflate.compress(raw, limit);
            if (deflated != null) {
                stored = List.of(ByteBuffer.wrap(deflated));
                codec = Codec.DEFLATE;
            }
        }
        return new SectionEncoding(section.name(), codec, rawLength, length(stored), frame(section.name(), codec,
                stored, rawLength));
    }

    private static List<ByteBuffer> frame(String name, Codec codec, List<ByteBuffer> stored, long rawLength) {
        byte[] nameBytes = Utf8.encode(name, "section name");
        ByteBuffer head = ByteBuffer.allocate(Format.SECTION_FIXED_FRAME_BYTES + nameBytes.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) nameBytes.length).put(nameBytes).put((byte) codec.code())
                .putLong(length(stored)).putLong(rawLength);
        head.putInt(Checksums.crc32c(head.array(), 0, head.position()));
        ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(Checksums.crc32c(stored));
        List<ByteBuffer> parts = new ArrayList<>(stored.size() + 2);
        parts.add(head.flip());
        stored.forEach(p -> parts.add(p.duplicate()));
        parts.add(tail.flip());
        return parts;
    }

    /** Bytes of the whole record as stored. */
    long recordBytes() {
        return length(parts);
    }

    static long length(List<ByteBuffer> parts) {
        long total = 0;
        for (ByteBuffer p : parts) {
            total += p.remaining();
        }
        return total;
    }
}
