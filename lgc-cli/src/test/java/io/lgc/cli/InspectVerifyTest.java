package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.container.Codec;
import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.ContainerReader;
import io.lgc.artifact.container.ContainerWriter;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.Precision;
import io.lgc.artifact.container.Section;
import io.lgc.artifact.StrictnessCases;
import io.lgc.artifact.TinyArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** lgc inspect --verify (exit 0 only for an intact file) and --json (header and part sizes). */
class InspectVerifyTest {
    @TempDir
    Path dir;

    private Path written(Precision precision) {
        Path file = dir.resolve(precision.label() + ".lgc");
        ArtifactFile.write(file, TinyArtifacts.tiny(), precision);
        return file;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void anIntactFileVerifiesWithExitZero(Precision precision) {
        Path file = written(precision);
        CliRun run = CliRun.of("inspect", "--verify", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(file + ": OK");
    }

    @Test
    void verificationRefusesClassNamesThatReconstructCouldNotWrite() throws IOException {
        List<StrictnessCases> names = StrictnessCases.all().stream().filter(c -> c.rule().equals("S8")).toList();
        assertThat(names).hasSizeGreaterThan(4);
        for (StrictnessCases c : names) {
            Path file = dir.resolve("names.lgc");
            Files.write(file, c.file());
            CliRun verify = CliRun.of("inspect", "--verify", file.toString());
            if (!c.accepted()) {
                assertThat(verify.exitCode()).as("%s: %s", c, verify.out()).isEqualTo(ExitCodes.BAD_INPUT);
                assertThat(verify.out().strip()).as(c.toString()).startsWith(file + ": FAILED: invalid header: ")
                        .contains(c.javaMessage());
                continue;
            }
            assertThat(verify.exitCode()).as("%s: %s", c, verify.out()).isZero();
            for (String format : List.of("idx", "npz")) { // png holds 1 or 3 channels, not 2
                Path out = dir.resolve(format);
                CliRun run = CliRun.of("reconstruct", file.toString(), "-o", out.toString(), "--per-class", "2",
                        "--format", format);
                assertThat(run.exitCode()).as("%s as %s: %s", c, format, run.err()).isZero();
            }
        }
    }

    @Test
    void aFlippedBitAnywhereFailsWithExitTwoAndSaysWhere() throws IOException {
        Path good = written(Precision.INT8);
        byte[] bytes = Files.readAllBytes(good);
        // spread over the file: preamble, header, both sections, trailer
        for (int at : new int[] {13, 200, bytes.length / 3, bytes.length / 2, bytes.length - 100, bytes.length - 20}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x10;
            Path file = dir.resolve("damaged-" + at + ".lgc");
            Files.write(file, damaged);
            CliRun run = CliRun.of("inspect", "--verify", file.toString());
            assertThat(run.exitCode()).as("flip at %d: %s", at, run.out()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.out()).startsWith(file + ": FAILED: ").doesNotContain(": OK");
        }
        byte[] damaged = bytes.clone();
        damaged[bytes.length / 2] ^= 1;
        Path file = dir.resolve("middle.lgc");
        Files.write(file, damaged);
        assertThat(CliRun.of("inspect", "--verify", file.toString()).out()).contains("section 'decoder'")
                .containsIgnoringCase("crc32c");
    }

    @Test
    void aTruncatedFileFails() throws IOException {
        byte[] bytes = Files.readAllBytes(written(Precision.FP16));
        Path file = dir.resolve("short.lgc");
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
        CliRun run = CliRun.of("inspect", "--verify", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).contains("FAILED").contains("truncated");
    }

    @Test
    void damageBehindValidChecksumsIsFoundByTheLgcChecks() throws IOException {
        Container c = ContainerReader.read(written(Precision.INT8));
        float[] scales = c.section("decoder").tensor("layers.4.weight.scale").toFloats();
        scales[2] = -scales[2];
        Path file = dir.resolve("negative-scale.lgc");
        ContainerWriter.write(file, replaced(c, "decoder", NamedTensor.ofFloats("layers.4.weight.scale",
                new long[] {8}, scales)), Codec.AUTO);

        CliRun run = CliRun.of("inspect", "--verify", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).contains("FAILED").contains("layers.4.weight.scale").contains("channel 2");
    }

    @Test
    void aDecoderThatDoesNotRunFailsOnlyUnderVerify() throws IOException {
        // finite weights whose products overflow: inf - inf = NaN reaches the output
        Container c = ContainerReader.read(written(Precision.FP32));
        float[] huge = new float[72 * 4];
        Arrays.fill(huge, 3e38f);
        Path file = dir.resolve("overflowing.lgc");
        ContainerWriter.write(file, replaced(c, "decoder", NamedTensor.ofFloats("layers.0.weight",
                new long[] {72, 4}, huge)), Codec.AUTO);

        assertThat(CliRun.of("inspect", file.toString()).exitCode()).isZero(); // structurally fine
        CliRun run = CliRun.of("inspect", "--verify", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).contains("FAILED").contains("decoder output").contains("NaN");
    }

    @Test
    void aMissingFileIsAnOrdinaryErrorNotAVerdict() {
        CliRun run = CliRun.of("inspect", "--verify", dir.resolve("none.lgc").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("none.lgc").contains("no such file");
    }

    @Test
    void jsonHasTheHeaderAndPartSizesThatAddUp() throws IOException {
        Path file = written(Precision.INT8);
        CliRun run = CliRun.of("inspect", "--json", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\n  \""); // pretty-printed

        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(o.get("file").getAsString()).isEqualTo(file.toString());
        assertThat(o.get("format_version").getAsString()).isEqualTo("1.1");
        assertThat(o.get("sha256").getAsString()).hasSize(64);
        assertThat(o.has("verified")).isFalse();
        assertThat(o.getAsJsonObject("precision").get("decoder").getAsString()).isEqualTo("int8");
        JsonObject header = o.getAsJsonObject("header");
        assertThat(header.get("latent_dim").getAsInt()).isEqualTo(TinyArtifacts.LATENT);
        assertThat(header.getAsJsonObject("precision").get("mixtures").getAsString()).isEqualTo("fp16");
        assertThat(header.getAsJsonArray("classes")).hasSize(3);
        assertThat(header.has("provenance")).as("put back from section 'about'").isTrue();

        JsonObject parts = o.getAsJsonObject("parts");
        long total = parts.get("total_bytes").getAsLong();
        assertThat(total).isEqualTo(Files.size(file));
        JsonObject sections = parts.getAsJsonObject("sections");
        assertThat(sections.keySet()).containsExactly("mixtures", "decoder", "about");
        long sum = parts.get("header_bytes").getAsLong() + parts.get("trailer_bytes").getAsLong();
        for (String name : sections.keySet()) {
            JsonObject s = sections.getAsJsonObject(name);
            assertThat(s.get("codec").getAsString()).isIn("none", "deflate");
            assertThat(s.get("uncompressed_bytes").getAsLong()).isPositive();
            sum += s.get("bytes").getAsLong();
        }
        assertThat(sum).isEqualTo(total);
        assertThat(sections.getAsJsonObject("decoder").get("tensors").getAsInt()).isEqualTo(4 * 3 + 1); // 4 layers: weight, scale, bias; a gain
        assertThat(sections.getAsJsonObject("about").get("tensors").getAsInt()).isZero();
    }

    @Test
    void jsonWithVerifySaysSo() {
        CliRun run = CliRun.of("inspect", "--json", "--verify", written(Precision.FP16).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JsonParser.parseString(run.out()).getAsJsonObject().get("verified").getAsBoolean()).isTrue();
    }

    @Test
    void plainInspectShowsThePrecision() {
        CliRun run = CliRun.of("inspect", written(Precision.INT8).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("precision: int8 decoder, fp16 mixtures").contains("sha256: ");
    }

    private static Container replaced(Container c, String section, NamedTensor tensor) {
        List<Section> sections = new ArrayList<>();
        for (Section s : c.sections()) {
            if (!s.name().equals(section)) {
                sections.add(s);
                continue;
            }
            List<NamedTensor> tensors = new ArrayList<>();
            s.tensors().forEach(t -> tensors.add(t.name().equals(tensor.name()) ? tensor : t));
            sections.add(new Section(s.name(), tensors, s.metadata()));
        }
        return new Container(c.header(), sections);
    }
}
