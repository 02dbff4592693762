package io.lgc.network;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.lgc.InputException;
import io.lgc.data.ImageShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {
    @Test
    void theWeightedLayersAreTheLinearAndConvolutionLayersInOrder() {
        NetworkSpec decoder = Architectures.convAutoencoder(new ImageShape(1, 28, 28), 32, 32, 16).decoder();
        assertThat(decoder.weightedLayers()).containsExactly(0, 3, 6, 9, 11);
        decoder.weightedLayers().forEach(i ->
                assertThat(decoder.parameterShapes()).containsKey(NetworkSpec.parameterName(i, "weight")));
    }

    private final AutoencoderSpec fashion = Architectures.convAutoencoder(new ImageShape(1, 28, 28), 16, 32);

    @Test
    void decoderMapsTheLatentBackToTheImageShape() {
        assertThat(fashion.decoder().inputShape()).containsExactly(16);
        assertThat(fashion.decoder().outputShape()).containsExactly(1, 28, 28);
        assertThat(fashion.encoder().outputShape()).containsExactly(16);
    }

    @Test
    void jsonRoundTripGivesAnEqualSpec() {
        String json = fashion.decoder().toJson().toString();
        NetworkSpec back = NetworkSpec.fromJson(JsonParser.parseString(json).getAsJsonObject());
        assertThat(back).isEqualTo(fashion.decoder());
        assertThat(back.parameterShapes()).containsOnlyKeys(fashion.decoder().parameterShapes().keySet());
    }

    @Test
    void parametersAreNamedByLayerIndexWithTheirShapes() {
        var shapes = fashion.decoder().parameterShapes();
        assertThat(shapes.get("layers.0.weight")).containsExactly(64 * 7 * 7, 16);
        assertThat(shapes.get("layers.0.bias")).containsExactly(64 * 7 * 7);
        assertThat(shapes.get("layers.4.weight")).containsExactly(32, 64, 3, 3);
        long count = 16L * 3136 + 3136 + 32 * 64 * 9 + 32 + 16 * 32 * 9 + 16 + 16 * 16 * 9 + 16;
        assertThat(fashion.decoder().parameterCount()).isEqualTo(count);
    }

    @Test
    void everyConvolutionFedByATrainedLayerHasAMultipleOf16Filters() {
        List<Layer> layers = fashion.decoder().layers();
        assertThat(layers).filteredOn(l -> l instanceof Layer.Conv2d)
                .allSatisfy(l -> assertThat(((Layer.Conv2d) l).out() % 16).isZero());
        assertThat(layers.get(layers.size() - 2)).isEqualTo(new Layer.ChannelGroupMean(1));
    }

    @Test
    void aStemShrinksTheLinearLayerAndAConvolutionWidensItsChannelsBeforeTheUpsampling() {
        AutoencoderSpec stem = Architectures.convAutoencoder(new ImageShape(1, 28, 28), 16, 32, 16);
        var shapes = stem.decoder().parameterShapes();
        assertThat(shapes.get("layers.0.weight")).containsExactly(16 * 7 * 7, 16);
        assertThat(stem.decoder().layers().subList(2, 6)).containsExactly(new Layer.Reshape(new long[] {16, 7, 7}),
                new Layer.Conv2d(16, 64, 3, 1, 1), new Layer.Relu(), new Layer.Upsample(2));
        long linear = 16L * 784 + 784;
        long widen = 64L * 16 * 9 + 64;
        long rest = fashion.decoder().parameterCount() - (16L * 3136 + 3136);
        assertThat(stem.decoder().parameterCount()).isEqualTo(linear + widen + rest);
        assertThat(stem.decoder().outputShape()).containsExactly(1, 28, 28);
        assertThat(stem.encoder()).isEqualTo(fashion.encoder());
        assertThat(Architectures.convAutoencoder(new ImageShape(1, 28, 28), 16, 32, Architectures.NO_STEM))
                .isEqualTo(fashion);
        assertThatThrownBy(() -> Architectures.convAutoencoder(new ImageShape(1, 28, 28), 16, 32, -1))
                .isInstanceOf(InputException.class).hasMessageContaining("stem");
    }

    @Test
    void rgbImagesGetOneOutputGroupPerChannel() {
        AutoencoderSpec rgb = Architectures.convAutoencoder(new ImageShape(3, 32, 32), 8, 32);
        assertThat(rgb.decoder().outputShape()).containsExactly(3, 32, 32);
    }

    @Test
    void mismatchedShapesAreRejected() {
        assertThatThrownBy(() -> new NetworkSpec(new long[] {10}, List.of(new Layer.Linear(12, 4))))
                .isInstanceOf(InputException.class).hasMessageContaining("linear expects [12]");
        assertThatThrownBy(() -> Architectures.convAutoencoder(new ImageShape(1, 30, 30), 8, 32))
                .isInstanceOf(InputException.class).hasMessageContaining("divisible by 4");
    }

    @Test
    void unknownOrIncompleteLayersInJsonAreInputErrors() {
        var unknown = JsonParser.parseString("{\"input_shape\":[4],\"layers\":[{\"op\":\"softmax\"}]}")
                .getAsJsonObject();
        assertThatThrownBy(() -> NetworkSpec.fromJson(unknown)).isInstanceOf(InputException.class)
                .hasMessageContaining("unknown layer op 'softmax'");
        var incomplete = JsonParser.parseString("{\"input_shape\":[4],\"layers\":[{\"op\":\"linear\",\"in\":4}]}")
                .getAsJsonObject();
        assertThatThrownBy(() -> NetworkSpec.fromJson(incomplete)).isInstanceOf(InputException.class)
                .hasMessageContaining("lacks 'out'");
    }
}
