package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.container.ContainerReader;
import io.lgc.artifact.container.NamedTensor;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * compress --int8-layers: an int4 decoder with some layers kept at int8 (a mixed decoder), stored as an int8 file
 * whose other weights lie on int4's 15 levels.
 */
class Int8LayersOptionTest extends QuickCompressFixture {
    private static final String[] AUTOENCODER = {"--decoder", "autoencoder", "--rounding-steps", "5"};

    private CliRun compress(String name, String... options) {
        return quick.to(dir.resolve(name), QuickCompress.concat(AUTOENCODER, options));
    }

    private static int largestLevel(NamedTensor t) {
        int largest = 0;
        for (byte q : t.data()) {
            largest = Math.max(largest, Math.abs(q));
        }
        return largest;
    }

    @Test
    void theLayersAskedForKeepInt8sGridAndEveryOtherWeightLiesOnInt4s() throws IOException {
        CliRun mixed = compress("mixed.lgc", "--precision", "int4", "--int8-layers", "0");
        assertThat(mixed.exitCode()).as(mixed.err()).isZero();
        assertThat(ArtifactFile.readVerified(dir.resolve("mixed.lgc")).header().getAsJsonObject("precision")
                .get("decoder").getAsString()).isEqualTo("int8");
        int others = 0;
        for (NamedTensor t : ContainerReader.read(dir.resolve("mixed.lgc")).section("decoder").tensors()) {
            if (t.name().equals("layers.0.weight")) {
                assertThat(largestLevel(t)).as(t.name()).isGreaterThan(7);
            } else if (t.name().endsWith(".weight")) {
                assertThat(largestLevel(t)).as(t.name()).isEqualTo(7);
                others++;
            }
        }
        assertThat(others).isPositive();
        JsonObject record = config(dir.resolve("mixed.lgc")).getAsJsonObject("rounding_tuning");
        assertThat(record.get("precision").getAsString()).isEqualTo("int4");
        assertThat(record.getAsJsonArray("int8_layers").toString()).isEqualTo("[0]");
        assertThat(mixed.err()).contains("tune for rounding: 5 steps");
        CliRun inspect = CliRun.of("inspect", dir.resolve("mixed.lgc").toString());
        assertThat(inspect.out()).containsPattern("precision: int8 decoder, [a-z0-9]+ mixtures \\(a mixed decoder: "
                + "layers [1-9][0-9]*(, [0-9]+)* on int4's grid\\)");
        CliRun json = CliRun.of("inspect", dir.resolve("mixed.lgc").toString(), "--json");
        JsonObject precision = com.google.gson.JsonParser.parseString(json.out()).getAsJsonObject()
                .getAsJsonObject("precision");
        assertThat(precision.getAsJsonArray("int4_grid_layers").asList()).isNotEmpty()
                .noneMatch(layer -> layer.getAsInt() == 0);
    }

    @Test
    void withoutRoundingStepsTheOtherLayersAreStillRoundedToInt4() throws IOException {
        CliRun mixed = quick.to(dir.resolve("untuned.lgc"), "--decoder", "autoencoder", "--rounding-steps", "0",
                "--precision", "int4", "--int8-layers", "0");
        assertThat(mixed.exitCode()).as(mixed.err()).isZero();
        assertThat(mixed.err()).doesNotContain("tune for rounding");
        for (NamedTensor t : ContainerReader.read(dir.resolve("untuned.lgc")).section("decoder").tensors()) {
            if (t.name().endsWith(".weight")) {
                assertThat(largestLevel(t)).as(t.name()).isEqualTo(t.name().equals("layers.0.weight") ? 127 : 7);
            }
        }
    }

    @Test
    void aMixedFileLiesBetweenTheInt4AndInt8FilesOfTheSameNetwork() throws IOException {
        CliRun mixed = compress("mixed.lgc", "--precision", "int4", "--int8-layers", "0");
        CliRun int4 = compress("int4.lgc", "--precision", "int4");
        CliRun int8 = compress("int8.lgc", "--precision", "int8");
        assertThat(mixed.exitCode() + int4.exitCode() + int8.exitCode()).isZero();
        assertThat(Files.size(dir.resolve("mixed.lgc"))).isGreaterThan(Files.size(dir.resolve("int4.lgc")))
                .isLessThan(Files.size(dir.resolve("int8.lgc")));
    }

    @Test
    void aLayerWithoutWeightsIsRefusedWithTheLayersThatHaveThemAndNothingIsWritten() {
        CliRun run = compress("relu.lgc", "--precision", "int4", "--int8-layers", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("lgc: --int8-layers: layer 1 has no weights to keep at int8; this"
                + " decoder's layers with weights are 0 (linear), ").doesNotContain("\n").doesNotContain("Exception");
        assertThat(run.err()).doesNotContain("autoencoder epoch"); // refused before training
        assertThat(dir.resolve("relu.lgc")).doesNotExist();
    }

    @Test
    void int8LayersNeedAnInt4DecoderThatTheyTrainAndNoBudget() {
        assertRefused(compress("int8.lgc", "--precision", "int8", "--int8-layers", "0"),
                "lgc: --int8-layers keeps some layers of an int4 decoder at int8; --precision is int8 (use --precision"
                        + " int4)");
        assertRefused(compress("neg.lgc", "--precision", "int4", "--int8-layers", "-1"), "--int8-layers");
        assertRefused(quick.to(dir.resolve("pca.lgc"), "--decoder", "pca", "--precision", "int4", "--int8-layers",
                "0"), "lgc: --int8-layers keeps layers of the autoencoder's decoder at int8; the pca decoder is one"
                + " layer: store it with --precision int8");
        assertRefused(quick.plain(dir.resolve("dp.lgc"), "--epsilon", "1", "--precision", "int4", "--int8-layers",
                "0"), "--int8-layers does not apply with --epsilon");
        assertRefused(quick.plain(dir.resolve("budget.lgc"), "--budget", "78400", "--int8-layers", "0"),
                "--int8-layers does not apply with --budget");
    }

    private void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).contains(message).doesNotContain("\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".lgc"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
