package io.lgc.artifact.container;

import static io.lgc.artifact.container.Rejections.allocatedDuring;
import static io.lgc.artifact.container.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Specific damaged or forged files, each aimed at one check; the test-side RawContainer
 * recomputes checksums, so a forged value reaches the check meant to catch it.
 */
class ForgedInputTest {
    private static final String NAME = "forged.lgc";
    private static final byte[] VALID = ContainerWriter.toBytes(Fixtures.sample(), Codec.AUTO);
    /** No single check may allocate anywhere near what a forged length asks for. */
    private static final long SMALL_ALLOCATION = 4L << 20;

    @BeforeAll
    static void warmUp() {
        ContainerReader.read(VALID, NAME); // class loading allocates; keep it out of the measurements
    }

    private static byte[] forge(Consumer<RawContainer> edit) {
        RawContainer raw = RawContainer.parse(VALID);
        edit.accept(raw);
        return raw.toBytes();
    }

    private static void assertRejectedCheaply(byte[] bytes, String expectedMessagePart) {
        long allocated = allocatedDuring(() -> assertRejected(bytes, NAME, expectedMessagePart));
        assertThat(allocated).as("bytes allocated").isLessThan(SMALL_ALLOCATION);
    }

    @Test
    void theFixtureItselfIsAccepted() {
        assertThat(ContainerReader.read(RawContainer.parse(VALID).toBytes(), NAME)).isEqualTo(Fixtures.sample());
        assertThat(RawContainer.parse(VALID).toBytes()).isEqualTo(VALID); // the test framing matches FORMAT.md
    }

    @Nested
    class Signature {
        @Test
        void emptyFile() {
            assertRejected(new byte[0], NAME, "empty file, not an LGC container");
        }

        @Test
        void otherFileType() {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
            assertRejected(png, NAME, "not an LGC container (starts with 89 50 4e 47 0d 0a 1a 0a)");
            assertRejected("{\"json\": true}".getBytes(StandardCharsets.UTF_8), NAME, "not an LGC container");
        }

        @Test
        void crLfConvertedToLf() {
            assertRejected(replace(VALID, new byte[] {0x0D, 0x0A}, new byte[] {0x0A}), NAME, "text-mode transfer");
        }

        @Test
        void lfConvertedToCrLf() {
            assertRejected(replace(VALID, new byte[] {0x0A}, new byte[] {0x0D, 0x0A}), NAME, "text-mode transfer");
        }

        @Test
        void highBitStripped() {
            byte[] stripped = VALID.clone();
            for (int i = 0; i < stripped.length; i++) {
                stripped[i] &= 0x7f;
            }
            assertRejected(stripped, NAME, "7-bit channel");
        }

        @Test
        void otherSignatureDamage() {
            byte[] damaged = VALID.clone();
            damaged[5] = 'x';
            assertRejected(damaged, NAME, "damaged signature");
        }

        @Test
        void truncatedInsideThePreamble() {
            assertRejected(Arrays.copyOf(VALID, 6), NAME, "truncated: file ends after 6 bytes, inside the 28-byte preamble");
            assertRejected(Arrays.copyOf(VALID, 11), NAME, "truncated: file ends after 11 bytes");
            assertRejected(Arrays.copyOf(VALID, 27), NAME, "truncated: file ends after 27 bytes");
        }
    }

    @Nested
    class Versions {
        @Test
        void newerMajorIsRejectedWhateverFollows() {
            byte[] v2 = forge(raw -> raw.major = 2);
            assertRejected(v2, NAME, "written by a newer LGC, format 2.x; this reader knows 1.x");
            byte[] future = Arrays.copyOf(v2, 40);
            Arrays.fill(future, 12, 40, (byte) 0xEE); // a 2.x layout may look like anything after byte 12
            assertThat(assertRejected(future, NAME).getMessage())
                    .isEqualTo(NAME + ": written by a newer LGC, format 2.x; this reader knows 1.x");
        }

        @Test
        void olderMajorZeroIsRejected() {
            assertRejected(forge(raw -> raw.major = 0), NAME, "format 0.1 is not a version this reader knows (1.x)");
        }

