package io.lgc.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.lgc.InputException;
import io.lgc.data.ImageShape;
import io.lgc.model.ConvNet;
import io.lgc.model.Engines;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import io.lgc.model.Networks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The distillation ConvNet: its layers, shapes and parameter count, as a spec and as a DJL block. */
class ConvNetSpecTest {
    private static final ImageShape FASHION = new ImageShape(1, 28, 28);

    @Test
    void isThreeConvNormReluAvgPoolBlocksAndALinearHead() {
        NetworkSpec spec = ConvNet.spec(FASHION, 10);
        List<Layer> block2 = List.of(new Layer.Conv2d(128, 128, 3, 1, 1), new Layer.InstanceNorm(128), new Layer.Relu(),
                new Layer.AvgPool(2));
        assertThat(spec.layers()).containsExactly(
                new Layer.Conv2d(1, 128, 3, 1, 1), new Layer.InstanceNorm(128), new Layer.Relu(), new Layer.AvgPool(2),
                block2.get(0), block2.get(1), block2.get(2), block2.get(3),
                block2.get(0), block2.get(1), block2.get(2), block2.get(3),
                new Layer.Reshape(new long[] {128 * 3 * 3}), new Layer.Linear(1152, 10));
        assertThat(spec.outputShape()).containsExactly(10);
    }

    @Test
    void hasTheParameterCountOfConvNetD3OnTwentyEightPixelImages() {
        // conv 1→128: 1,152 + 128; two convs 128→128: 147,456 + 128 each; three norms: 256 each;
        // head 1,152→10: 11,520 + 10.
        long expected = (1_152 + 128) + 2 * (147_456 + 128) + 3 * 256 + (11_520 + 10);
        assertThat(expected).isEqualTo(308_746);
        assertThat(ConvNet.spec(FASHION, 10).parameterCount()).isEqualTo(expected);
    }

    @Test
    void theDjlBlockHasExactlyTheSpecsParameters() {
        NetworkSpec spec = ConvNet.spec(FASHION, 10);
        Engines.pytorch(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock block = Networks.build(spec);
            Networks.initialize(block, spec, manager);
            long count = block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            assertThat(count).isEqualTo(spec.parameterCount());
            assertThat(Networks.exportWeights(block, spec)).containsOnlyKeys(spec.parameterShapes().keySet());
            assertThat(Networks.exportWeights(block, spec).get("layers.1.gamma")).hasSize(128).containsOnly(1f);
            assertThat(Networks.exportWeights(block, spec).get("layers.1.beta")).hasSize(128).containsOnly(0f);
        }
    }

    @Test
    void survivesAJsonRoundTrip() {
        NetworkSpec spec = ConvNet.spec(FASHION, 10);
        assertThat(NetworkSpec.fromJson(spec.toJson())).isEqualTo(spec);
        assertThat(spec.toJson().toString()).contains("\"op\":\"instance_norm\"").contains("\"op\":\"avg_pool\"");
    }

    @Test
    void refusesWidthsThatAreNotMultiplesOfSixteenAndImagesTooSmall() {
        assertThatThrownBy(() -> ConvNet.spec(FASHION, 10, 3, 8)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> ConvNet.spec(new ImageShape(1, 4, 4), 10)).isInstanceOf(InputException.class)
                .hasMessageContaining("too small");
    }
}
