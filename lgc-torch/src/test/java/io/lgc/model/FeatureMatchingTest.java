package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.ParameterException;
import org.junit.jupiter.api.Test;

class FeatureMatchingTest {
    @Test
    void appliesToTheLastEpochsOnly() {
        FeatureMatching last3 = new FeatureMatching(0.1, 3, 2, 16);
        assertThat(last3.activeIn(7, 10)).isFalse();
        assertThat(last3.activeIn(8, 10)).isTrue();
        assertThat(last3.activeIn(10, 10)).isTrue();
    }

    @Test
    void zeroWeightOrZeroEpochsTurnsItOff() {
        assertThat(new FeatureMatching(0, 3, 2, 16).activeIn(10, 10)).isFalse();
        assertThat(new FeatureMatching(0.5, 0, 2, 16).enabled()).isFalse();
        assertThat(FeatureMatching.OFF.enabled()).isFalse();
    }

    @Test
    void theTextureTermIsOffUnlessGivenAndSurvivesAChangeOfEpochs() {
        assertThat(new FeatureMatching(0.1, 3, 2, 16).textureWeight()).isZero();
        assertThat(AutoencoderConfig.DEFAULT_FEATURE_MATCHING.textureWeight()).isZero();
        FeatureMatching texture = new FeatureMatching(0.1, 3, 2, 16).withTextureWeight(10);
        assertThat(texture.withEpochs(9)).isEqualTo(new FeatureMatching(0.1, 9, 2, 16, 10));
    }

    @Test
    void theTextureTermAloneStillTrainsATeacher() {
        FeatureMatching textureOnly = new FeatureMatching(0, 3, 2, 16, 10);
        assertThat(textureOnly.enabled()).isTrue();
        assertThat(textureOnly.activeIn(10, 10)).isTrue();
        assertThat(new FeatureMatching(0, 0, 2, 16, 10).enabled()).isFalse();
    }

    @Test
    void aTextureWeightOutsideItsRangeIsRefusedByName() {
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY, 2e6}) {
            assertThatThrownBy(() -> new FeatureMatching(0.1, 3, 2, 16, bad)).isInstanceOf(ParameterException.class)
                    .hasMessage("FeatureMatching.textureWeight must be in 0..1000000, got " + bad);
        }
    }

    @Test
    void theTeacherWidthIsAMultipleOf16UpToItsLimit() {
        assertThat(new FeatureMatching(0.1, 3, 2, FeatureMatching.MAX_TEACHER_WIDTH).teacherWidth()).isEqualTo(512);
        for (int bad : new int[] {0, -16, 24, FeatureMatching.MAX_TEACHER_WIDTH + 16}) {
            assertThatThrownBy(() -> new FeatureMatching(0.1, 3, 2, bad)).isInstanceOf(InputException.class)
                    .hasMessage("teacher width must be a multiple of 16 from 16 to 512, got " + bad);
        }
    }

    @Test
    void moreFeatureEpochsThanEpochsIsRefused() {
        assertThatThrownBy(() -> new AutoencoderConfig(8, 32, new FitConfig(2, 64, 1e-3, 1), 0.05,
                new FeatureMatching(0.1, 3, 1, 16))).isInstanceOf(InputException.class)
                .hasMessage("FeatureMatching.epochs (3) cannot exceed epochs (2)");
    }
}
