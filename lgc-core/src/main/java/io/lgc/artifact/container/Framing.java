package io.lgc.artifact.container;

import java.nio.charset.CharacterCodingException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The structural pass over a whole container file: magic, version, preamble, header record,
 * section records and trailer, with every length bounded and every checksum verified, but
 * nothing decompressed or parsed yet. Checks run in the order that gives the most specific
 * message: a damaged section is reported by its CRC32C (naming it) before the SHA-256
 * trailer, which catches everything else, is consulted.
 */
final class Framing {

    /** A section record whose checksums hold; its payload is {@code file[storedOffset, +storedLength)}. */
    record RawSection(String name, Codec codec, int storedOffset, int storedLength, int uncompressedLength,
            long recordBytes) {
    }

    /** Where everything is in a verified file. */
    record Layout(int major, int minor, long totalBytes, int headerJsonOffset, int headerJsonLength,
            List<RawSection> sections, byte[] sha256) {
        long headerBytes() {
            return Format.PREAMBLE_BYTES + Format.HEADER_FRAMING_BYTES + (long) headerJsonLength;
        }
    }

    private final byte[] file;

    private Framing(byte[] file) {
        this.file = file;
    }

    static Layout parse(byte[] file) throws Malformed {
        return new Framing(file).parse();
    }

    private Layout parse() throws Malformed {
        checkMagic();
        if (file.length < Format.VERSIONED_PREFIX_BYTES) {
            throw truncatedInPreamble();
        }
        int major = u16At(8);
        int minor = u16At(10);
        checkMajor(major, minor);
        long declaredLength = checkPreamble();
        checkEndMarker(declaredLength);
        int bodyEnd = (int) declaredLength - Format.TRAILER_BYTES;
        ByteCursor cursor = new ByteCursor(file, Format.PREAMBLE_BYTES, bodyEnd);
        int headerJsonLength = readHeaderRecord(cursor);
        int headerJsonOffset = Format.PREAMBLE_BYTES + 4;
        List<RawSection> sections = readSections(cursor, u32At(20));
        if (cursor.remaining() != 0) {
            throw new Malformed(cursor.remaining() + " bytes between the last section and the trailer belong to no section");
        }
        byte[] sha = checkSha256(bodyEnd);
        return new Layout(major, minor, declaredLength, headerJsonOffset, headerJsonLength, sections, sha);
    }

    // ---------------------------------------------------------------- preamble

    private void checkMagic() throws Malformed {
        if (file.length == 0) {
            throw new Malformed("empty file, not an LGC container");
        }
        int n = Math.min(file.length, Format.MAGIC.length);
        if (Arrays.equals(file, 0, n, Format.MAGIC, 0, n)) {
            if (n < Format.MAGIC.length) {
                throw truncatedInPreamble();
            }
            return;
        }
        boolean nameMatches = file.length >= 4 && file[1] == 'L' && file[2] == 'G' && file[3] == 'C';
        if (nameMatches && file[0] == 0x09) {
            throw new Malformed("signature byte 0x89 arrived as 0x09: the file passed through a 7-bit channel;"
                    + " transfer it again in binary mode");
        }
        if (nameMatches && file[0] == Format.MAGIC[0] && firstDifferenceIsLineEndingByte()) {
            throw new Malformed("signature bytes 4-7 should be 0d 0a 1a 0a, found " + hexPrefix(4, 4)
                    + ": line endings were converted, probably by a text-mode transfer; transfer it again in binary mode");
        }
        if (nameMatches && file[0] == Format.MAGIC[0]) {
            throw new Malformed("damaged signature: expected 89 4c 47 43 0d 0a 1a 0a, found " + hexPrefix(0, 8));
        }
        throw new Malformed("not an LGC container (starts with " + hexPrefix(0, 8) + ")");
    }

    /**
     * Text-mode transfers insert, drop or swap CR, LF and Ctrl-Z; so where such a transfer
     * first changes the signature, a line-ending byte stands (CR LF -> LF puts LF at byte 4,
     * LF -> CR LF puts CR at byte 5). Any other byte there is plain damage.
     */
    private boolean firstDifferenceIsLineEndingByte() {
        for (int i = 4; i < Math.min(file.length, Format.MAGIC.length); i++) {
            if (file[i] != Format.MAGIC[i]) {
                return file[i] == 0x0D || file[i] == 0x0A || file[i] == 0x1A;
            }
        }
        return false;
    }

