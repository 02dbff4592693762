package io.lgc.artifact.container;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A second, independent implementation of the container framing, written from docs/FORMAT.md
 * for tests. It parses any well-formed file into editable fields and rebuilds it with every
 * checksum recomputed, so tests can forge files that pass all integrity checks and reach the
 * deeper validation (or carry deliberately impossible lengths). Fields left null are computed.
 */
public final class RawContainer {
    public static final byte[] MAGIC = {(byte) 0x89, 'L', 'G', 'C', 0x0D, 0x0A, 0x1A, 0x0A};

    public int major = 1;
    public int minor = 0;
    public Long fileLength;
    public Long sectionCount;
    public Long headerLength;
    public byte[] headerJson;
    public final List<RawSection> sections = new ArrayList<>();
    /** Appended after the end marker (while fileLength stays computed without it). */
    public byte[] trailingGarbage = new byte[0];

    public static final class RawSection {
        public byte[] name;
        public int codec;
        public Long storedLength;
        public long uncompressedLength;
        public byte[] payload;

        public RawSection(String name, int codec, long uncompressedLength, byte[] payload) {
            this.name = name.getBytes(StandardCharsets.UTF_8);
            this.codec = codec;
            this.uncompressedLength = uncompressedLength;
            this.payload = payload;
        }

        /** An uncompressed section around a safetensors payload. */
        public static RawSection plain(String name, byte[] payload) {
            return new RawSection(name, 0, payload.length, payload);
        }
    }

    public static RawContainer of(Container c, Codec codec) {
        return parse(ContainerWriter.toBytes(c, codec));
    }

    /** Parses a file that is known to be well-formed (no validation beyond what parsing needs). */
    public static RawContainer parse(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        RawContainer raw = new RawContainer();
        in.position(8);
        raw.major = Short.toUnsignedInt(in.getShort());
        raw.minor = Short.toUnsignedInt(in.getShort());
        in.getLong();
        long count = Integer.toUnsignedLong(in.getInt());
        in.getInt();
        raw.headerJson = new byte[in.getInt()];
        in.get(raw.headerJson);
        in.getInt();
        for (long i = 0; i < count; i++) {
            byte[] name = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(name);
            int codec = Byte.toUnsignedInt(in.get());
            byte[] payload = new byte[(int) in.getLong()];
            long uncompressed = in.getLong();
            in.getInt();
            in.get(payload);
            in.getInt();
            RawSection s = new RawSection("", codec, uncompressed, payload);
            s.name = name;
            raw.sections.add(s);
        }
        return raw;
    }

    public RawSection section(String name) {
        return sections.stream().filter(s -> Arrays.equals(s.name, name.getBytes(StandardCharsets.UTF_8)))
                .findFirst().orElseThrow();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] headerRecord = concat(u32(headerLength != null ? headerLength : headerJson.length), headerJson);
        write(body, headerRecord, u32(crc(headerRecord)));
        for (RawSection s : sections) {
            byte[] frame = concat(u16(s.name.length), s.name, new byte[] {(byte) s.codec},
                    u64(s.storedLength != null ? s.storedLength : s.payload.length), u64(s.uncompressedLength));
            write(body, frame, u32(crc(frame)), s.payload, u32(crc(s.payload)));
        }
        long total = 28L + body.size() + 36;
        byte[] preamble = concat(MAGIC, u16(major), u16(minor), u64(fileLength != null ? fileLength : total),
                u32(sectionCount != null ? sectionCount : sections.size()));
        byte[] beforeTrailer = concat(preamble, u32(crc(preamble)), body.toByteArray());
        return concat(beforeTrailer, sha256(beforeTrailer), "LGC!".getBytes(StandardCharsets.US_ASCII),
                trailingGarbage);
    }

    // ---------------------------------------------------------------- little helpers, also for tests

    /** A safetensors payload: u64 LE header size, the JSON as given, the data. */
    public static byte[] safetensors(String json, byte[] data) {
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        return concat(u64(j.length), j, data);
    }

    public static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static byte[] u16(long v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }

    public static byte[] u32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    public static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, parts);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, byte[]... parts) {
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
    }
}