        @Test
        void higherMinorIsAccepted() {
            byte[] v17 = forge(raw -> raw.minor = 7);
            assertThat(ContainerReader.read(v17, NAME)).isEqualTo(Fixtures.sample());
            assertThat(ContainerReader.verify(v17, NAME).formatVersion()).isEqualTo("1.7");
        }
    }

    @Nested
    class Integrity {
        @Test
        void preambleDamage() {
            byte[] damaged = VALID.clone();
            damaged[20] ^= 1; // section count
            assertRejected(damaged, NAME, "preamble CRC32C mismatch (stored 0x");
        }

        @Test
        void truncationAndExtension() {
            assertThat(assertRejected(Arrays.copyOf(VALID, 512), NAME).getMessage())
                    .isEqualTo(NAME + ": truncated: header declares " + VALID.length + " bytes, file ends after 512");
            assertRejected(Arrays.copyOf(VALID, VALID.length + 3), NAME,
                    "trailing bytes after the end marker: file has " + (VALID.length + 3) + " bytes, header declares "
                            + VALID.length);
        }

        @Test
        void bytesAfterTheEndMarkerCountedIntoTheLength() {
            byte[] forged = forge(raw -> {
                raw.trailingGarbage = new byte[] {1, 2, 3, 4};
                raw.fileLength = (long) VALID.length + 4;
            });
            assertRejected(forged, NAME, "end marker 'LGC!' missing at byte " + VALID.length);
        }

        @Test
        void damagedEndMarker() {
            byte[] damaged = VALID.clone();
            damaged[damaged.length - 1] = '?';
            assertRejected(damaged, NAME, "end marker 'LGC!' missing");
        }

        @Test
        void damagedSha256() {
            byte[] damaged = VALID.clone();
            damaged[damaged.length - 10] ^= 1;
            assertRejected(damaged, NAME, "SHA-256 mismatch");
        }

        @Test
        void damagedHeaderJson() {
            byte[] damaged = VALID.clone();
            damaged[28 + 4 + 3] ^= 1;
            assertRejected(damaged, NAME, "header CRC32C mismatch");
        }

        @Test
        void damagedPayloadIsReportedByItsSectionName() {
            byte[] plain = ContainerWriter.toBytes(Fixtures.sample(), Codec.NONE);
            byte[] damaged = plain.clone();
            damaged[damaged.length - 36 - 4 - 100] ^= 1; // inside the last section, 'decoder'
            assertThat(assertRejected(damaged, NAME).getMessage())
                    .matches(NAME.replace(".", "\\.")
                            + ": section 'decoder' CRC32C mismatch \\(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\\)");
        }

        @Test
        void damagedSectionFrame() {
            RawContainer raw = RawContainer.parse(VALID);
            int firstNameAt = 28 + 4 + raw.headerJson.length + 4 + 2;
            byte[] damaged = VALID.clone();
            damaged[firstNameAt] ^= 1;
            assertRejected(damaged, NAME, "section #1 frame CRC32C mismatch");
        }
    }

    @Nested
    class ForgedLengths {
        @Test
        void headerLengthOfFourGigabytes() {
            assertRejectedCheaply(forge(raw -> raw.headerLength = 0xFFFFFFFFL), "header declares 4294967295 bytes, only");
        }

        @Test
        void sectionCountOfFourBillion() {
            assertRejectedCheaply(forge(raw -> raw.sectionCount = 0xFFFFFFFFL),
                    "preamble declares 4294967295 sections; the limit is 65536");
            assertRejectedCheaply(forge(raw -> raw.sectionCount = 1000L),
                    "preamble declares 1000 sections, the remaining");
        }

        @Test
        void hugeStoredLengths() {
            for (long forged : new long[] {Long.MAX_VALUE, -1, 1L << 40, 0xFFFFFFFFL}) {
                assertRejectedCheaply(forge(raw -> raw.sections.get(0).storedLength = forged),
                        "section 'mixtures' payload declares " + Long.toUnsignedString(forged) + " bytes, only");
            }
        }

        @Test
        void hugeFileLength() {
            assertRejectedCheaply(forge(raw -> raw.fileLength = Long.MAX_VALUE), "preamble declares a file length of");
            assertRejectedCheaply(forge(raw -> raw.fileLength = 10L), "preamble declares a file length of 10 bytes");
        }

