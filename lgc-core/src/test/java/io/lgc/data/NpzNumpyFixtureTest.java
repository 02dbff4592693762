package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads archives NumPy itself wrote ({@code src/test/resources/data/make_npz_fixtures.py}), and
 * recomputes the values that script used.
 */
class NpzNumpyFixtureTest {
    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(NpzNumpyFixtureTest.class.getResource("/data/" + name).toURI());
    }

    @Test
    void compressedRgbChannelsLastWithClassNames() throws Exception {
        Dataset data = NpzReader.read(fixture("numpy-rgb-nhwc.npz"), ReadOptions.DEFAULTS).dataset();

        assertThat(data.shape()).isEqualTo(new ImageShape(3, 4, 3));
        assertThat(data.labels()).containsExactly(0, 1, 2, 0, 1);
        assertThat(data.classNames()).containsExactly("cat", "dog", "T-shirt/top");
        // x[n, h, w, c] = (31 * flat index) % 256, flat index over (5, 4, 3, 3)
        for (int n = 0; n < 5; n++) {
            for (int h = 0; h < 4; h++) {
                for (int w = 0; w < 3; w++) {
                    for (int c = 0; c < 3; c++) {
                        int flat = ((n * 4 + h) * 3 + w) * 3 + c;
                        int chw = n * 36 + c * 12 + h * 3 + w;
                        assertThat(data.pixels()[chw] & 0xFF).isEqualTo(31 * flat % 256);
                    }
                }
            }
        }
    }

    @Test
    void storedGrayscaleFloat32() throws Exception {
        Dataset data = NpzReader.read(fixture("numpy-gray-float32.npz"), ReadOptions.DEFAULTS).dataset();

        assertThat(data.shape()).isEqualTo(new ImageShape(1, 3, 2));
        assertThat(data.labels()).containsExactly(1, 0, 1, 0);
        for (int i = 0; i < 24; i++) {
            // float32(i / 23) * 255, rounded
            assertThat(data.pixels()[i] & 0xFF).isEqualTo((int) Math.round((double) (float) (i / 23.0) * 255));
        }
    }

    @Test
    void kerasStyleKeysChannelsFirstAndAColumnOfLabels() throws Exception {
        ReadOptions keys = ReadOptions.builder().xKey("x_train").yKey("y_train").build();

        Dataset data = NpzReader.read(fixture("numpy-keras-keys.npz"), keys).dataset();

        assertThat(data.shape()).isEqualTo(new ImageShape(1, 2, 5));
        assertThat(data.labels()).containsExactly(2, 0, 1);
        for (int i = 0; i < 30; i++) {
            assertThat(data.pixels()[i]).isEqualTo((byte) i);
        }
    }
}
