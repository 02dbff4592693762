package io.lgc.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.eval.SyntheticImages;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ByteBudgetTest {
    private static final Dataset THREE_CLASSES_OF_16_PIXELS = SyntheticImages.bands(20, 3, 4, 1);

    @Test
    void buysTheSameWholeNumberOfImagesForEveryClass() {
        assertThat(new ByteBudget(3 * 16 * 5).perClass(THREE_CLASSES_OF_16_PIXELS)).isEqualTo(5);
        assertThat(new ByteBudget(3 * 16 * 5 + 47).perClass(THREE_CLASSES_OF_16_PIXELS)).isEqualTo(5);
        assertThat(new ByteBudget(3 * 16 * 6).perClass(THREE_CLASSES_OF_16_PIXELS)).isEqualTo(6);
    }

    @Test
    void fashionMnistSizedBudgets() {
        // 10 classes of 28×28: 7,840 bytes buy one image each; a 319,000-byte artifact buys 40.
        Dataset fashionShaped = new Dataset(new byte[10 * 784], IntStream.range(0, 10).toArray(),
                SyntheticImages.names(10), new ImageShape(1, 28, 28));
        assertThat(new ByteBudget(7_840).perClass(fashionShaped)).isEqualTo(1);
        assertThat(new ByteBudget(319_000).perClass(fashionShaped)).isEqualTo(40);
    }

    @Test
    void refusesABudgetBelowOneImagePerClass() {
        assertThatThrownBy(() -> new ByteBudget(47).perClass(THREE_CLASSES_OF_16_PIXELS))
                .isInstanceOf(InputException.class)
                .hasMessage("bytes 47 buys less than one image per class: 3 classes of 16-byte images need at "
                        + "least 48 bytes");
        assertThat(new ByteBudget(48).perClass(THREE_CLASSES_OF_16_PIXELS)).isEqualTo(1);
    }

    @Test
    void refusesNonPositiveBudgets() {
        assertThatThrownBy(() -> new ByteBudget(0)).isInstanceOf(InputException.class)
                .hasMessage("bytes must be positive, got 0");
        assertThatThrownBy(() -> new ByteBudget(-5)).isInstanceOf(InputException.class);
    }
}
