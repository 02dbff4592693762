package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** compress --decoder auto (the default): PCA for a small image set unless an autoencoder is asked for. */
class AutoDecoderTest extends QuickCompressFixture {
    private static String decoderOf(Path file) {
        return ArtifactFile.read(file).metadata().provenance().getAsJsonObject("config").get("decoder").getAsString();
    }

    @Test
    void aSmallImageSetTakesThePcaBasisAndSaysSo() {
        Path out = dir.resolve("default.lgc");
        CliRun run = quick.plain(out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("decoder: pca, the default for fewer than 2,000 images (60 here);"
                + " --decoder autoencoder trains one");
        assertThat(run.err()).doesNotContain("autoencoder epoch");
        assertThat(decoderOf(out)).isEqualTo("pca");
    }

    @Test
    void anOptionOnlyAnAutoencoderUsesAsksForOne() {
        for (String[] option : new String[][] {{"--epochs", "1"}, {"--width", "16"}, {"--stem", "16"},
                {"--feature-weight", "0"}, {"--tune-steps", "2"}}) {
            Path out = dir.resolve("asked.lgc");
            CliRun run = quick.plain(out, QuickCompress.concat(option, "--force"));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).as(String.join(" ", option)).doesNotContain("decoder: pca");
            assertThat(decoderOf(out)).as(String.join(" ", option)).isEqualTo("autoencoder");
        }
    }

    @Test
    void anExplicitDecoderIsTakenAsGiven() {
        Path ae = dir.resolve("ae.lgc");
        assertThat(quick.plain(ae, "--decoder", "autoencoder", "-q").exitCode()).isZero();
        assertThat(decoderOf(ae)).isEqualTo("autoencoder");
        Path auto = dir.resolve("auto.lgc");
        assertThat(quick.plain(auto, "--decoder", "AUTO", "-q").exitCode()).isZero();
        assertThat(decoderOf(auto)).isEqualTo("pca");
        CliRun bad = quick.plain(dir.resolve("bad.lgc"), "--decoder", "vae");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("lgc: unknown decoder 'vae': expected auto, autoencoder or pca");
    }
}
