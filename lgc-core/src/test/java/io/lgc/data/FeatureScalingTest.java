package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-feature standardisation: what is stored, and that undoing it gives back the original units. */
class FeatureScalingTest {
    private static final TableColumns COLUMNS = TableColumns.labelLast(List.of("a", "b", "constant"), "y");

    /** Rows (1, 100, 7), (3, 300, 7), (5, 500, 7), (7, 700, 7). */
    private static Table table() {
        float[] v = new float[12];
        for (int i = 0; i < 4; i++) {
            v[3 * i] = 2 * i + 1;
            v[3 * i + 1] = 100 * (2 * i + 1);
            v[3 * i + 2] = 7;
        }
        return new Table(v, new int[] {0, 1, 0, 1}, List.of("p", "q"), COLUMNS);
    }

    @Test
    void meanAndPopulationStdPerFeatureAndOneForAConstantColumn() {
        FeatureScaling s = FeatureScaling.fit(table());

        assertThat(s.mean()).containsExactly(4, 400, 7);
        // population std of 1, 3, 5, 7: sqrt(((9 + 1 + 1 + 9) / 4) = sqrt(5)
        assertThat(s.std()).containsExactly(new double[] {Math.sqrt(5), 100 * Math.sqrt(5), 1}, within(1e-12));
    }

    @Test
    void standardisedFeaturesHaveMeanZeroAndStdOne() {
        Table z = FeatureScaling.fit(table()).standardise(table());

        FeatureScaling again = FeatureScaling.fit(z);
        assertThat(again.mean()).containsExactly(new double[] {0, 0, 0}, within(1e-7));
        assertThat(again.std()).as("the constant column stays constant: std 1 by convention")
                .containsExactly(new double[] {1, 1, 1}, within(1e-6));
        assertThat(z.labels()).isEqualTo(table().labels());
        assertThat(z.columns()).isEqualTo(COLUMNS);
    }

    @Test
    void restoringGivesBackTheOriginalUnits() {
        FeatureScaling s = FeatureScaling.fit(table());
        Table z = s.standardise(table());

        assertThat(s.restore(z.values())).containsExactly(table().values(), within(1e-4f));
        assertThat(s.restore(new float[] {0, 0, 0, 1, -1, 0}))
                .containsExactly(new float[] {4, 400, 7, 4 + (float) Math.sqrt(5), 400 - 100 * (float) Math.sqrt(5), 7},
                        within(1e-4f));
    }

    @Test
    void restoringNeverYieldsAnInfiniteValue() {
        FeatureScaling huge = new FeatureScaling(new double[] {0}, new double[] {1e38});
        assertThat(huge.restore(new float[] {100f, -100f})).containsExactly(Float.MAX_VALUE, -Float.MAX_VALUE);
    }

    @Test
    void invalidScalingsAreRefused() {
        assertThatThrownBy(() -> new FeatureScaling(new double[] {0}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeatureScaling(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeatureScaling(new double[] {0, 1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        FeatureScaling two = new FeatureScaling(new double[] {0, 1}, new double[] {1, 1});
        assertThatThrownBy(() -> two.standardise(table())).isInstanceOf(IllegalArgumentException.class);
    }
}
