package io.lgc.data;

import static io.lgc.data.NpzFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Area averaging down, bilinear up, exact integer arithmetic. */
class ImageResizerTest {
    @Test
    void theSameSizeIsACopy() {
        byte[] image = bytes(1, 2, 3, 4, 5, 6);

        byte[] out = ImageResizer.resize(image, 1, 2, 3, 2, 3);

        assertThat(out).isEqualTo(image).isNotSameAs(image);
    }

    @Test
    void halvingAveragesEachBlockRoundingHalfUp() {
        byte[] image = bytes(
                1, 2, 10, 10,
                3, 4, 10, 11,
                0, 0, 255, 255,
                0, 1, 255, 255);

        assertThat(ImageResizer.resize(image, 1, 4, 4, 2, 2)).isEqualTo(bytes(3, 10, 0, 255));
    }

    @Test
    void shrinkingByANonIntegerRatioWeighsPartialPixelsByCoverage() {
        // 3 -> 2: output 0 covers source 0 and half of 1: (2·0 + 90) / 3 = 30; output 1: (90 + 2·180) / 3 = 150
        assertThat(ImageResizer.resize(bytes(0, 90, 180), 1, 1, 3, 1, 2)).isEqualTo(bytes(30, 150));
    }

    @Test
    void growingInterpolatesBetweenPixelCentres() {
        // 2 -> 4: centres at source -0.25 (clamped), 0.25, 0.75, 1.25 (clamped)
        assertThat(ImageResizer.resize(bytes(0, 100), 1, 1, 2, 1, 4)).isEqualTo(bytes(0, 25, 75, 100));
    }

    @Test
    void constantImagesStayConstantWhateverTheSizes() {
        byte[] image = new byte[7 * 5];
        Arrays.fill(image, (byte) 201);

        for (int[] size : new int[][] {{3, 9}, {13, 2}, {1, 1}, {7, 6}}) {
            byte[] out = ImageResizer.resize(image, 1, 7, 5, size[0], size[1]);
            assertThat(out).hasSize(size[0] * size[1]).containsOnly((byte) 201);
        }
    }

    @Test
    void channelsAreResizedEachOnItsOwn() {
        byte[] planes = bytes(10, 10, 10, 10, 200, 200, 200, 200);

        assertThat(ImageResizer.resize(planes, 2, 2, 2, 1, 1)).isEqualTo(bytes(10, 200));
    }

    @Test
    void oneAxisMayShrinkWhileTheOtherGrows() {
        // 1x4 -> 2x2: across, pairs average to 20 and 60; down, one row is repeated
        byte[] out = ImageResizer.resize(bytes(10, 30, 50, 70), 1, 1, 4, 2, 2);

        assertThat(out).isEqualTo(bytes(20, 60, 20, 60));
    }
}
