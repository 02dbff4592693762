package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import org.junit.jupiter.api.Test;

class PrecisionTest {
    @Test
    void parsesTheLabelsIgnoringCaseAndBlanks() {
        assertThat(Precision.parse("fp32")).isEqualTo(Precision.FP32);
        assertThat(Precision.parse(" FP16 ")).isEqualTo(Precision.FP16);
        assertThat(Precision.parse("Int8")).isEqualTo(Precision.INT8);
        assertThat(Precision.parse("int4")).isEqualTo(Precision.INT4);
        for (Precision p : Precision.values()) {
            assertThat(Precision.parse(p.label())).isEqualTo(p);
        }
    }

    @Test
    void anUnknownPrecisionIsBadInputThatListsTheChoices() {
        assertThatThrownBy(() -> Precision.parse("bf16")).isInstanceOf(InputException.class)
                .hasMessageContaining("'bf16'").hasMessageContaining("fp32, fp16, int8 or int4");
        assertThatThrownBy(() -> Precision.parse(null)).isInstanceOf(InputException.class);
    }

    @Test
    void mixturesAreQuantisedToInt8AtMostNeverInt4() {
        assertThatThrownBy(() -> new StoragePrecision(Precision.INT4, Precision.INT4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not int4");
        assertThat(new StoragePrecision(Precision.INT8, Precision.FP16)).hasToString("int8 decoder, fp16 mixtures");
        assertThat(new StoragePrecision(Precision.INT4, Precision.INT8)).hasToString("int4 decoder, int8 mixtures");
    }

    @Test
    void onlyInt8AndInt4QuantiseAndEachHasItsOwnRange() {
        assertThat(Precision.INT8.quantizationLimit()).isEqualTo(127);
        assertThat(Precision.INT4.quantizationLimit()).isEqualTo(7);
        assertThat(Precision.FP16.isQuantized()).isFalse();
        assertThat(Precision.FP32.quantizationLimit()).isZero();
    }
}
