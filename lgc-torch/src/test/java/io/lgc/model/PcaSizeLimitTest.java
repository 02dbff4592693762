package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PCA decoder holds a d x d covariance: samples too large for it are refused with the memory it would need. */
class PcaSizeLimitTest {
    private static Dataset twoImages(ImageShape shape) {
        byte[] pixels = new byte[2 * shape.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31);
        }
        return new Dataset(pixels, new int[] {0, 1}, List.of("a", "b"), shape);
    }

    @Test
    void samplesBeyondTheLimitAreRefusedWithTheMemoryTheyWouldNeed() {
        ImageShape shape = new ImageShape(1, 100, 100);
        assertThat(shape.size()).isGreaterThan(PcaCodec.MAX_VALUES);
        assertThatThrownBy(() -> PcaCodec.fit(twoImages(shape), 2, 1)).isInstanceOf(InputException.class)
                .hasMessage("a PCA decoder for samples of " + shape + " (10000 values) needs a 10000x10000 covariance"
                        + " matrix, 800 MB of memory; it takes at most 8192 values per sample (537 MB): resize the"
                        + " images (ReadOptions.size) or use decoder autoencoder");
    }
}
