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
        for (Precision p : Precision.values()) {
            assertThat(Precision.parse(p.label())).isEqualTo(p);
        }
    }

    @Test
    void anUnknownPrecisionIsBadInputThatListsTheChoices() {
        assertThatThrownBy(() -> Precision.parse("bf16")).isInstanceOf(InputException.class)
                .hasMessageContaining("'bf16'").hasMessageContaining("fp32, fp16 or int8");
        assertThatThrownBy(() -> Precision.parse(null)).isInstanceOf(InputException.class);
    }

    @Test
    void mixturesAreNeverInt8() {
        assertThatThrownBy(() -> new StoragePrecision(Precision.INT8, Precision.INT8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new StoragePrecision(Precision.INT8, Precision.FP16)).hasToString("int8 decoder, fp16 mixtures");
    }
}
