package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Deterministic subsets. */
class SubsetsTest {
    private static final ImageShape SHAPE = new ImageShape(1, 1, 2);
    // labels 0,1,2,0,1,2,... over 12 samples
    private static final Dataset DATA = IdxFixtures.dataset(12, SHAPE, 3);

    @Test
    void stratifiedFirstTakesTheFirstSamplesOfEachClassInDatasetOrder() {
        Dataset subset = Subsets.stratifiedFirst(DATA, 2);

        assertThat(subset.labels()).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(subset.pixels()).isEqualTo(DATA.subset(new int[] {0, 1, 2, 3, 4, 5}).pixels());
        assertThat(subset.classNames()).isEqualTo(DATA.classNames());
    }

    @Test
    void stratifiedFirstTakesAllOfAClassThatHasFewer() {
        assertThat(Subsets.stratifiedFirst(DATA, 100).classCounts()).containsExactly(4, 4, 4);
    }

    @Test
    void randomIsReproducibleForASeedAndDiffersBetweenSeeds() {
        Dataset a = Subsets.random(DATA, 5, 42);
        Dataset b = Subsets.random(DATA, 5, 42);
        Dataset c = Subsets.random(DATA, 5, 43);

        assertThat(a.size()).isEqualTo(5);
        assertThat(a.pixels()).isEqualTo(b.pixels());
        assertThat(a.pixels()).isNotEqualTo(c.pixels());
    }

    @Test
    void randomDrawsDistinctSamplesKeptInDatasetOrder() {
        // each sample's first pixel identifies it: pixels() of sample i start at 2i
        Dataset subset = Subsets.random(DATA, 8, 7);
        int[] firstPixels = new int[subset.size()];
        for (int i = 0; i < subset.size(); i++) {
            firstPixels[i] = indexOf(subset.pixels()[i * SHAPE.size()], subset.pixels()[i * SHAPE.size() + 1]);
        }

        assertThat(firstPixels).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void randomOfMoreThanTheDatasetIsTheDataset() {
        assertThat(Subsets.random(DATA, 99, 1).pixels()).isEqualTo(DATA.pixels());
    }

    private static int indexOf(byte first, byte second) {
        for (int i = 0; i < DATA.size(); i++) {
            if (DATA.pixels()[2 * i] == first && DATA.pixels()[2 * i + 1] == second) {
                return i;
            }
        }
        throw new AssertionError("sample not in the dataset");
    }
}
