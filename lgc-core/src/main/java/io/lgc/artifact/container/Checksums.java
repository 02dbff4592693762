package io.lgc.artifact.container;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/** CRC32C guards each record (and says which one is damaged); SHA-256 guards the whole file. */
final class Checksums {
    private Checksums() {
    }

    static int crc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static int crc32c(List<ByteBuffer> parts) {
        CRC32C crc = new CRC32C();
        parts.forEach(p -> crc.update(p.duplicate()));
        return (int) crc.getValue();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    static String hex32(int value) {
        return String.format("0x%08x", value);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
