package io.lgc.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Checks the CRC of every chunk of a PNG file, which the JDK's PNG decoder does not: a flipped bit
 * in the pixel data would otherwise decode silently into wrong pixels. Streams the file once with
 * a fixed buffer, whatever lengths the chunks declare.
 */
final class PngChunks {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final int BUFFER = 1 << 16;

    private PngChunks() {}

    static boolean hasSignature(byte[] start) {
        return start.length >= SIGNATURE.length && Arrays.equals(start, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length);
    }

    /**
     * Null when every chunk up to IEND holds its CRC, else what is wrong. {@code in} is positioned
     * after the signature.
     */
    static String problem(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, BUFFER));
        byte[] buffer = new byte[BUFFER];
        byte[] type = new byte[4];
        long offset = SIGNATURE.length;
        try {
            while (true) {
                long length = Integer.toUnsignedLong(data.readInt());
                if (length > Integer.MAX_VALUE) {
                    return "chunk at byte " + offset + " declares " + length + " bytes, more than PNG allows";
                }
                data.readFully(type);
                CRC32 crc = new CRC32();
                crc.update(type);
                for (long left = length; left > 0; ) {
                    int n = (int) Math.min(left, buffer.length);
                    data.readFully(buffer, 0, n);
                    crc.update(buffer, 0, n);
                    left -= n;
                }
                int stored = data.readInt();
                int computed = (int) crc.getValue();
                String name = new String(type, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (stored != computed) {
                    return "PNG chunk " + name + " at byte " + offset + " fails its CRC (stored "
                            + String.format("%08x", stored) + ", computed " + String.format("%08x", computed)
                            + "): the file is damaged";
                }
                if (name.equals("IEND")) {
                    return null;
                }
                offset += 12 + length;
            }
        } catch (EOFException e) {
            return "truncated PNG: the file ends inside the chunk at byte " + offset + ", before IEND";
        }
    }
}