        @Test
        void uncompressedLengthBeyondDeflatesRatio() {
            byte[] deflated = ContainerWriter.toBytes(Fixtures.sample(), Codec.DEFLATE);
            for (long forged : new long[] {1L << 40, -1, Integer.MAX_VALUE}) {
                RawContainer raw = RawContainer.parse(deflated);
                raw.section("labels").uncompressedLength = forged;
                assertRejectedCheaply(raw.toBytes(), "section 'labels' declares " + Long.toUnsignedString(forged)
                        + " uncompressed bytes from");
            }
        }

        /** Within the ratio, the lie is only found by inflating, which must not allocate the claim up front. */
        @Test
        void uncompressedLengthThatInflationDoesNotDeliver() {
            Container noise = new Container(new com.google.gson.JsonObject(), java.util.List.of(
                    new Section("noise", java.util.List.of(NamedTensor.ofUint8("n", new long[] {16384},
                            randomBytes(16384))))));
            RawContainer raw = RawContainer.parse(ContainerWriter.toBytes(noise, Codec.DEFLATE));
            RawContainer.RawSection section = raw.section("noise");
            section.uncompressedLength = section.payload.length * 1000L;
            assertThat(section.uncompressedLength).isGreaterThan(3 * SMALL_ALLOCATION);
            assertRejectedCheaply(raw.toBytes(), "deflate stream inflates to");
        }

        @Test
        void uncompressedSectionThatClaimsAnotherSize() {
            assertRejected(forge(raw -> raw.sections.get(2).uncompressedLength = 5), NAME,
                    "section 'decoder' is stored uncompressed but declares 5 uncompressed bytes");
        }

        @Test
        void safetensorsHeaderSizes() {
            for (long forged : new long[] {-1, Long.MAX_VALUE, 1L << 32, 100}) {
                byte[] payload = RawContainer.concat(RawContainer.u64(forged), "{}".getBytes(StandardCharsets.UTF_8));
                assertRejectedCheaply(withPayload(payload), "safetensors header declares " + Long.toUnsignedString(forged));
            }
            assertRejected(withPayload(new byte[5]), NAME, "too short for the 8-byte safetensors header size");
        }

