package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** compress --texture-weight: a texture term beside feature matching, recorded only when asked. */
class TextureWeightOptionTest extends QuickCompressFixture {
    @Test
    void theTermTrainsOtherWeightsAndIsRecordedOnlyWhenAsked() {
        Path textured = dir.resolve("textured.lgc");
        Path plain = dir.resolve("plain.lgc");
        CliRun with = quick.to(textured, "--texture-weight", "50", "-q");
        CliRun without = quick.to(plain, "-q");
        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(config(textured).get("texture_weight").getAsDouble()).isEqualTo(50);
        assertThat(config(plain).has("texture_weight")).isFalse();
        float[] texturedWeights = firstDecoderTensor(textured);
        float[] plainWeights = firstDecoderTensor(plain);
        assertThat(texturedWeights).hasSameSizeAs(plainWeights).isNotEqualTo(plainWeights);
    }

    @Test
    void zeroIsTheDefaultToTheByte() throws Exception {
        assertTheDefaultToTheByte("--texture-weight", "0");
    }

    @Test
    void aNegativeWeightIsRefusedUnderItsOptionBeforeAnyWork() {
        Path out = dir.resolve("negative.lgc");
        CliRun run = quick.to(out, "--texture-weight", "-1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("lgc: --texture-weight must be in 0..1000000, got -1.0");
        assertThat(out).doesNotExist();
    }

    @Test
    void aPrivateFileFitsItsOwnDecoderSoTheTermIsRefused() {
        assertRefusedWithEpsilon("--texture-weight", "10");
    }

    @Test
    void withoutFeatureEpochsThereIsNoTermToWeigh() {
        Path out = dir.resolve("no-epochs.lgc");
        Path plain = dir.resolve("plain.lgc");
        assertThat(quick.to(out, "--texture-weight", "50", "--feature-epochs", "0", "-q").exitCode()).isZero();
        assertThat(quick.to(plain, "--feature-epochs", "0", "-q").exitCode()).isZero();
        float[] a = firstDecoderTensor(out);
        float[] b = firstDecoderTensor(plain);
        assertThat(a).isEqualTo(b);
    }
}
