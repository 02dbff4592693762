package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** compress --teacher-width: the filters of the feature-matching teacher, which shapes what the decoder keeps. */
class TeacherWidthOptionTest extends QuickCompressFixture {
    @Test
    void aWiderTeacherTrainsOtherWeightsAndIsRecorded() {
        Path wide = dir.resolve("wide.lgc");
        Path plain = dir.resolve("plain.lgc");
        CliRun with = quick.to(wide, "--teacher-width", "32", "-q");
        CliRun without = quick.to(plain, "-q");
        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(config(wide).get("teacher_width").getAsInt()).isEqualTo(32);
        assertThat(config(plain).get("teacher_width").getAsInt()).isEqualTo(16);
        float[] wideWeights = firstDecoderTensor(wide);
        float[] plainWeights = firstDecoderTensor(plain);
        assertThat(wideWeights).hasSameSizeAs(plainWeights).isNotEqualTo(plainWeights);
    }

    @Test
    void sixteenIsTheDefaultToTheByte() throws Exception {
        assertTheDefaultToTheByte("--teacher-width", "16");
    }

    @Test
    void aPrivateFileFitsItsOwnDecoderSoNoTeacherIsTrained() {
        assertRefusedWithEpsilon("--teacher-width", "32");
    }
}