    private String hexPrefix(int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(file.length, from + count); i++) {
            sb.append(i > from ? " " : "").append(String.format("%02x", file[i] & 0xff));
        }
        return sb.toString();
    }

    /** Runs before the preamble CRC: a future major may lay out everything after byte 12 differently. */
    private void checkMajor(int major, int minor) throws Malformed {
        if (major > Format.MAJOR) {
            throw new Malformed("written by a newer LGC, format " + major + ".x; this reader knows "
                    + Format.MAJOR + ".x");
        }
        if (major < Format.MAJOR) {
            throw new Malformed("format " + Format.version(major, minor) + " is not a version this reader knows ("
                    + Format.MAJOR + ".x)");
        }
    }

    /** Verifies the preamble CRC and that the file is exactly as long as declared; returns that length. */
    private long checkPreamble() throws Malformed {
        if (file.length < Format.PREAMBLE_BYTES) {
            throw truncatedInPreamble();
        }
        int stored = (int) u32At(Format.PREAMBLE_CHECKED_BYTES);
        int computed = Checksums.crc32c(file, 0, Format.PREAMBLE_CHECKED_BYTES);
        if (stored != computed) {
            throw new Malformed("preamble CRC32C mismatch (stored " + Checksums.hex32(stored) + ", computed "
                    + Checksums.hex32(computed) + ")");
        }
        long declared = ByteCursor.readLittleEndian(file, 12, 8);
        if (declared < Format.MIN_FILE_BYTES || declared > Format.MAX_ARRAY_BYTES) {
            throw new Malformed("preamble declares a file length of " + Long.toUnsignedString(declared)
                    + " bytes; this reader handles " + Format.MIN_FILE_BYTES + ".." + Format.MAX_ARRAY_BYTES);
        }
        if (file.length < declared) {
            throw new Malformed("truncated: header declares " + declared + " bytes, file ends after " + file.length);
        }
        if (file.length > declared) {
            throw new Malformed("trailing bytes after the end marker: file has " + file.length
                    + " bytes, header declares " + declared);
        }
        return declared;
    }

    private Malformed truncatedInPreamble() {
        return new Malformed("truncated: file ends after " + file.length + " bytes, inside the "
                + Format.PREAMBLE_BYTES + "-byte preamble");
    }

    private void checkEndMarker(long declaredLength) throws Malformed {
        int at = (int) declaredLength - Format.END_MARKER.length;
        if (!Arrays.equals(file, at, at + Format.END_MARKER.length, Format.END_MARKER, 0, Format.END_MARKER.length)) {
            throw new Malformed("end marker 'LGC!' missing at byte " + at + " (found " + hexPrefix(at, 4) + ")");
        }
    }

    // ---------------------------------------------------------------- header and sections

    /** u32 length, JSON, CRC32C over length and JSON; returns the JSON length. */
    private int readHeaderRecord(ByteCursor cursor) throws Malformed {
        int start = cursor.position();
        long length = cursor.u32("header length");
        cursor.skip(length, "header");
        int computed = Checksums.crc32c(file, start, cursor.position() - start);
        int stored = (int) cursor.u32("header CRC32C");
        if (stored != computed) {
            throw new Malformed("header CRC32C mismatch (stored " + Checksums.hex32(stored) + ", computed "
                    + Checksums.hex32(computed) + ")");
        }
        if (length > Format.MAX_HEADER_JSON_BYTES) {
            throw new Malformed("header JSON is " + length + " bytes; the limit is " + Format.MAX_HEADER_JSON_BYTES);
        }
        return (int) length;
    }

    private List<RawSection> readSections(ByteCursor cursor, long count) throws Malformed {
        if (count > Format.MAX_SECTIONS) {
            throw new Malformed("preamble declares " + count + " sections; the limit is " + Format.MAX_SECTIONS);
        }
        long fits = cursor.remaining() / Format.MIN_SECTION_RECORD_BYTES;
        if (count > fits) { // checked before anything is sized by count
            throw new Malformed("preamble declares " + count + " sections, the remaining " + cursor.remaining()
                    + " bytes can hold at most " + fits);
        }
        List<RawSection> sections = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long inflated = 0;
        for (int i = 0; i < count; i++) {
            RawSection s = readSection(cursor, i + 1);
            if (!names.add(s.name())) {
                throw new Malformed("two sections are named '" + s.name() + "'");
            }
            inflated += s.uncompressedLength();
            if (inflated > Format.MAX_INFLATED_BYTES) {
                throw new Malformed("sections declare " + inflated + " uncompressed bytes"
                        + (i == 0 ? "" : " up to section '" + s.name() + "'") + "; this reader inflates at most "
                        + Format.MAX_INFLATED_BYTES + " per file");
            }
            sections.add(s);
        }
        return sections;
    }

    /**
     * Frame (name length, name, codec, stored length, uncompressed length, frame CRC32C), then
     * payload and payload CRC32C. Until the frame CRC holds, the section is called by number.
     */
    private RawSection readSection(ByteCursor cursor, int number) throws Malformed {
        String where = "section #" + number;
        int start = cursor.position();
        int nameLength = cursor.u16(where + " name length");
        int nameOffset = cursor.skip(nameLength, where + " name");
        int codecCode = cursor.u8(where + " codec");
        long storedLength = cursor.u64(where + " stored length");
        long uncompressedLength = cursor.u64(where + " uncompressed length");
        int computedFrameCrc = Checksums.crc32c(file, start, cursor.position() - start);
        int storedFrameCrc = (int) cursor.u32(where + " frame CRC32C");
        if (storedFrameCrc != computedFrameCrc) {
            throw new Malformed(where + " frame CRC32C mismatch (stored " + Checksums.hex32(storedFrameCrc)
                    + ", computed " + Checksums.hex32(computedFrameCrc) + ")");
        }
        String name = sectionName(nameOffset, nameLength, where);
        String named = "section '" + name + "'";
        Codec codec = Codec.ofCode(codecCode);
        if (codec == null) {
            throw new Malformed(named + " uses codec " + codecCode + ", unknown to this reader (format "
                    + Format.version(Format.MAJOR, Format.MINOR) + " knows 0 = none, 1 = deflate)");
        }
        int payloadOffset = cursor.skip(storedLength, named + " payload");
        int computed = Checksums.crc32c(file, payloadOffset, (int) storedLength);
        int stored = (int) cursor.u32(named + " CRC32C");
        if (stored != computed) {
            throw new Malformed(named + " CRC32C mismatch (stored " + Checksums.hex32(stored) + ", computed "
                    + Checksums.hex32(computed) + ")");
        }
        int uncompressed = checkUncompressedLength(named, codec, storedLength, uncompressedLength);
        return new RawSection(name, codec, payloadOffset, (int) storedLength, uncompressed,
                cursor.position() - start);
    }

    private String sectionName(int offset, int length, String where) throws Malformed {
        if (length == 0 || length > Section.MAX_NAME_BYTES) {
            throw new Malformed(where + " name is " + length + " bytes; names take 1.." + Section.MAX_NAME_BYTES);
        }
        try {
            return Utf8.decode(file, offset, length);
        } catch (CharacterCodingException e) {
            throw new Malformed(where + " name is not valid UTF-8", e);
        }
    }

    /** Uncompressed sections must say so exactly; deflated ones cannot exceed deflate's ratio. */
    private static int checkUncompressedLength(String named, Codec codec, long stored, long declared)
            throws Malformed {
        if (codec == Codec.NONE) {
            if (declared != stored) {
                throw new Malformed(named + " is stored uncompressed but declares " + Long.toUnsignedString(declared)
                        + " uncompressed bytes for " + stored + " stored");
            }
            return (int) declared;
        }
        long ratioLimit = stored * Format.MAX_INFLATE_RATIO + Format.INFLATE_SLACK_BYTES;
        long limit = Math.min(ratioLimit, Format.MAX_ARRAY_BYTES - 1L);
        if (declared < 0 || declared > limit) {
            throw new Malformed(named + " declares " + Long.toUnsignedString(declared) + " uncompressed bytes from "
                    + stored + " stored; the limit is " + limit
                    + (limit == ratioLimit ? " (deflate expands at most 1032:1)" : " (2 GiB)"));
        }
        return (int) declared;
    }

    // ---------------------------------------------------------------- trailer

    private byte[] checkSha256(int bodyEnd) throws Malformed {
        MessageDigest sha = Checksums.sha256();
        sha.update(file, 0, bodyEnd);
        byte[] computed = sha.digest();
        byte[] stored = Arrays.copyOfRange(file, bodyEnd, bodyEnd + Format.SHA256_BYTES);
        if (!MessageDigest.isEqual(stored, computed)) {
            throw new Malformed("SHA-256 mismatch (stored " + Checksums.hex(stored).substring(0, 16) + "..., computed "
                    + Checksums.hex(computed).substring(0, 16) + "...)");
        }
        return computed;
    }

    private int u16At(int offset) {
        return (int) ByteCursor.readLittleEndian(file, offset, 2);
    }

    private long u32At(int offset) {
        return ByteCursor.readLittleEndian(file, offset, 4);
    }
}
