package io.lgc.artifact.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedTensorTest {
    private static final long[] FOUR = {4};

    @Test
    void factoriesStoreLittleEndianBytes() {
        assertThat(NamedTensor.ofInts("i", new long[] {1}, new int[] {0x01020304}).data())
                .containsExactly(4, 3, 2, 1);
        assertThat(NamedTensor.ofFloats("f", new long[] {1}, new float[] {1f}).data())
                .containsExactly(0, 0, 0x80, 0x3f);
        assertThat(NamedTensor.ofHalfs("h", new long[] {1}, new float[] {1f}).data()).containsExactly(0, 0x3c);
        assertThat(NamedTensor.ofDoubles("d", new long[] {1}, new double[] {1d}).data())
                .containsExactly(0, 0, 0, 0, 0, 0, 0xf0, 0x3f);
    }

    @Test
    void conversionsCoverEveryDType() {
        float[] f = {-1.5f, 0f, 2.25f, 100f};
        assertThat(NamedTensor.ofFloats("a", FOUR, f).toFloats()).containsExactly(f);
        assertThat(NamedTensor.ofHalfs("a", FOUR, f).toFloats()).containsExactly(f);
        assertThat(NamedTensor.ofDoubles("a", FOUR, new double[] {-1.5, 0, 2.25, 100}).toFloats()).containsExactly(f);
        assertThat(NamedTensor.ofInts("a", FOUR, new int[] {-1, 0, 2, 100}).toFloats()).containsExactly(-1, 0, 2, 100);
        byte[] b = {-1, 0, 2, 100};
        assertThat(NamedTensor.ofInt8("a", FOUR, b).toInts()).containsExactly(-1, 0, 2, 100);
        assertThat(NamedTensor.ofUint8("a", FOUR, b).toInts()).containsExactly(255, 0, 2, 100);
        assertThat(NamedTensor.ofUint8("a", FOUR, b).toDoubles()).containsExactly(255, 0, 2, 100);
        assertThat(NamedTensor.ofLongs("a", FOUR, new long[] {-1, 0, 1L << 40, 3}).toLongs())
                .containsExactly(-1, 0, 1L << 40, 3);
        assertThat(NamedTensor.ofInts("a", FOUR, new int[] {-1, 0, 2, 100}).toLongs()).containsExactly(-1, 0, 2, 100);
        assertThat(NamedTensor.ofDoubles("a", new long[] {1}, new double[] {Math.PI}).toDoubles())
                .containsExactly(Math.PI);
        assertThat(NamedTensor.ofHalfs("a", FOUR, f).toDoubles()).containsExactly(-1.5, 0, 2.25, 100);
    }

    @Test
    void lossyIntegerConversionsAreRefused() {
        assertThatThrownBy(() -> NamedTensor.ofFloats("w", FOUR, new float[4]).toInts())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'w' is F32");
        assertThatThrownBy(() -> NamedTensor.ofLongs("w", FOUR, new long[4]).toInts())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NamedTensor.ofHalfs("w", FOUR, new float[4]).toLongs())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shapeMustMatchTheData() {
        assertThatThrownBy(() -> NamedTensor.ofFloats("w", new long[] {2, 3}, new float[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 24 bytes, data has 20");
        assertThatThrownBy(() -> NamedTensor.ofFloats("w", new long[] {-1}, new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NamedTensor("w", DType.F64, new long[] {1L << 62, 4}, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
        assertThat(NamedTensor.ofFloats("s", new long[0], new float[] {1}).elementCount()).isEqualTo(1);
    }

    @Test
    void namesMustSurviveSafetensorsAndUtf8() {
        assertThatThrownBy(() -> NamedTensor.ofFloats("", FOUR, new float[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NamedTensor.ofFloats("__metadata__", FOUR, new float[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NamedTensor.ofFloats("bad\ud800", FOUR, new float[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
    }

    @Test
    void equalityComparesContentAndShapeIsCopied() {
        long[] shape = {2, 2};
        NamedTensor a = NamedTensor.ofFloats("w", shape, new float[] {1, 2, 3, 4});
        NamedTensor b = NamedTensor.ofFloats("w", new long[] {2, 2}, new float[] {1, 2, 3, 4});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(NamedTensor.ofFloats("w", new long[] {4}, new float[] {1, 2, 3, 4}));
        assertThat(a).isNotEqualTo(NamedTensor.ofFloats("w", shape, new float[] {1, 2, 3, 5}));
        shape[0] = 4;
        a.shape()[1] = 9;
        assertThat(a.shape()).containsExactly(2, 2);
    }
}