        @Test
        void hugeShapes() {
            assertRejectedCheaply(tensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,4294967296],"
                    + "\"data_offsets\":[0,4]}}", 4), "needs more than 2^63");
            assertRejectedCheaply(tensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[1073741824],"
                    + "\"data_offsets\":[0,4294967296]}}", 4), "do not fit the 4-byte data region");
        }
    }

    @Nested
    class Framing {
        @Test
        void unknownCodec() {
            assertRejected(forge(raw -> raw.sections.get(1).codec = 7), NAME,
                    "section 'labels' uses codec 7, unknown to this reader (format 1.1 knows 0 = none, 1 = deflate)");
        }

        @Test
        void duplicateSectionNames() {
            assertRejected(forge(raw -> raw.sections.get(1).name = raw.sections.get(0).name.clone()), NAME,
                    "two sections are named 'mixtures'");
        }

        @Test
        void badSectionNames() {
            assertRejected(forge(raw -> raw.sections.get(0).name = new byte[0]), NAME, "section #1 name is 0 bytes");
            assertRejected(forge(raw -> raw.sections.get(0).name = new byte[] {'a', (byte) 0xFF}), NAME,
                    "section #1 name is not valid UTF-8");
            assertRejected(forge(raw -> raw.sections.get(0).name = new byte[256]), NAME, "section #1 name is 256 bytes");
        }

        @Test
        void sectionsThatDoNotFillTheBody() {
            byte[] forged = forge(raw -> raw.sectionCount = 2L);
            long decoderBytes = ContainerReader.verify(VALID, NAME).sectionBytes().get("decoder");
            assertRejected(forged, NAME, decoderBytes + " bytes between the last section and the trailer belong to no section");
        }

        @Test
        void deflateStreamsThatDoNotMatchTheirLength() {
            byte[] deflated = ContainerWriter.toBytes(Fixtures.sample(), Codec.DEFLATE);
            RawContainer raw = RawContainer.parse(deflated);
            raw.section("labels").uncompressedLength -= 1;
            assertRejected(raw.toBytes(), NAME, "deflate stream inflates to more than the declared");

            raw = RawContainer.parse(deflated);
            RawContainer.RawSection labels = raw.section("labels");
            labels.payload = RawContainer.concat(labels.payload, new byte[] {1, 2, 3});
            assertRejected(raw.toBytes(), NAME, "3 stray bytes after the deflate stream");

            raw = RawContainer.parse(deflated);
            labels = raw.section("labels");
            labels.payload = Arrays.copyOf(labels.payload, labels.payload.length / 2);
            assertRejected(raw.toBytes(), NAME, "section 'labels': deflate stream ends early");

            raw = RawContainer.parse(deflated);
            raw.section("labels").payload = new byte[] {1, 2, 3, 4, 5, 6};
            assertRejected(raw.toBytes(), NAME, "section 'labels': corrupt deflate stream");
        }
    }

    @Nested
    class HeaderJson {
        private byte[] withHeader(String json) {
            return forge(raw -> raw.headerJson = json.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void malformed() {
            assertRejected(withHeader("{\"a\":"), NAME, "header is not valid JSON");
            assertRejected(withHeader("{\"a\":NaN}"), NAME, "header is not valid JSON");
            assertRejected(withHeader("{'a':1}"), NAME, "header is not valid JSON");
            assertRejected(withHeader(""), NAME, "header is not valid JSON");
            assertRejected(withHeader("{} {}"), NAME, "header");
            assertRejected(forge(raw -> raw.headerJson = new byte[] {'{', '"', (byte) 0xC0, '"', ':', '1', '}'}), NAME,
                    "header is not valid UTF-8");
        }

        @Test
        void notAnObject() {
            assertRejected(withHeader("[1,2]"), NAME, "header is a JSON array, expected a JSON object");
            assertRejected(withHeader("\"text\""), NAME, "header is a JSON string, expected a JSON object");
        }

        @Test
        void duplicateKeys() {
            assertRejected(withHeader("{\"a\":{\"b\":1,\"b\":2}}"), NAME, "header has the key \"b\" twice");
        }

        @Test
        void deepNestingIsAnErrorNotAStackOverflow() {
            String deep = "{\"a\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";
            assertRejected(withHeader(deep), NAME, "Nesting limit");
        }

        @Test
        void unpairedSurrogateEscape() {
            assertRejected(withHeader("{\"a\":\"\\ud800\"}"), NAME, "unpaired surrogate");
        }

        @Test
        void controlCharactersInMessagesAreEscaped() {
            String message = assertRejected(withHeader("{\"line\\nbreak\":1,\"line\\nbreak\":2}"), NAME).getMessage();
            assertThat(message).doesNotContain("\n").contains("line\\u000abreak");
        }
    }

    @Nested
    class SafetensorsPayload {
        private static final String F32_AT_0_12 = "\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]";

        @Test
        void aForeignLayoutIsAccepted() {
            // another writer's choices: unsorted keys, data order unlike key order, null metadata, no padding
            String json = "{\"b\":{\"shape\":[2],\"dtype\":\"I32\",\"data_offsets\":[4,12]},"
                    + "\"__metadata__\":null,\"a\":{\"data_offsets\":[0,4],\"dtype\":\"F32\",\"shape\":[]}}";
            byte[] data = RawContainer.concat(RawContainer.u32(Float.floatToIntBits(1.5f)), RawContainer.u32(7),
                    RawContainer.u32(-8));
            Section s = ContainerReader.read(withPayload(RawContainer.safetensors(json, data)), NAME).section("s");
            assertThat(s.tensorNames()).containsExactly("b", "a");
            assertThat(s.tensor("a", DType.F32, new long[0]).toFloats()).containsExactly(1.5f);
            assertThat(s.tensor("b", DType.I32, 2).toInts()).containsExactly(7, -8);
            assertThat(s.metadata()).isEmpty();
        }

        @Test
        void layoutViolations() {
            assertRejected(tensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                    + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12), NAME, "leave a gap after byte 4");
            assertRejected(tensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                    + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), NAME, "overlap the previous tensor");
            assertRejected(tensors("{\"a\":{" + F32_AT_0_12 + "}}", 16), NAME,
                    "4 bytes at the end of the data region belong to no tensor");
            assertRejected(tensors("{\"a\":{" + F32_AT_0_12 + "}}", 8), NAME, "do not fit the 8-byte data region");
            assertRejected(tensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[12,0]}}", 12), NAME,
                    "data_offsets [12, 0] run backwards");
            assertRejected(tensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,12]}}", 12), NAME,
                    "span 12 bytes, but shape [2] of F32 needs 8");
        }

        @Test
        void entryViolations() {
            assertRejected(tensors("{\"a\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), NAME,
                    "tensor 'a' has dtype 'BF16', not one of [F64, F32, F16, I8, U8, I32, I64]");
            assertRejected(tensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[-3],\"data_offsets\":[0,12]}}", 12), NAME,
                    "holds -3, not a non-negative integer");
            assertRejected(tensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[3.0],\"data_offsets\":[0,12]}}", 12), NAME,
                    "holds 3.0, not a non-negative integer");
            assertRejected(tensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[\"3\"],\"data_offsets\":[0,12]}}", 12), NAME,
                    "is a JSON string, expected a JSON number");
            assertRejected(tensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12,12]}}", 12), NAME,
                    "data_offsets has more than 2 numbers");
            assertRejected(tensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0]}}", 12), NAME,
                    "data_offsets has 1 numbers, expected 2");
            assertRejected(tensors("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,12]}}", 12), NAME, "tensor 'a' lacks shape");
            assertRejected(tensors("{\"a\":{" + F32_AT_0_12 + ",\"extra\":1}}", 12), NAME, "unknown field 'extra'");
            assertRejected(tensors("{\"a\":{" + F32_AT_0_12 + ",\"dtype\":\"F32\"}}", 12), NAME, "field 'dtype' twice");
            assertRejected(tensors("{\"a\":{" + F32_AT_0_12 + "},\"a\":{" + F32_AT_0_12 + "}}", 12), NAME,
                    "safetensors header names 'a' twice");
            assertRejected(tensors("{\"\":{" + F32_AT_0_12 + "}}", 12), NAME, "a tensor has an empty name");
            assertRejected(tensors("{\"a\":{\"dtype\":\"U8\",\"shape\":[" + "1,".repeat(64) + "1],\"data_offsets\":[0,1]}}", 1),
                    NAME, "shape has more than 64 numbers");
            assertRejected(tensors("{\"a\":[1]}", 0), NAME, "tensor 'a' is a JSON array, expected a JSON object");
        }

        @Test
        void metadataViolations() {
            assertRejected(tensors("{\"__metadata__\":{\"k\":1}}", 0), NAME,
                    "__metadata__ value of 'k' is a JSON number, expected a JSON string");
            assertRejected(tensors("{\"__metadata__\":[]}", 0), NAME, "__metadata__ is a JSON array");
            assertRejected(tensors("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0), NAME, "__metadata__ has the key 'k' twice");
        }

        @Test
        void problemsNameTheSection() {
            assertRejected(tensors("{not json}", 0), NAME, "forged.lgc: section 's': safetensors header is not valid JSON");
            assertRejected(withPayload(RawContainer.concat(RawContainer.u64(2), new byte[] {(byte) 0xFF, '}'})), NAME,
                    "section 's': safetensors header is not valid UTF-8");
        }
    }

    /** A container whose only section 's' has this (uncompressed) payload, all checksums valid. */
    static byte[] withPayload(byte[] payload) {
        RawContainer raw = RawContainer.parse(VALID);
        raw.sections.clear();
        raw.sections.add(RawContainer.RawSection.plain("s", payload));
        return raw.toBytes();
    }

    /** A safetensors payload with this header JSON and {@code dataBytes} zero bytes of data. */
    static byte[] tensors(String json, int dataBytes) {
        return withPayload(RawContainer.safetensors(json, new byte[dataBytes]));
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.util.Random(n).nextBytes(bytes);
        return bytes;
    }

    static byte[] replace(byte[] bytes, byte[] from, byte[] to) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (i + from.length <= bytes.length && Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                out.writeBytes(to);
                i += from.length - 1;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }
}
