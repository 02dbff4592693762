package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
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
    void moreFeatureEpochsThanEpochsIsRefused() {
        assertThatThrownBy(() -> new AutoencoderConfig(8, 32, new FitConfig(2, 64, 1e-3, 1), 0.05,
                new FeatureMatching(0.1, 3, 1, 16))).isInstanceOf(InputException.class)
                .hasMessage("FeatureMatching.epochs (3) cannot exceed epochs (2)");
    }
}
