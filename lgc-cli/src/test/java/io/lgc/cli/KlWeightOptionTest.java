package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** compress --kl-weight: the autoencoder trained as a variational one, recorded only when asked. */
class KlWeightOptionTest extends QuickCompressFixture {
    @Test
    void aVariationalAutoencoderTrainsOtherWeightsAndIsRecordedOnlyWhenAsked() {
        Path variational = dir.resolve("variational.lgc");
        Path plain = dir.resolve("plain.lgc");
        CliRun withKl = quick.to(variational, "--kl-weight", "0.1", "-q");
        CliRun without = quick.to(plain, "-q");
        assertThat(withKl.exitCode()).as(withKl.err()).isZero();
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(config(variational).get("kl_weight").getAsDouble()).isEqualTo(0.1);
        assertThat(config(plain).has("kl_weight")).isFalse();
        float[] variationalWeights = firstDecoderTensor(variational);
        float[] plainWeights = firstDecoderTensor(plain);
        assertThat(variationalWeights).hasSameSizeAs(plainWeights).isNotEqualTo(plainWeights);
    }

    @Test
    void zeroIsTheDefaultToTheByte() throws Exception {
        assertTheDefaultToTheByte("--kl-weight", "0");
    }

    @Test
    void aWeightOutOfRangeIsRefusedUnderItsOptionBeforeAnyWork() {
        Path out = dir.resolve("negative.lgc");
        CliRun run = quick.to(out, "--kl-weight", "11");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("lgc: --kl-weight must be in 0..10, got 11.0");
        assertThat(out).doesNotExist();
    }

    @Test
    void aPrivateFileFitsItsOwnDecoderSoTheWeightIsRefused() {
        assertRefusedWithEpsilon("--kl-weight", "0.1");
    }
}
