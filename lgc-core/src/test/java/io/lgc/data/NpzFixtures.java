package io.lgc.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds {@code .npy} arrays and {@code .npz} archives byte by byte, independently of the
 * production writer, so tests can forge any header and any dtype.
 */
final class NpzFixtures {
    private NpzFixtures() {}

    /** A version 1.0 .npy with the given header dict text (padded here) and body. */
    static byte[] npy(String dict, byte[] body) {
        return npy(1, dict, body);
    }

    static byte[] npy(int version, String dict, byte[] body) {
        int lengthBytes = version == 1 ? 2 : 4;
        int unpadded = 6 + 2 + lengthBytes + dict.length() + 1;
        String text = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer header = ByteBuffer.allocate(6 + 2 + lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
        if (version == 1) {
            header.putShort((short) text.length());
        } else {
            header.putInt(text.length());
        }
        return IdxFixtures.concat(header.array(), text.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    /** A header dict as NumPy writes it. */
    static String dict(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    static byte[] uint8Array(String shape, byte[] values) {
        return npy(dict("|u1", shape), values);
    }

    static byte[] int64Array(int... values) {
        ByteBuffer body = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            body.putLong(v);
        }
        return npy(dict("<i8", "(" + values.length + ",)"), body.array());
    }

    static byte[] float32Array(String shape, ByteOrder order, float... values) {
        ByteBuffer body = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            body.putFloat(v);
        }
        return npy(dict((order == ByteOrder.BIG_ENDIAN ? ">" : "<") + "f4", shape), body.array());
    }

    static byte[] float64Array(String shape, double... values) {
        ByteBuffer body = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            body.putDouble(v);
        }
        return npy(dict("<f8", shape), body.array());
    }

    /** NumPy's {@code <U width}: UTF-32LE, zero-padded. */
    static byte[] unicodeArray(int width, String... names) {
        ByteBuffer body = ByteBuffer.allocate(4 * width * names.length).order(ByteOrder.LITTLE_ENDIAN);
        for (String name : names) {
            int start = body.position();
            name.codePoints().forEach(body::putInt);
            body.position(start + 4 * width);
        }
        return npy(dict("<U" + width, "(" + names.length + ",)"), body.array());
    }

    /** Members in order, each {@code key + ".npy"}; deflated or stored. */
    static Path npz(Path file, boolean deflate, Map<String, byte[]> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                ZipEntry entry = new ZipEntry(member.getKey() + ".npy");
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(member.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(member.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(member.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Convenience: x and y (and more) in a stored archive. */
    static Path npz(Path file, Object... keysAndArrays) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (int i = 0; i < keysAndArrays.length; i += 2) {
            members.put((String) keysAndArrays[i], (byte[]) keysAndArrays[i + 1]);
        }
        return npz(file, false, members);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
