package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.artifact.Precision;
import io.lgc.data.ImageShape;
import io.lgc.network.Architectures;
import io.lgc.network.NetworkSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecoderGridTest {
    private static final NetworkSpec DECODER = Architectures.convAutoencoder(new ImageShape(1, 28, 28), 32, 32, 16)
            .decoder();

    @Test
    void aMixedGridRoundsTheLayersAskedForToInt8AndTheRestToInt4AndIsStoredAsInt8() {
        DecoderGrid grid = DecoderGrid.int4Keeping(List.of(3));
        assertThat(grid.of("layers.3.weight")).isEqualTo(Precision.INT8);
        assertThat(grid.of("layers.0.weight")).isEqualTo(Precision.INT4);
        assertThat(grid.of("layers.13.weight")).isEqualTo(Precision.INT4); // not layer 3 by its first digit
        assertThat(grid.stored()).isEqualTo(Precision.INT8);
        assertThat(grid.isMixed()).isTrue();
    }

    @Test
    void aUniformGridIsItsPrecisionEverywhere() {
        DecoderGrid grid = DecoderGrid.uniform(Precision.INT4);
        assertThat(grid.of("layers.3.weight")).isEqualTo(Precision.INT4);
        assertThat(grid.stored()).isEqualTo(Precision.INT4);
        assertThat(grid.isMixed()).isFalse();
    }

    @Test
    void onlyAnInt4DecoderKeepsLayersAtInt8() {
        assertThatThrownBy(() -> new DecoderGrid(Precision.INT8, new java.util.TreeSet<>(List.of(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("int4");
        assertThatThrownBy(() -> DecoderGrid.int4Keeping(List.of(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void aLayerWithoutWeightsIsRefusedNamingTheLayersThatHaveThem() {
        DecoderGrid.int4Keeping(List.of(0, 3)).requireWeightedLayers(DECODER);
        assertThatThrownBy(() -> DecoderGrid.int4Keeping(List.of(1)).requireWeightedLayers(DECODER))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("DecoderGrid.int8Layers: layer 1 has no weights to keep at int8; this"
                        + " decoder's layers with weights are 0 (linear), 3 (conv2d), 6 (conv2d)");
        assertThatThrownBy(() -> DecoderGrid.int4Keeping(List.of(99)).requireWeightedLayers(DECODER))
                .isInstanceOf(ParameterException.class).hasMessageContaining("layer 99");
    }

    @Test
    void theCommandLinesOptionsGiveAGridOrARefusalInTheirWords() {
        assertThat(DecoderGrid.fromOptions(Precision.INT8, null)).isEqualTo(DecoderGrid.uniform(Precision.INT8));
        assertThat(DecoderGrid.fromOptions(Precision.INT4, List.of())).isEqualTo(DecoderGrid.uniform(Precision.INT4));
        assertThat(DecoderGrid.fromOptions(Precision.INT4, List.of(3, 0)).int8Layers()).containsExactly(0, 3);
        assertThatThrownBy(() -> DecoderGrid.fromOptions(Precision.FP16, List.of(0))).isInstanceOf(InputException.class)
                .hasMessage("--int8-layers keeps some layers of an int4 decoder at int8; --precision is fp16 (use"
                        + " --precision int4)");
        assertThatThrownBy(() -> DecoderGrid.fromOptions(Precision.INT4, List.of(0, -2)))
                .isInstanceOf(InputException.class).hasMessage("--int8-layers must be at least 0, got -2");
    }

    @Test
    void aLayerWithoutWeightsNamesTheParameterForEachCommandLineToRender() {
        assertThatThrownBy(() -> DecoderGrid.int4Keeping(List.of(1)).requireWeightedLayers(DECODER))
                .satisfies(e -> assertThat(((ParameterException) e).parameters()).containsExactly(
                        Parameter.INT8_LAYERS));
    }
}
