package io.lgc.artifact.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes containers in format {@value Format#MAJOR}.{@value Format#MINOR}. Output is a pure
 * function of the container and codec preference (header keys sorted, metadata sorted, tensor
 * order kept), so equal input gives byte-identical files on the same JDK.
 */
public final class ContainerWriter {
    private ContainerWriter() {
    }

    /**
     * Atomically creates or replaces {@code file}. Content problems (a section too large) throw
     * IllegalArgumentException before anything touches the disk; I/O problems throw IOException
     * and leave neither a partial file nor a temporary file behind.
     */
    public static WriteReport write(Path file, Container container, Codec preference) throws IOException {
        Encoded encoded = encode(container, preference);
        try {
            AtomicFiles.write(file, encoded.parts());
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e, e);
        }
        return encoded.report(file);
    }

    /** The bytes {@link #write} would write. */
    public static byte[] toBytes(Container container, Codec preference) {
        Encoded encoded = encode(container, preference);
        ByteBuffer all = ByteBuffer.allocate((int) encoded.totalBytes());
        encoded.parts().forEach(p -> all.put(p.duplicate()));
        return all.array();
    }

    private record Encoded(List<ByteBuffer> parts, long totalBytes, long headerBytes, List<SectionEncoding> sections,
            byte[] sha256) {
        WriteReport report(Path file) {
            Map<String, Long> sizes = new LinkedHashMap<>();
            Map<String, String> codecs = new LinkedHashMap<>();
            Map<String, Long> uncompressed = new LinkedHashMap<>();
            for (SectionEncoding s : sections) {
                sizes.put(s.name(), s.recordBytes());
                codecs.put(s.name(), s.codec().label());
                uncompressed.put(s.name(), s.uncompressedLength());
            }
            return new WriteReport(file, totalBytes, headerBytes, sizes, codecs, uncompressed, Checksums.hex(sha256));
        }
    }

    private static Encoded encode(Container container, Codec preference) {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(preference, "preference");
        ByteBuffer header = headerRecord(CanonicalJson.toUtf8(container.header(), "header"));
        List<SectionEncoding> sections = new ArrayList<>();
        long total = Format.PREAMBLE_BYTES + header.remaining() + Format.TRAILER_BYTES;
        for (Section s : container.sections()) {
            SectionEncoding e = SectionEncoding.of(s, preference);
            sections.add(e);
            total += e.recordBytes();
        }
        if (total > Format.MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException("container would be " + total + " bytes; readers of format "
                    + Format.MAJOR + ".x hold at most " + Format.MAX_ARRAY_BYTES);
        }
        List<ByteBuffer> parts = new ArrayList<>();
        parts.add(preamble(total, sections.size()));
        parts.add(header);
        sections.forEach(s -> parts.addAll(s.parts()));
        byte[] sha = sha256(parts);
        parts.add(ByteBuffer.wrap(sha));
        parts.add(ByteBuffer.wrap(Format.END_MARKER));
        return new Encoded(parts, total, Format.PREAMBLE_BYTES + (long) header.remaining(), sections, sha);
    }

    private static ByteBuffer preamble(long totalBytes, int sectionCount) {
        ByteBuffer buf = ByteBuffer.allocate(Format.PREAMBLE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(Format.MAGIC).putShort((short) Format.MAJOR).putShort((short) Format.MINOR)
                .putLong(totalBytes).putInt(sectionCount);
        buf.putInt(Checksums.crc32c(buf.array(), 0, Format.PREAMBLE_CHECKED_BYTES));
        return buf.flip();
    }

    private static ByteBuffer headerRecord(byte[] json) {
        if (json.length > Format.MAX_HEADER_JSON_BYTES) {
            throw new IllegalArgumentException("header JSON is " + json.length + " bytes; the limit is "
                    + Format.MAX_HEADER_JSON_BYTES);
        }
        ByteBuffer buf = ByteBuffer.allocate(Format.HEADER_FRAMING_BYTES + json.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(json.length).put(json);
        buf.putInt(Checksums.crc32c(buf.array(), 0, buf.position()));
        return buf.flip();
    }

    private static byte[] sha256(List<ByteBuffer> parts) {
        MessageDigest sha = Checksums.sha256();
        parts.forEach(p -> sha.update(p.duplicate()));
        return sha.digest();
    }
}
