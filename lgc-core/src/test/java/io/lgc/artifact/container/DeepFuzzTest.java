package io.lgc.artifact.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damage that keeps every checksum valid (the test recomputes them), as a buggy or hostile
 * writer would produce. It gets past the integrity checks into the JSON, safetensors and
 * inflate parsers. Some variants are still valid (a flipped bit in tensor data), so the rule
 * is: accepted, or ContainerFormatException naming the file; never anything else.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DeepFuzzTest {
    private static final String NAME = "deep/model.lgc";
    /** Per mutation kind; the plain damage fuzz (DamageFuzzTest) carries the 1,000-case minimum. */
    private static final int RUNS = 500;

    private final List<String> rejections = new ArrayList<>();

    private void fuzz(Codec codec, long seed, BiConsumer<RawContainer, Random> mutation) {
        Random random = new Random(seed);
        byte[] valid = ContainerWriter.toBytes(Fixtures.sample(), codec);
        for (int i = 0; i < RUNS; i++) {
            RawContainer raw = RawContainer.parse(valid);
            mutation.accept(raw, random);
            byte[] forged = raw.toBytes();
            try {
                ContainerReader.read(forged, NAME);
            } catch (ContainerFormatException expectedOften) {
                assertThat(expectedOften).isExactlyInstanceOf(ContainerFormatException.class);
                rejections.add(Rejections.checkMessage(expectedOften, NAME).getMessage());
            } catch (Throwable other) {
                throw new AssertionError("mutation " + i + " escaped as " + other, other);
            }
        }
    }

    private static RawContainer.RawSection anySection(RawContainer raw, Random random) {
        return raw.sections.get(random.nextInt(raw.sections.size()));
    }

    private static void flipByte(byte[] bytes, Random random) {
        if (bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
        }
    }

    @Test
    void flippedBytesInUncompressedPayloads() {
        fuzz(Codec.NONE, 21, (raw, random) -> flipByte(anySection(raw, random).payload, random));
        assertThat(rejections).anyMatch(m -> m.contains("safetensors header is not valid JSON"));
        assertThat(rejections).anyMatch(m -> m.contains("safetensors header declares"));
    }

    @Test
    void flippedBytesInTheSafetensorsJson() {
        fuzz(Codec.NONE, 22, (raw, random) -> {
            byte[] payload = anySection(raw, random).payload;
            int jsonLength = (int) ByteCursor.readLittleEndian(payload, 0, 8);
            payload[8 + random.nextInt(jsonLength)] ^= (byte) (1 + random.nextInt(255));
        });
        assertThat(rejections).hasSizeGreaterThan(RUNS / 2);
    }

    /** Rewrites one number in the JSON (a dimension or an offset) to something plausible or absurd. */
    @Test
    void rewrittenNumbersInTheSafetensorsJson() {
        String[] replacements = {"0", "1", "7", "-1", "1.5", "1e3", "4294967296", "9223372036854775807",
            "9223372036854775808", "18446744073709551615", "00", "99999999999999999999999"};
        fuzz(Codec.NONE, 23, (raw, random) -> {
            RawContainer.RawSection s = anySection(raw, random);
            int jsonLength = (int) ByteCursor.readLittleEndian(s.payload, 0, 8);
            String json = new String(s.payload, 8, jsonLength, StandardCharsets.UTF_8);
            List<int[]> numbers = new ArrayList<>();
            Matcher m = Pattern.compile("\\d+").matcher(json);
            while (m.find()) {
                numbers.add(new int[] {m.start(), m.end()});
            }
            int[] pick = numbers.get(random.nextInt(numbers.size()));
            String changed = json.substring(0, pick[0]) + replacements[random.nextInt(replacements.length)]
                    + json.substring(pick[1]);
            byte[] data = java.util.Arrays.copyOfRange(s.payload, 8 + jsonLength, s.payload.length);
            s.payload = RawContainer.safetensors(changed, data);
            s.uncompressedLength = s.payload.length;
        });
        assertThat(rejections).anyMatch(m -> m.contains("data_offsets"));
        assertThat(rejections).anyMatch(m -> m.contains("not a non-negative integer"));
    }

    @Test
    void truncatedPayloadsWithMatchingLengths() {
        fuzz(Codec.NONE, 24, (raw, random) -> {
            RawContainer.RawSection s = anySection(raw, random);
            s.payload = java.util.Arrays.copyOf(s.payload, random.nextInt(s.payload.length));
            s.uncompressedLength = s.payload.length;
        });
        assertThat(rejections).hasSize(RUNS);
    }

    @Test
    void flippedBytesInDeflateStreams() {
        fuzz(Codec.DEFLATE, 25, (raw, random) -> flipByte(anySection(raw, random).payload, random));
        assertThat(rejections).anyMatch(m -> m.contains("deflate"));
    }

    @Test
    void deflateStreamsOfDamagedPayloads() {
        fuzz(Codec.DEFLATE, 26, (raw, random) -> {
            RawContainer.RawSection s = anySection(raw, random);
            byte[] plain = inflate(s.payload, (int) s.uncompressedLength);
            flipByte(plain, random);
            if (random.nextBoolean()) {
                plain = java.util.Arrays.copyOf(plain, random.nextInt(plain.length + 1));
                s.uncompressedLength = random.nextBoolean() ? plain.length : s.uncompressedLength;
            }
            s.payload = deflate(plain);
        });
        assertThat(rejections).anyMatch(m -> m.contains("safetensors"));
    }

    @Test
    void flippedBytesInTheHeaderJson() {
        fuzz(Codec.AUTO, 27, (raw, random) -> flipByte(raw.headerJson, random));
        assertThat(rejections).anyMatch(m -> m.contains("header is not valid"));
    }

    @Test
    void randomLengthFieldsAndCodes() {
        long[] lengths = {0, 1, 7, 8, 1L << 31, (1L << 32) - 1, 1L << 40, Long.MAX_VALUE, -1};
        fuzz(Codec.AUTO, 28, (raw, random) -> {
            RawContainer.RawSection s = anySection(raw, random);
            long value = random.nextBoolean() ? lengths[random.nextInt(lengths.length)] : random.nextInt(5000);
            switch (random.nextInt(6)) {
                case 0 -> s.storedLength = value;
                case 1 -> s.uncompressedLength = value;
                case 2 -> s.codec = random.nextInt(256);
                case 3 -> raw.headerLength = value & 0xffffffffL;
                case 4 -> raw.sectionCount = value & 0xffffffffL;
                default -> raw.fileLength = value;
            }
        });
    }

    static byte[] inflate(byte[] zlib, int length) {
        try {
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(zlib);
            byte[] out = new byte[length];
            inflater.inflate(out);
            inflater.end();
            return out;
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater();
        deflater.setInput(plain);
        deflater.finish();
        byte[] buf = new byte[plain.length + 64];
        int n = deflater.deflate(buf);
        deflater.end();
        return java.util.Arrays.copyOf(buf, n);
    }
}
