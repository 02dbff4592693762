package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.VerifiedArtifact;
import io.lgc.network.FrequencyRings;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * compress --sharpen ends the decoder with a frequency gain fitted to the images, records how in the
 * provenance and says the gains; the file reconstructs; what it cannot apply to is refused in one line.
 */
class SharpenOptionTest extends QuickCompressFixture {
    @Test
    void theDecoderEndsInAGainPerRingThatTheFileRecordsAndReconstructUses() throws IOException {
        Path sharp = dir.resolve("sharp.lgc");
        Path plain = dir.resolve("plain.lgc");
        CliRun run = quick.to(sharp, "--sharpen");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sharpen: gain by ring of frequency (0 = the mean, 6 = the corners) 1.00 ");
        assertThat(quick.to(plain, "-q").exitCode()).isZero();

        VerifiedArtifact read = ArtifactFile.readVerified(sharp);
        NetworkSpec decoder = read.dataset().metadata().decoder();
        NetworkSpec without = ArtifactFile.read(plain).metadata().decoder();
        int rings = FrequencyRings.count(8, 8);
        assertThat(decoder.layers()).hasSize(without.layers().size() + 1)
                .startsWith(without.layers().toArray(Layer[]::new)).last().isEqualTo(new Layer.FrequencyGain(rings));
        assertThat(without.layers()).noneMatch(l -> l instanceof Layer.FrequencyGain);
        float[] gain = read.dataset().decoderWeights().get("layers." + without.layers().size() + ".gain");
        assertThat(gain).hasSize(rings);
        assertThat(gain[0]).isEqualTo(1f);
        for (float g : gain) {
            assertThat(g).isBetween(0f, 2f);
        }
        assertThat(config(sharp).getAsJsonObject("sharpening").get("real_images").getAsInt()).isEqualTo(60);
        assertThat(config(sharp).getAsJsonObject("sharpening").get("drawn_images").getAsInt()).isEqualTo(6000);
        assertThat(config(plain).has("sharpening")).isFalse();

        Path images = dir.resolve("images");
        CliRun back = CliRun.of("reconstruct", sharp.toString(), "-o", images.toString(), "--per-class", "4");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(images.resolve("train-images-idx3-ubyte.gz")).exists();
    }

    @Test
    void withEpsilonOrOnATableItIsRefusedInOneLineAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("refused.lgc");
        CliRun dp = quick.plain(out, "--epsilon", "1", "--sharpen");
        assertThat(dp.exitCode()).isEqualTo(2);
        assertThat(dp.err().strip()).isEqualTo("lgc: --sharpen fits the decoder to the real images' spectrum, which"
                + " --epsilon's guarantee does not cover");
        assertThat(out).doesNotExist();

        Path csv = dir.resolve("table.csv");
        StringBuilder rows = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i % 7).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Files.writeString(csv, rows);
        CliRun table = CliRun.of("compress", csv.toString(), "-o", out.toString(), "--sharpen");
        assertThat(table.exitCode()).isEqualTo(2);
        assertThat(table.err().strip()).startsWith("lgc: ").endsWith("table.csv: a table; --sharpen boosts the fine"
                + " detail of images").doesNotContain("\n");
        assertThat(out).doesNotExist();
        assertThat(List.of(dir.toFile().list())).noneMatch(name -> name.startsWith("refused"));
    }
}
