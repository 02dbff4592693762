package io.lgc.artifact.container;

import java.nio.charset.StandardCharsets;

/** Byte-level constants of container format 1.x; docs/FORMAT.md is their prose version. */
public final class Format {
    /** PNG-style: high-bit byte, name, CR LF, DOS EOF, LF, so text-mode damage shows in the first 8 bytes. */
    public static final byte[] MAGIC = {(byte) 0x89, 'L', 'G', 'C', 0x0D, 0x0A, 0x1A, 0x0A};
    public static final int MAJOR = 1;
    /** 1.1 added table artifacts (header kind "table"), which a 1.0 reader refuses by their kind. */
    public static final int MINOR = 1;

    /** magic 8 + major 2 + minor 2 + file length 8 + section count 4 + CRC32C 4. */
    public static final int PREAMBLE_BYTES = 28;
    /** Bytes of the preamble covered by its CRC32C. */
    public static final int PREAMBLE_CHECKED_BYTES = 24;
    /** Magic and version: the only bytes whose meaning every future major version keeps. */
    public static final int VERSIONED_PREFIX_BYTES = 12;

    /** u32 JSON length + CRC32C; the JSON itself comes in between. */
    public static final int HEADER_FRAMING_BYTES = 8;

    /** name length u16 + codec u8 + stored u64 + uncompressed u64 + frame CRC32C, before the name bytes. */
    public static final int SECTION_FIXED_FRAME_BYTES = 2 + 1 + 8 + 8 + 4;
    /** Smallest possible section record: fixed frame, a 1-byte name, empty payload, payload CRC32C. */
    public static final int MIN_SECTION_RECORD_BYTES = SECTION_FIXED_FRAME_BYTES + 1 + 4;

    /**
     * Sections a container may have. Each costs the reader a few hundred bytes of objects for
     * as little as 28 bytes of file, so an uncapped count would let a forged file cost ten
     * times its size in memory.
     */
    public static final int MAX_SECTIONS = 1 << 16;
    /** The header is small metadata; more is damage or abuse, and parsed JSON costs ~10x its size. */
    public static final int MAX_HEADER_JSON_BYTES = 16 << 20;

    public static final byte[] END_MARKER = "LGC!".getBytes(StandardCharsets.US_ASCII);
    public static final int SHA256_BYTES = 32;
    public static final int TRAILER_BYTES = SHA256_BYTES + 4;

    public static final int MIN_FILE_BYTES = PREAMBLE_BYTES + HEADER_FRAMING_BYTES + 2 + TRAILER_BYTES;

    /** Java arrays cannot be larger; the format itself allows u64 lengths. */
    public static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    /**
     * Deflate cannot expand data by more than about 1032:1 (a 258-byte match costs at least 2
     * bits), so a declared uncompressed length beyond this ratio is a lie, not a big section.
     */
    public static final long MAX_INFLATE_RATIO = 1032;
    public static final long INFLATE_SLACK_BYTES = 1024;

    /**
     * Reader limits, far above what LGC writes (a decoder of a few MB), far below what would
     * exhaust memory: the file read whole is at most this large ...
     */
    public static final int MAX_READ_FILE_BYTES = 512 << 20;
    /**
     * ... and all its sections together declare at most this many uncompressed bytes, checked
     * before anything is inflated, so a deflate bomb is refused from its frames alone.
     */
    public static final long MAX_INFLATED_BYTES = 256L << 20;

    /** The safetensors library refuses headers above 100 MB; the writer stays readable by it. */
    public static final long MAX_SAFETENSORS_HEADER_BYTES = 100_000_000L;
    /** Header JSON is padded with spaces so tensor data starts 8-byte aligned in the payload. */
    public static final int SAFETENSORS_ALIGNMENT = 8;

    private Format() {
    }

    public static String version(int major, int minor) {
        return major + "." + minor;
    }
}
