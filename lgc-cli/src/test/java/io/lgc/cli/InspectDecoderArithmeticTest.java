package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `lgc inspect` says how LGC computes a file's decoder, also for files written before the header key. */
class InspectDecoderArithmeticTest {
    @ParameterizedTest
    @CsvSource({"tiny-conv.lgc, layerwise", "tiny-conv-fused.lgc, fused"})
    void inspectPrintsTheDecoderArithmetic(String file, String arithmetic) throws Exception {
        CliRun text = CliRun.of("inspect", fixture(file).toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("decoder arithmetic: " + arithmetic + "\n");
        CliRun json = CliRun.of("inspect", fixture(file).toString(), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(o.get("decoder_arithmetic").getAsString()).isEqualTo(arithmetic);
        // the header holds the key only where the writer wrote it
        assertThat(o.getAsJsonObject("header").has("decoder_arithmetic")).isEqualTo(arithmetic.equals("fused"));
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(InspectDecoderArithmeticTest.class.getResource("/speed/" + name).toURI());
    }
}
