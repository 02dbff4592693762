package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** compress --latent-noise: the decoder trained on latents moved by noise, recorded only when asked. */
class LatentNoiseOptionTest extends QuickCompressFixture {
    @Test
    void noisyLatentsTrainOtherWeightsAndAreRecordedOnlyWhenAsked() {
        Path noisy = dir.resolve("noisy.lgc");
        Path plain = dir.resolve("plain.lgc");
        CliRun withNoise = quick.to(noisy, "--latent-noise", "0.5", "-q");
        CliRun without = quick.to(plain, "-q");
        assertThat(withNoise.exitCode()).as(withNoise.err()).isZero();
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(config(noisy).get("latent_noise").getAsDouble()).isEqualTo(0.5);
        assertThat(config(plain).has("latent_noise")).isFalse();
        float[] noisyWeights = firstDecoderTensor(noisy);
        float[] plainWeights = firstDecoderTensor(plain);
        assertThat(noisyWeights).hasSameSizeAs(plainWeights).isNotEqualTo(plainWeights);
    }

    @Test
    void zeroNoiseIsTheDefaultToTheByte() throws Exception {
        assertTheDefaultToTheByte("--latent-noise", "0");
    }

    @Test
    void aNegativeNoiseIsRefusedUnderItsOptionBeforeAnyWork() {
        Path out = dir.resolve("negative.lgc");
        CliRun run = quick.to(out, "--latent-noise", "-1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("lgc: --latent-noise must be in 0..10, got -1.0");
        assertThat(out).doesNotExist();
    }

    @Test
    void onFewImagesTheNoiseAsksForTheAutoencoderAsTheOtherTrainingOptionsDo() {
        Path out = dir.resolve("few.lgc");
        CliRun run = quick.plain(out, "--latent-noise", "0.5", "--epochs", "1", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(config(out).get("decoder").getAsString()).isEqualTo("autoencoder");
    }

    @Test
    void aPrivateFileFitsItsOwnDecoderSoTheNoiseIsRefused() {
        assertRefusedWithEpsilon("--latent-noise", "0.5");
    }
}
