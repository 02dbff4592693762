package io.lgc.artifact.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Section payloads are plain safetensors, in both directions. */
class SafetensorsInteropTest {

    /**
     * Written by Python: safetensors 0.8.0, numpy 2.4 —
     * {@code save({"weight": arange(6, f32).reshape(2,3)/4, "half": [1.5,-2,65504] f16,
     * "ids": [-1, 2**40] i64, "flags": [0,255,7] u8, "small": [-128,127] i8, "f64": [pi],
     * "i32": [[-7]]}, metadata={"source": "python safetensors", "z": "1"})}.
     */
    private static final String PYTHON_PAYLOAD = "0AEAAAAAAAB7Il9fbWV0YWRhdGFfXyI6eyJzb3VyY2UiOiJweXRob24gc2FmZXRlbnNvcnMiLCJ6IjoiMSJ9LCJpZHMiOnsiZHR5cGUiOiJJNjQiLCJzaGFwZSI6WzJdLCJkYXRhX29mZnNldHMiOlswLDE2XX0sImY2NCI6eyJkdHlwZSI6IkY2NCIsInNoYXBlIjpbMV0sImRhdGFfb2Zmc2V0cyI6WzE2LDI0XX0sIndlaWdodCI6eyJkdHlwZSI6IkYzMiIsInNoYXBlIjpbMiwzXSwiZGF0YV9vZmZzZXRzIjpbMjQsNDhdfSwiaTMyIjp7ImR0eXBlIjoiSTMyIiwic2hhcGUiOlsxLDFdLCJkYXRhX29mZnNldHMiOls0OCw1Ml19LCJoYWxmIjp7ImR0eXBlIjoiRjE2Iiwic2hhcGUiOlszXSwiZGF0YV9vZmZzZXRzIjpbNTIsNThdfSwic21hbGwiOnsiZHR5cGUiOiJJOCIsInNoYXBlIjpbMl0sImRhdGFfb2Zmc2V0cyI6WzU4LDYwXX0sImZsYWdzIjp7ImR0eXBlIjoiVTgiLCJzaGFwZSI6WzNdLCJkYXRhX29mZnNldHMiOls2MCw2M119ff//////////AAAAAAABAAAYLURU+yEJQAAAAAAAAIA+AAAAPwAAQD8AAIA/AACgP/n///8APgDA/3uAfwD/Bw==";

    @Test
    void aPayloadWrittenByTheSafetensorsLibraryIsRead() {
        byte[] container = ForgedInputTest.withPayload(Base64.getDecoder().decode(PYTHON_PAYLOAD));
        Section s = ContainerReader.read(container, "py.lgc").section("s");

        assertThat(s.metadata()).containsExactly(Map.entry("source", "python safetensors"), Map.entry("z", "1"));
        assertThat(s.tensor("weight", DType.F32, 2, 3).toFloats()).containsExactly(0f, .25f, .5f, .75f, 1f, 1.25f);
        assertThat(s.tensor("half", DType.F16, 3).toFloats()).containsExactly(1.5f, -2f, 65504f);
        assertThat(s.tensor("ids", DType.I64, 2).toLongs()).containsExactly(-1L, 1L << 40);
        assertThat(s.tensor("flags", DType.U8, 3).toInts()).containsExactly(0, 255, 7);
        assertThat(s.tensor("small", DType.I8, 2).toInts()).containsExactly(-128, 127);
        assertThat(s.tensor("f64", DType.F64, 1).toDoubles()).containsExactly(Math.PI);
        assertThat(s.tensor("i32", DType.I32, 1, 1).toInts()).containsExactly(-7);
    }

    /** What the writer emits obeys safetensors' rules plus the alignment FORMAT.md promises. */
    @Test
    void writtenPayloadsAreAlignedPlainSafetensors() {
        byte[] file = ContainerWriter.toBytes(Fixtures.sample(), Codec.NONE);
        for (RawContainer.RawSection section : RawContainer.parse(file).sections) {
            byte[] payload = section.payload;
            long n = ByteCursor.readLittleEndian(payload, 0, 8);
            assertThat((8 + n) % 8).isZero();
            String json = new String(payload, 8, (int) n, StandardCharsets.UTF_8);
            assertThat(json).startsWith("{").matches("(?s).*[}] *");
            JsonObject header = JsonParser.parseString(json).getAsJsonObject();
            long covered = 0;
            for (String name : header.keySet()) {
                if (name.equals("__metadata__")) {
                    continue;
                }
                JsonObject entry = header.getAsJsonObject(name);
                long begin = entry.getAsJsonArray("data_offsets").get(0).getAsLong();
                long end = entry.getAsJsonArray("data_offsets").get(1).getAsLong();
                int size = DType.valueOf(entry.get("dtype").getAsString()).bytes();
                assertThat(begin % size).as("alignment of %s", name).isZero();
                covered += end - begin;
            }
            assertThat(covered).isEqualTo(payload.length - 8 - n);
        }
    }
}
