package io.lgc.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BudgetSplitTest {
    @Test
    void weightsBecomeSharesThatSumToOne() {
        BudgetSplit split = BudgetSplit.parse("1, 1,2");
        assertThat(split.counts()).isCloseTo(0.25, within(1e-15));
        assertThat(split.sums()).isCloseTo(0.25, within(1e-15));
        assertThat(split.moments()).isCloseTo(0.5, within(1e-15));
        assertThat(split.sumsOfRest()).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void theDefaultIsTheSplitUsedBeforeItWasAnOption() {
        assertThat(BudgetSplit.DEFAULT.counts()).isEqualTo(0.0625);
        assertThat(BudgetSplit.DEFAULT.sums()).isEqualTo(0.3125);
        assertThat(BudgetSplit.DEFAULT.moments()).isEqualTo(0.625);
    }

    @Test
    void refusesWhatIsNotThreePositiveWeights() {
        for (String bad : new String[] {"1,0,2", "1,2", "1,2,3,4", "a,b,c", "NaN,1,1", "1,-1,1", "1,Infinity,1"}) {
            assertThatThrownBy(() -> BudgetSplit.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("positive");
        }
    }
}
