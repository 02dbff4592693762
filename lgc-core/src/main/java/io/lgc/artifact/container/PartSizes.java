package io.lgc.artifact.container;

import java.util.Map;

/**
 * How a container file's bytes divide into parts, as both the writer and the verifier report
 * them, so that {@code lgc inspect} can show either. Section maps are in file order.
 * {@code totalBytes == headerBytes + sum(sectionBytes) + trailerBytes} always holds.
 */
public interface PartSizes {
    /** Size of the whole file. */
    long totalBytes();

    /** Preamble plus header record: everything before the first section. */
    long headerBytes();

    /** Stored size of each section record, framing and checksums included. */
    Map<String, Long> sectionBytes();

    /** Codec of each section: "none" or "deflate". */
    Map<String, String> sectionCodecs();

    /** Size of each section's safetensors payload after decompression. */
    Map<String, Long> sectionUncompressedBytes();

    /** SHA-256 of the file up to its trailer, lower-case hex: also a content fingerprint. */
    String sha256();

    /** The SHA-256 and end marker at the end of the file. */
    default long trailerBytes() {
        return Format.TRAILER_BYTES;
    }
}
