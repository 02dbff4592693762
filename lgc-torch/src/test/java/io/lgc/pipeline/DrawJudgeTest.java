package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.data.Dataset;
import io.lgc.eval.Protocol;
import io.lgc.model.Engines;
import org.junit.jupiter.api.Test;

class DrawJudgeTest {
    @Test
    void manyRealImagesAreJudgedOnASeededSubset() {
        Dataset real = TwoHalvesFiles.realImages();
        Dataset seven = DrawJudge.testImages(real, 5, 7);

        assertThat(seven.size()).isEqualTo(7);
        assertThat(seven.pixels()).isEqualTo(io.lgc.data.Subsets.random(real, 7, 5).pixels());
        assertThat(DrawJudge.testImages(real, 6, 7).pixels()).isNotEqualTo(seven.pixels());
        assertThat(DrawJudge.testImages(real, 5, real.size())).isSameAs(real);
    }

    @Test
    void eachClassDrawsAsManyAsItHasImagesWithinTheLimits() {
        Engines.pytorch(); // the file's classes hold 100 and 110 images
        assertThat(DrawJudge.draws(TwoHalvesFiles.file(true), 1, 3000).labels()).containsOnly(0, 1).hasSize(210);
        assertThat(DrawJudge.draws(TwoHalvesFiles.file(true), 1, 105).size()).isEqualTo(205);
        assertThat(DrawJudge.draws(TwoHalvesFiles.file(true), 1, 4).size()).isEqualTo(2 * DrawJudge.FEWEST_DRAWS_PER_CLASS);
    }

    @Test
    void aJudgeWithoutClassifiersOrDrawsOrWithNegativeEpochsIsRefused() {
        assertThatThrownBy(() -> new DrawJudge(Protocol.FAST, 0, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DrawJudge(Protocol.FAST, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DrawJudge(Protocol.FAST, 1, 10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DrawJudge(Protocol.CONVNET, 2, 10, 0).describe()).isEqualTo("convnet x2");
    }
}
