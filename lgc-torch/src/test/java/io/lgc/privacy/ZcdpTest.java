package io.lgc.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZcdpTest {
    @Test
    void rhoForOneEpsilonAtDeltaOneInAHundredThousand() {
        // (sqrt(ln 1e5 + 1) - sqrt(ln 1e5))^2 = (3.5373615 - 3.3930701)^2
        assertThat(Zcdp.rhoFor(1, 1e-5)).isCloseTo(0.02081994, within(1e-7));
    }

    @Test
    void theConversionBackGivesTheEpsilonAskedFor() {
        for (double epsilon : new double[] {0.1, 1, 3, 8, 50}) {
            for (double delta : new double[] {1e-3, 1e-6, 1e-9}) {
                assertThat(Zcdp.epsilonOf(Zcdp.rhoFor(epsilon, delta), delta)).isCloseTo(epsilon, within(1e-9));
            }
        }
    }

    @Test
    void aGaussianMechanismCostsSensitivitySquaredOverTwiceTheVariance() {
        double sigma = Zcdp.sigma(3, 0.5);
        assertThat(3 * 3 / (2 * sigma * sigma)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void refusesBudgetsThatAreNoBudget() {
        assertThatThrownBy(() -> Zcdp.rhoFor(0, 1e-5)).hasMessageContaining("epsilon must be a positive number, got 0");
        assertThatThrownBy(() -> Zcdp.rhoFor(1, 1)).hasMessageContaining("delta must be in (0, 1), got 1");
        assertThatThrownBy(() -> Zcdp.rhoFor(Double.POSITIVE_INFINITY, 1e-5)).hasMessageContaining("epsilon");
    }
}
