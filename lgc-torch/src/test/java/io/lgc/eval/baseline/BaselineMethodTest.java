package io.lgc.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.data.Dataset;
import io.lgc.eval.SyntheticImages;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BaselineMethodTest {
    private static final Dataset THREE_CLASSES = SyntheticImages.bands(20, 3, 4, 1);

    /** One class: twenty near-identical mid-grey images, a black one at 7 and a white one at 15. */
    private static Dataset clusterWithTwoOutliers() {
        int[] values = IntStream.range(0, 22).map(i -> 125 + i % 7).toArray();
        values[7] = 0;
        values[15] = 255;
        return SyntheticImages.flat(4, values);
    }

    @ParameterizedTest
    @EnumSource(BaselineMethod.class)
    void choosesExactlyTheBudgetedNumberOfEveryClass(BaselineMethod method) {
        Baseline baseline = Baseline.choose(THREE_CLASSES, method, new ByteBudget(3 * 16 * 5 + 47), 1);
        assertThat(baseline.perClass()).isEqualTo(5);
        assertThat(baseline.classCounts()).containsExactly(5, 5, 5);
        assertThat(baseline.pixelBytes()).isEqualTo(15 * 16);
        assertThat(baseline.subset().classNames()).isEqualTo(THREE_CLASSES.classNames());
    }

    @ParameterizedTest
    @EnumSource(BaselineMethod.class)
    void returnsDistinctIndicesInDatasetOrderWithTheirOwnPixelsAndLabels(BaselineMethod method) {
        int[] chosen = method.select(THREE_CLASSES, 5, 9);
        assertThat(chosen).isSorted().doesNotHaveDuplicates().hasSize(15);
        Dataset subset = Baseline.choose(THREE_CLASSES, method, new ByteBudget(3 * 16 * 5), 9).subset();
        assertThat(subset.pixels()).isEqualTo(THREE_CLASSES.subset(chosen).pixels());
        assertThat(subset.labels()).isEqualTo(THREE_CLASSES.subset(chosen).labels());
    }

    @ParameterizedTest
    @EnumSource(BaselineMethod.class)
    void aClassWithFewerImagesThanBoughtGivesAllItHas(BaselineMethod method) {
        Dataset uneven = THREE_CLASSES.subset(IntStream.range(0, 60).filter(i -> i % 3 != 2 || i < 9).toArray());
        assertThat(uneven.classCounts()).containsExactly(20, 20, 3);
        assertThat(Baseline.choose(uneven, method, new ByteBudget(3 * 16 * 5), 1).classCounts())
                .containsExactly(5, 5, 3);
    }

    @Test
    void randomSubsetIsTheSameForASeedAndDiffersAcrossSeeds() {
        int[] first = BaselineMethod.RANDOM_SUBSET.select(THREE_CLASSES, 5, 42);
        assertThat(BaselineMethod.RANDOM_SUBSET.select(THREE_CLASSES, 5, 42)).isEqualTo(first);
        assertThat(BaselineMethod.RANDOM_SUBSET.select(THREE_CLASSES, 5, 43)).isNotEqualTo(first);
    }

    @Test
    void kcenterIsTheSameForASeed() {
        Dataset noisy = SyntheticImages.bands(30, 2, 6, 3);
        assertThat(BaselineMethod.KCENTER.select(noisy, 4, 8)).isEqualTo(BaselineMethod.KCENTER.select(noisy, 4, 8));
    }

    @Test
    void kcenterAlwaysPicksTheTwoFarAwayImagesWhereRandomRarelyDoes() {
        Dataset data = clusterWithTwoOutliers();
        int bothByRandom = 0;
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(BaselineMethod.KCENTER.select(data, 3, seed)).as("seed %d", seed).contains(7, 15);
            int[] random = BaselineMethod.RANDOM_SUBSET.select(data, 3, seed);
            bothByRandom += Arrays.stream(random).filter(i -> i == 7 || i == 15).count() == 2 ? 1 : 0;
        }
        assertThat(bothByRandom).isLessThan(5); // the property is not something any choice has
    }

    @Test
    void kcenterTakesTheFarthestImageFromEverythingChosenAtEachStep() {
        // Starting anywhere, the second pick is the image farthest from the start.
        Dataset line = SyntheticImages.flat(2, 0, 10, 20, 30, 100);
        int[] picked = KCenterGreedy.select(ClassImages.of(line, new int[] {0, 1, 2, 3, 4}), 3, 5);
        int start = picked[0];
        int farthest = start == 4 ? 0 : 4;
        assertThat(picked[1]).isEqualTo(farthest);
    }

    @Test
    void herdingMatchesTheClassMeanGreedily() {
        // Mean 98.75: first the image closest to it (100), then the one that brings the mean of two
        // closest (95, mean 97.5), then 200 (mean of three 131.7 beats 65 with the black image).
        Dataset data = SyntheticImages.flat(3, 100, 0, 200, 95);
        assertThat(BaselineMethod.HERDING.select(data, 1, 1)).containsExactly(0);
        assertThat(BaselineMethod.HERDING.select(data, 2, 1)).containsExactly(0, 3);
        assertThat(BaselineMethod.HERDING.select(data, 3, 1)).containsExactly(0, 2, 3);
        assertThat(BaselineMethod.HERDING.select(data, 2, 1)).isEqualTo(BaselineMethod.HERDING.select(data, 2, 77));
    }

    @Test
    void parsesTheCommandLineNames() {
        assertThat(BaselineMethod.parse("random-subset")).isEqualTo(BaselineMethod.RANDOM_SUBSET);
        assertThat(BaselineMethod.parse("kcenter")).isEqualTo(BaselineMethod.KCENTER);
        assertThat(BaselineMethod.parse("herding")).isEqualTo(BaselineMethod.HERDING);
        assertThatThrownBy(() -> BaselineMethod.parse("kmeans")).isInstanceOf(InputException.class)
                .hasMessage("unknown baseline method 'kmeans'; known: random-subset, kcenter, herding");
    }
}
