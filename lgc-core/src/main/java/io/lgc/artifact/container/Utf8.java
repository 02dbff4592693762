package io.lgc.artifact.container;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8. String.getBytes silently replaces unpaired surrogates with '?', and new
 * String(bytes) silently replaces malformed input with U+FFFD; either would let a name or
 * header change between write and read, so both directions report errors instead.
 */
final class Utf8 {
    private Utf8() {
    }

    /** UTF-8 bytes of {@code s}; IllegalArgumentException if it holds an unpaired surrogate. */
    static byte[] encode(String s, String what) {
        try {
            ByteBuffer buf = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid Unicode (unpaired surrogate)", e);
        }
    }

    /** Decodes well-formed UTF-8 or throws CharacterCodingException. */
    static String decode(byte[] bytes, int offset, int length) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, length))
                .toString();
    }
}
