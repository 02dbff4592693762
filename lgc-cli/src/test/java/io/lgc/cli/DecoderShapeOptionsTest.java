package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactFile;
import io.lgc.network.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compress --width and --stem (the decoder's size) and --tune-steps (its training on mixture samples). */
class DecoderShapeOptionsTest extends QuickCompressFixture {
    @Test
    void aNarrowerAutoencoderWritesASmallerDecoderAndSaysSo() throws IOException {
        Path narrow = compressed("narrow.lgc", "--width", "16");
        Path standard = compressed("standard.lgc");
        assertThat(Files.size(narrow)).isLessThan(Files.size(standard));
        assertThat(config(narrow).get("width").getAsInt()).isEqualTo(16);
    }

    @Test
    void aStemStartsTheDecoderNarrowAndIsRecordedOnlyWhenGiven() throws IOException {
        Path stem = compressed("stem.lgc", "--stem", "8");
        Path standard = compressed("standard.lgc");
        List<Layer> layers = ArtifactFile.read(stem).metadata().decoder().layers();
        assertThat(layers.get(0)).isEqualTo(new Layer.Linear(16, 8 * 2 * 2));
        assertThat(layers.get(3)).isEqualTo(new Layer.Conv2d(8, 64, 3, 1, 1));
        assertThat(ArtifactFile.read(standard).metadata().decoder().layers().get(0))
                .isEqualTo(new Layer.Linear(16, 64 * 2 * 2));
        assertThat(config(stem).get("stem").getAsInt()).isEqualTo(8);
        assertThat(config(standard).has("stem")).isFalse();
    }

    /** {@code lgc compress} of the test images with {@code options} into dir/name, which must succeed. */
    private Path compressed(String name, String... options) {
        Path out = dir.resolve(name);
        CliRun run = quick.to(out, QuickCompress.concat(options, "-q"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    @Test
    void tuningIsRecordedInTheFile() {
        Path tuned = dir.resolve("tuned.lgc");
        CliRun run = quick.to(tuned, "--tune-steps", "3", "--tune-match", "0.5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("tune decoder: 3 steps");
        JsonObject tuning = ArtifactFile.read(tuned).metadata().provenance().getAsJsonObject("config")
                .getAsJsonObject("decoder_tuning");
        assertThat(tuning.get("steps").getAsInt()).isEqualTo(3);
        assertThat(tuning.get("match_weight").getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void badValuesAreRefusedUnderTheirOptionBeforeAnyWork() {
        CliRun width = quick.to(dir.resolve("w.lgc"), "--width", "24");
        assertThat(width.exitCode()).isEqualTo(2);
        assertThat(width.err().strip()).isEqualTo("lgc: --width must be a positive multiple of 16, got 24");
        CliRun stem = quick.to(dir.resolve("w.lgc"), "--stem", "0");
        assertThat(stem.exitCode()).isEqualTo(2);
        assertThat(stem.err().strip()).isEqualTo("lgc: --stem must be 1 to 4096, got 0");
        CliRun huge = quick.to(dir.resolve("w.lgc"), "--stem", "5000");
        assertThat(huge.exitCode()).isEqualTo(2);
        assertThat(huge.err().strip()).isEqualTo("lgc: --stem must be 1 to 4096, got 5000");
        CliRun basis = quick.to(dir.resolve("w.lgc"), "--decoder", "pca", "--stem", "16");
        assertThat(basis.exitCode()).isEqualTo(2);
        assertThat(basis.err().strip())
                .isEqualTo("lgc: --stem shapes the convolutional decoder; --decoder pca has none");
        CliRun dense = quick.to(dir.resolve("w.lgc"), "--model", "dense", "--stem", "16");
        assertThat(dense.exitCode()).isEqualTo(2);
        assertThat(dense.err().strip())
                .isEqualTo("lgc: --stem shapes the convolutional decoder; --model dense has none");
        CliRun steps = quick.to(dir.resolve("s.lgc"), "--tune-steps", "-1");
        assertThat(steps.exitCode()).isEqualTo(2);
        assertThat(steps.err()).contains("--tune-steps");
        CliRun pca = quick.to(dir.resolve("p.lgc"), "--decoder", "pca", "--tune-steps", "5");
        assertThat(pca.exitCode()).isEqualTo(2);
        assertThat(pca.err()).contains("--tune-steps").contains("--decoder pca");
        assertThat(dir.resolve("w.lgc")).doesNotExist();
        assertThat(dir.resolve("p.lgc")).doesNotExist();
    }
}
