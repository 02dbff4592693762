package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** compress --lr-schedule: the autoencoder's learning rate held constant or decayed over the run. */
class LearningRateScheduleOptionTest extends QuickCompressFixture {
    @Test
    void aCosineScheduleTrainsOtherWeightsAndIsRecordedOnlyWhenAsked() {
        Path cosine = dir.resolve("cosine.lgc");
        Path constant = dir.resolve("constant.lgc");
        CliRun decayed = quick.to(cosine, "--lr-schedule", "cosine", "-q");
        CliRun standard = quick.to(constant, "-q");
        assertThat(decayed.exitCode()).as(decayed.err()).isZero();
        assertThat(standard.exitCode()).as(standard.err()).isZero();
        assertThat(config(cosine).get("lr_schedule").getAsString()).isEqualTo("cosine");
        assertThat(config(constant).has("lr_schedule")).isFalse();
        float[] decayedWeights = firstDecoderTensor(cosine);
        float[] standardWeights = firstDecoderTensor(constant);
        assertThat(decayedWeights).hasSameSizeAs(standardWeights).isNotEqualTo(standardWeights);
    }

    @Test
    void anUnknownScheduleIsRefusedUnderItsOptionBeforeAnyWork() {
        Path out = dir.resolve("linear.lgc");
        CliRun run = quick.to(out, "--lr-schedule", "linear");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("lgc: --lr-schedule must be constant or cosine, got 'linear'");
        assertThat(out).doesNotExist();
    }

    @Test
    void onFewImagesTheScheduleAsksForTheAutoencoderAsTheOtherTrainingOptionsDo() {
        Path out = dir.resolve("few.lgc");
        CliRun run = quick.plain(out, "--lr-schedule", "cosine", "--epochs", "1", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(config(out).get("decoder").getAsString()).isEqualTo("autoencoder");
    }
}
