package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.data.Table;
import io.lgc.data.TableColumns;
import io.lgc.model.PcaCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compress's default decoder: a PCA basis for small image sets, the autoencoder for everything else. */
class DecoderKindTest {
    private static Dataset images(int count, ImageShape shape) {
        return new Dataset(new byte[count * shape.size()], new int[count], List.of("only"), shape);
    }

    @Test
    void fewerImagesThanTheThresholdTakeThePcaBasis() {
        ImageShape tiny = new ImageShape(1, 4, 4);
        assertThat(DecoderKind.auto(images(1, tiny))).isEqualTo(DecoderKind.PCA);
        assertThat(DecoderKind.auto(images(DecoderKind.PCA_BELOW_IMAGES - 1, tiny))).isEqualTo(DecoderKind.PCA);
        assertThat(DecoderKind.auto(images(DecoderKind.PCA_BELOW_IMAGES, tiny))).isEqualTo(DecoderKind.AUTOENCODER);
    }

    @Test
    void imagesTooLargeForABasisAndTablesTakeTheAutoencoder() {
        int side = (int) Math.ceil(Math.sqrt(PcaCodec.MAX_VALUES / 3.0)) + 1; // just over the basis's limit in RGB
        assertThat(DecoderKind.auto(images(10, new ImageShape(3, side, side)))).isEqualTo(DecoderKind.AUTOENCODER);
        int fits = (int) Math.floor(Math.sqrt(PcaCodec.MAX_VALUES / 3.0));
        assertThat(DecoderKind.auto(images(10, new ImageShape(3, fits, fits)))).isEqualTo(DecoderKind.PCA);
        Table table = new Table(new float[] {0, 1, 1, 0}, new int[] {0, 1}, List.of("x", "y"),
                TableColumns.labelLast(List.of("p", "q"), "label"));
        assertThat(DecoderKind.auto(table)).isEqualTo(DecoderKind.AUTOENCODER);
    }
}
