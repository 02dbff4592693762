package io.lgc.eval.baseline;

import io.lgc.InputException;
import io.lgc.data.Dataset;
import java.util.Arrays;
import java.util.Locale;

/** The ways of choosing real images that the compressed artifact is compared with at equal bytes. */
public enum BaselineMethod {
    /** Uniformly random images of each class. */
    RANDOM_SUBSET("random-subset") {
        @Override
        int[] selectInClass(byte[][] images, int count, long seed) {
            return RandomSubset.select(images.length, count, seed);
        }
    },
    /** Greedy k-center (farthest-point traversal) in pixel space, from a seeded first image. */
    KCENTER("kcenter") {
        @Override
        int[] selectInClass(byte[][] images, int count, long seed) {
            return KCenterGreedy.select(images, count, seed);
        }
    },
    /** Herding: greedily matches the class's mean image in pixel space; deterministic, no seed. */
    HERDING("herding") {
        @Override
        int[] selectInClass(byte[][] images, int count, long seed) {
            return Herding.select(images, count);
        }
    };

    private final String cliName;

    BaselineMethod(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Positions (into {@code images}) of {@code count} chosen images, count ≤ images.length. */
    abstract int[] selectInClass(byte[][] images, int count, long seed);

    /** Whether this method compares images, so that the space they are compared in matters. */
    public boolean usesDistances() {
        return this != RANDOM_SUBSET;
    }

    /**
     * Chooses up to {@code perClass} images of every class (all of a class that has fewer) and returns
     * their dataset indices in dataset order. Each class gets its own seed, derived from {@code seed}
     * and the class, so one class's choice does not depend on the sizes of the others.
     */
    public int[] select(Dataset dataset, int perClass, long seed) {
        int[] chosen = new int[0];
        for (int c = 0; c < dataset.numClasses(); c++) {
            int[] members = dataset.indicesOf(c);
            int count = Math.min(perClass, members.length);
            int[] positions = selectInClass(ClassImages.of(dataset, members), count, seed * 1_000_003L + c);
            int from = chosen.length;
            chosen = Arrays.copyOf(chosen, from + positions.length);
            for (int i = 0; i < positions.length; i++) {
                chosen[from + i] = members[positions[i]];
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** The method a command-line name stands for; anything else is an {@link InputException}. */
    public static BaselineMethod parse(String name) {
        for (BaselineMethod m : values()) {
            if (m.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InputException("unknown baseline method '" + name + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(BaselineMethod::cliName).toList()));
    }
}
